import Foundation
import Testing

struct RecursiveSchemaCase: Sendable, CustomTestStringConvertible {
    let name: String
    let schema: String
    var testDescription: String { name }
}

/// A repository's own schema may refer to itself: a tree of objects, or a `$ref` that leads
/// back where it started. Findings that explain themselves from the schema, and `gtm schema`,
/// still end (found by `make fuzz`: the field reference followed such a schema without end).
@Suite("Schemas that refer to themselves")
struct RecursiveSchemaTests {
    static let cases: [RecursiveSchemaCase] = [
        .init(name: "an object of itself", schema: ##"{"type": "object", "properties": {"id": {"type": "string"}, "kind": {}, "apiVersion": {}, "child": {"$ref": "#"}}, "additionalProperties": false}"##),
        .init(name: "a $ref to itself", schema: ##"{"$ref": "#", "additionalProperties": false}"##),
        .init(name: "two $defs referring to each other", schema: ##"{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a", "properties": {"x": {"$ref": "#/$defs/a"}}}}, "additionalProperties": false}"##),
        .init(name: "a tree that branches at every level", schema: ##"{"type": "object", "properties": {"id": {}, "kind": {}, "apiVersion": {}, "left": {"$ref": "#/$defs/n"}, "right": {"$ref": "#/$defs/n"}}, "additionalProperties": false, "$defs": {"n": {"type": "object", "properties": {"left": {"$ref": "#/$defs/n"}, "right": {"$ref": "#/$defs/n"}}}}}"##),
    ]

    @Test(arguments: cases)
    func checkAndSchemaEnd(_ c: RecursiveSchemaCase) throws {
        let repo = try GitFixture()
        try repo.write("schemas/Segment.schema.json", c.schema)
        try repo.write("strategy/segment.yaml", "apiVersion: gtm/v1\nkind: Segment\nid: s\nunknown: 1\n")
        let clock = ContinuousClock()
        var check: CommandResult?
        let elapsed = try clock.measure { check = try repo.gtm("check", "--today", "2026-11-25", "strategy/segment.yaml") }
        #expect(check?.stdout.contains("segment.yaml:4:1: error: unknown property \"unknown\"") == true, "\(check?.stdout ?? "")\(check?.stderr ?? "")")
        // Not a timing test: a bound far above the real cost, to catch a walk without end.
        #expect(elapsed < .seconds(20))
        let schema = try repo.gtm("schema", "--format", "markdown")
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout.contains("## Segment"))
    }
}
