import Testing
@testable import JSONSchema

struct LifetimeCase: Sendable, CustomTestStringConvertible {
    let name: String
    let schema: String
    var testDescription: String { name }
}

/// A compiled schema is freed with its last reference, even when its nodes form a cycle.
@Suite("Compiled schemas are freed")
struct SchemaLifetimeTests {
    static let cases: [LifetimeCase] = [
        .init(name: "no reference", schema: ##"{"type": "object", "properties": {"a": {"type": "string"}}}"##),
        .init(name: "recursive $ref", schema: ##"{"properties": {"child": {"$ref": "#"}}}"##),
        .init(name: "$ref through $defs", schema: ##"{"$ref": "#/$defs/a", "$defs": {"a": {"items": {"$ref": "#/$defs/a"}}}}"##),
        .init(name: "$dynamicRef", schema: ##"{"$id": "https://x.test/s", "$dynamicAnchor": "m", "items": {"$dynamicRef": "#m"}}"##),
        // A subschema whose $id names its own document is that document's root again.
        .init(name: "$id naming its ancestor", schema: ##"{"$id": "https://x.test/a", "properties": {"x": {"$id": "https://x.test/a"}}}"##),
        // The meta-schema's own `$ref` to itself, as the fuzzer first met it.
        .init(name: "$ref to the meta-schema", schema: ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#", "not": {"$ref": "#"}}"##),
    ]

    @Test(arguments: cases)
    func freed(_ c: LifetimeCase) throws {
        weak var root: SchemaNode?
        weak var registry: SchemaRegistry?
        do {
            var compiler = SchemaCompiler()
            let schema = try compiler.compile(try JSONParser.parse(c.schema))
            _ = schema.validate(.array([]))
            root = schema.root
            registry = schema.registry
        }
        #expect(registry == nil)
        #expect(root == nil)
    }

    /// A schema that failed to compile leaves nothing behind either.
    @Test func failedCompileIsFreed() throws {
        weak var registry: SchemaRegistry?
        do {
            var compiler = SchemaCompiler()
            registry = compiler.registry
            #expect(throws: SchemaError.self) {
                try compiler.compile(try JSONParser.parse(##"{"properties": {"a": {"$ref": "#"}}, "minimum": "x"}"##))
            }
        }
        #expect(registry == nil)
    }
}
