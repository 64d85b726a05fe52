import Testing
@testable import JSONSchema

struct ProgramTextCase: Sendable, CustomTestStringConvertible {
    let name: String
    let schema: String
    /// Instances, some valid and some not.
    let instances: [String]
    var testDescription: String { name }
}

/// A validity program written as text and read back is the same program: it writes the same
/// text again and gives every instance the verdict the compiled schema gives. Text that is not
/// a whole program is refused, never run.
@Suite("Validity programs as text")
struct ProgramTextTests {
    static let cases: [ProgramTextCase] = [
        .init(name: "types, lengths and counts",
              schema: #"{"type": "object", "required": ["a"], "minProperties": 1, "maxProperties": 3, "properties": {"a": {"type": ["string", "null"], "minLength": 2, "maxLength": 4}, "b": {"type": "array", "minItems": 1, "maxItems": 2, "uniqueItems": true}}, "additionalProperties": false}"#,
              instances: [#"{"a": "abc"}"#, #"{"a": "é"}"#, #"{"a": null, "b": [1, 1]}"#, #"{"b": [1]}"#, #"{"a": "ab", "c": 1}"#, #"[]"#]),
        .init(name: "enum, const and numbers",
              schema: #"{"properties": {"e": {"enum": ["x", "y", 3]}, "s": {"enum": ["only", "strings"]}, "c": {"const": {"k": [1, 2.5]}}, "n": {"multipleOf": 0.5, "minimum": -1, "exclusiveMaximum": 10, "maximum": 1e3, "exclusiveMinimum": -2}}}"#,
              instances: [#"{"e": "x", "s": "only", "c": {"k": [1, 2.5]}, "n": 1.5}"#, #"{"e": 4}"#, #"{"s": "other"}"#, #"{"c": {"k": [1]}}"#, #"{"n": 10}"#, #"{"n": 0.3}"#]),
        .init(name: "patterns, named and of properties",
              schema: #"{"type": "object", "properties": {"id": {"pattern": "^[a-z][a-z0-9-]*$"}}, "patternProperties": {"^x-": {"type": "integer"}, "\\d$": {"type": "boolean"}}, "propertyNames": {"maxLength": 6}}"#,
              instances: [#"{"id": "ab-1", "x-a": 3, "k1": true}"#, #"{"id": "Ab"}"#, #"{"x-b": "s"}"#, #"{"toolongname": 1}"#, #"{"q2": 1}"#]),
        .init(name: "applicators and references",
              schema: ##"{"$defs": {"pos": {"type": "integer", "minimum": 1}, "tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/tree"}}}}}, "properties": {"all": {"allOf": [{"$ref": "#/$defs/pos"}, {"maximum": 5}]}, "any": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/pos"}]}, "one": {"oneOf": [{"type": "integer"}, {"minimum": 2}]}, "not": {"not": {"type": "null"}}, "cond": {"if": {"type": "string"}, "then": {"minLength": 3}, "else": {"type": "integer"}}, "tuple": {"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}, "has": {"contains": {"const": 1}, "minContains": 2, "maxContains": 3}, "tree": {"$ref": "#/$defs/tree"}, "no": false, "yes": true}}"##,
              instances: [#"{"all": 3, "any": "s", "one": 1, "not": 1, "cond": "abc", "tuple": ["a", 1], "has": [1, 1], "tree": {"kids": [{"kids": []}]}, "yes": 0}"#,
                          #"{"all": 6}"#, #"{"any": 0}"#, #"{"one": 3}"#, #"{"not": null}"#, #"{"cond": "ab"}"#, #"{"cond": 1.5}"#,
                          #"{"tuple": ["a", 1, 2]}"#, #"{"has": [1]}"#, #"{"has": [1, 1, 1, 1]}"#, #"{"tree": {"kids": [3]}}"#, #"{"no": 1}"#]),
        .init(name: "dependencies",
              schema: #"{"dependentRequired": {"card": ["billing"]}, "dependentSchemas": {"trial": {"required": ["ends"]}}}"#,
              instances: [#"{"card": 1, "billing": 2}"#, #"{"card": 1}"#, #"{"trial": true, "ends": 1}"#, #"{"trial": true}"#, #"{}"#]),
        .init(name: "keywords left to the full evaluator",
              schema: #"{"properties": {"a": {"type": "object", "unevaluatedProperties": false}}}"#,
              instances: [#"{"a": {}}"#, #"{"a": {"b": 1}}"#, #"{}"#]),
    ]

    static func compile(_ text: String) throws -> Schema {
        var compiler = SchemaCompiler()
        return try compiler.compile(try JSONParser.parse(text))
    }

    static func readBack(_ text: [UInt8], whole: Schema) -> Schema? {
        text.withUnsafeBufferPointer { Schema.read(programText: $0, options: .init(), wholes: [{ whole }]) }?.first
    }

    @Test(arguments: cases)
    func roundTrip(_ c: ProgramTextCase) throws {
        let schema = try Self.compile(c.schema)
        let text = Schema.programText(of: [schema], options: .init())
        #expect(text.allSatisfy { $0 >= 0x3F && $0 <= 0x7E }, "the text is not printable ASCII")
        let back = try #require(Self.readBack(text, whole: schema))
        #expect(back.isPrecompiled)
        var again = ProgramTextWriter()
        again.int(0)
        again.string(Draft.draft2020_12.rawValue)
        back.program.write(to: &again)
        #expect(again.bytes == text)
        for instance in c.instances {
            let value = try JSONParser.parse(instance).value
            let flat = FlatInstance(value)
            #expect(back.isValid(flat) == schema.isValid(flat), "\(instance)")
            // What the program cannot call valid goes to the whole schema, with its errors.
            #expect(back.validate(value).errors == schema.validate(value).errors, "\(instance)")
        }
    }

    /// Several schemas in one program: what they share is written once, and each reads back
    /// to its own root.
    @Test func severalSchemasShareOneProgram() throws {
        var compiler = SchemaCompiler()
        let common = try JSONParser.parse(#"{"$id": "https://x.test/common", "$defs": {"name": {"type": "string", "minLength": 2}}}"#)
        try compiler.register(common)
        let a = try compiler.compile(try JSONParser.parse(##"{"properties": {"n": {"$ref": "https://x.test/common#/$defs/name"}}, "required": ["n"]}"##))
        let b = try compiler.compile(try JSONParser.parse(##"{"type": "array", "items": {"$ref": "https://x.test/common#/$defs/name"}}"##))
        let text = Schema.programText(of: [a, b], options: .init())
        let separately = Schema.programText(of: [a], options: .init()).count + Schema.programText(of: [b], options: .init()).count
        #expect(text.count < separately)
        let back = try #require(text.withUnsafeBufferPointer { Schema.read(programText: $0, options: .init(), wholes: [{ a }, { b }]) })
        #expect(back.count == 2)
        let object = FlatInstance(try JSONParser.parse(#"{"n": "ok"}"#).value)
        let array = FlatInstance(try JSONParser.parse(#"["ok", "x"]"#).value)
        #expect(back[0].isValid(object) == true)
        #expect(back[1].isValid(object) == false)
        #expect(back[1].isValid(array) == false)
        #expect(back[0].isValid(array) == true)  // `properties` and `required` judge objects only
    }

    /// Cut short, a character changed, an index past the end, other options: refused.
    @Test func textThatIsNotAProgramIsRefused() throws {
        let schema = try Self.compile(Self.cases[3].schema)
        let text = Schema.programText(of: [schema], options: .init())
        #expect(text.withUnsafeBufferPointer { Schema.read(programText: $0, options: .init(formatAssertion: true), wholes: [{ schema }]) } == nil)
        #expect(text.withUnsafeBufferPointer { Schema.read(programText: $0, options: .init(), wholes: [{ schema }, { schema }]) } == nil)
        for cut in stride(from: 0, to: text.count, by: max(1, text.count / 200)) {
            #expect(Self.readBack(Array(text[..<cut]), whole: schema) == nil, "cut at \(cut)")
        }
        var foreign = text
        foreign[foreign.count / 2] = UInt8(ascii: "!")
        #expect(Self.readBack(foreign, whole: schema) == nil)
        // Every character changed in turn: whatever reads back must hold its indexes in range
        // (the program runs without bounds checks), which running it on instances shows.
        let instance = FlatInstance(try JSONParser.parse(Self.cases[3].instances[0]).value)
        for at in stride(from: 0, to: text.count, by: 3) {
            var changed = text
            changed[at] = changed[at] == 0x7E ? 0x3F : changed[at] + 1
            if let back = Self.readBack(changed, whole: schema) { _ = back.isValid(instance) }
        }
    }
}
