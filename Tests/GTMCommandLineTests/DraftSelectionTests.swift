import Foundation
import Testing

/// `gtm validate` reads each schema by the draft its `$schema` names, and one without by
/// `--default-draft` or `default-draft:`; an unknown `$schema` is named, never guessed.
@Suite("Every draft, by its own rules")
struct DraftSelectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var schema: String
        var file: String
        var extra: [String] = []
        var status: Int32
        var says: [String] = []
        var doesNotSay: [String] = []
        var testDescription: String { "\(schema) \(extra.joined(separator: " ")) \(file)" }
    }

    static let cases: [Case] = [
        // A draft-07 `$ref` hides its siblings: the job is not asked for `type`.
        Case(schema: "workflow-draft7.schema.json", file: "workflow-valid.yaml", status: 0, says: ["0 errors"]),
        Case(schema: "workflow-draft7.schema.json", file: "workflow-invalid.yaml", status: 1, says: [
            "workflow-invalid.yaml:1:10",  // `#trigger` is an anchor made by a fragment `$id`
            "workflow-invalid.yaml:2:20",  // `additionalItems: false` after an `items` list
            "workflow-invalid.yaml:5:5",   // the job misses `runs-on`
            "missing required property \"runs-on\"",
        ], doesNotSay: ["missing required property \"type\""]),
        // No `$schema`: 2020-12 by default, where `items` cannot be a list.
        Case(schema: "items-array-no-schema.json", file: "two-strings.yaml", status: 1, says: ["items-array-no-schema.json:3:3", "expected a schema"]),
        Case(schema: "items-array-no-schema.json", file: "two-strings.yaml", extra: ["--default-draft", "7"], status: 1, says: ["two-strings.yaml:2:3", "no value is allowed here"]),
        Case(schema: "items-array-no-schema.json", file: "two-strings.yaml", extra: ["--default-draft", "2019-09"], status: 1, says: ["two-strings.yaml:2:3"]),
        // Draft-04's boolean exclusiveMaximum.
        Case(schema: "draft4-exclusive.schema.json", file: "discount-50.yaml", status: 1, says: ["discount-50.yaml:1:11", "expected less than 50"]),
        Case(schema: "draft4-exclusive.schema.json", file: "discount-49.yaml", status: 0, says: ["0 errors"]),
        // A reference nothing resolves fails only the values that reach it, with a warning.
        Case(schema: "remote-ref.schema.json", file: "pipeline-docker.yaml", status: 0, says: [
            "remote-ref.schema.json:1:162: warning: cannot resolve $ref", "values that reach it are invalid",
        ]),
        Case(schema: "remote-ref.schema.json", file: "pipeline-k8s.yaml", status: 1, says: ["pipeline-k8s.yaml:2:11: error: this value cannot be judged"]),
        // An unknown dialect is named, at its position.
        Case(schema: "unknown-draft.schema.json", file: "two-strings.yaml", status: 1, says: [
            "unknown-draft.schema.json:2:3", "https://example.com/schemas/my-dialect", "--schema-map",
        ]),
    ]

    @Test(arguments: cases)
    func verdict(_ c: Case) throws {
        let dir = try copyFixtures()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try gtm(["validate", "--schema", c.schema] + c.extra + [c.file], in: dir)
        #expect(result.status == c.status, "\(result.status): \(result.stdout)\(result.stderr)")
        for text in c.says { #expect(result.stdout.contains(text), "expected \(text) in \(result.stdout)\(result.stderr)") }
        for text in c.doesNotSay { #expect(!result.stdout.contains(text), "did not expect \(text) in \(result.stdout)") }
    }

    @Test func anUnknownDefaultDraftIsRefused() throws {
        let dir = try copyFixtures()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try gtm(["validate", "--schema", "items-array-no-schema.json", "--default-draft", "8", "two-strings.yaml"], in: dir)
        #expect(result.status == 2, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("--default-draft expects one of 4, 6, 7, 2019-09, 2020-12, got \"8\""), "\(result.stderr)")
    }

    @Test func theSettingGivesTheDefaultDraft() throws {
        let dir = try copyFixtures()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "default-draft: draft-07\n".write(to: dir.appendingPathComponent(".gtm.yaml"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "items-array-no-schema.json", "two-strings.yaml"], in: dir)
        #expect(result.stdout.contains("two-strings.yaml:2:3"), "\(result.stdout)\(result.stderr)")

        try "default-draft: 5\n".write(to: dir.appendingPathComponent(".gtm.yaml"), atomically: false, encoding: .utf8)
        let wrong = try gtm(["validate", "--schema", "items-array-no-schema.json", "two-strings.yaml"], in: dir)
        #expect(wrong.stdout.contains(".gtm.yaml:1:16"), "\(wrong.stdout)\(wrong.stderr)")
        #expect(wrong.stdout.contains("is not a JSON Schema draft gtm reads"), "\(wrong.stdout)")
    }

    /// A schema over the file-size limit names the limit and the setting that raises it.
    @Test func aSchemaOverTheSizeLimitSaysWhichSettingRaisesIt() throws {
        let dir = try copyFixtures()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "limits:\n  max-file-size: 100\n".write(to: dir.appendingPathComponent(".gtm.yaml"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "workflow-draft7.schema.json", "two-strings.yaml"], in: dir)
        #expect(result.status == 1, "\(result.status) \(result.stderr)")
        #expect(result.stdout.contains("over the limit of 100 bytes; raise limits.max-file-size in .gtm.yaml"), "\(result.stdout)\(result.stderr)")
    }

    func copyFixtures() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-drafts-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("drafts"), to: dir)
        return dir
    }
}
