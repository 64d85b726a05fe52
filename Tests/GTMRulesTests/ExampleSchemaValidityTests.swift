import GTMCore
import GTMLint
import GTMSystem
import GTMModel
import GTMRules
import Testing

/// Every rule example is a strategy someone could commit: each of its documents is valid
/// against the repository's own schemas, so a rule is never shown judging a malformed file.
@Suite("Every rule's examples are schema-valid")
struct ExampleSchemaValidityTests {
    /// `schemas/` at the repository root, found from this file's path
    /// (`<root>/Tests/GTMRulesTests/ExampleSchemaValidityTests.swift`).
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    static let schemaFolder = root + "/schemas"

    static let catalog = SchemaCatalog.load(
        from: WorkingTreeSnapshot(root: root), folder: "schemas", displayFolder: "schemas",
        loader: { _ in nil }, options: .init(formatAssertion: true), maxFileSize: 1 << 20)

    @Test func schemasLoad() {
        let (catalog, findings) = Self.catalog
        #expect(findings.isEmpty, "the schemas do not load: \(findings.map { "\($0.location): \($0.message)" })")
        for kind in DocumentKind.allCases {
            // The catalog falls back to built-in schemas; these examples answer to the folder's.
            #expect(FileSystem.kind(of: Self.schemaFolder + "/" + kind.schemaFileName) == .file, "no \(kind.schemaFileName) in \(Self.schemaFolder)")
            #expect(catalog.schemas[kind] != nil, "no compiled schema for \(kind.rawValue)")
        }
    }

    /// Examples that cannot be valid because the rule reports exactly what the schema requires,
    /// each with the one schema message it may produce; any other message still fails.
    static let inherentlyInvalid: [String: String] = [
        // GTM301 reports a strategy that names no owner; the schema requires `owner`.
        "GTM301 failing #2": #"missing required property "owner""#,
        // GTM401 reports a review date no calendar has; with `format` asserted the schema does too.
        "GTM401 failing #1": #""2026-02-30" is not a valid date"#,
        // GTM309 reports a plan metric without a numeric target; the schema requires `target`.
        "GTM309 failing #3": #"missing required property "target""#,
    ]

    @Test(arguments: ExampleCase.all)
    func example(_ c: ExampleCase) throws {
        let documents = try ExampleRunner.documents(of: c.example)
        let findings = documents.flatMap { Self.catalog.0.validate($0).findings }
        let allowed = Self.inherentlyInvalid[c.testDescription]
        let problems = findings.filter { $0.message != allowed }.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(
            problems.isEmpty,
            """
            the example at \(c.example.file):\(c.example.line) is not valid against the schemas:
            \(problems.map { "  " + $0 }.joined(separator: "\n"))
            """,
            sourceLocation: c.sourceLocation)
        if let allowed {
            #expect(findings.contains { $0.message == allowed }, "the example is now valid; remove it from inherentlyInvalid", sourceLocation: c.sourceLocation)
        }
    }
}
