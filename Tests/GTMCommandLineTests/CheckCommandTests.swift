import Foundation
import GTMSchemas
import Testing

struct ExpectedFinding: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let column: Int
    let rule: String
    var testDescription: String { "\(file) \(rule)" }
}

@Suite("gtm check from the command line")
struct CheckCommandTests {
    static let broken: [ExpectedFinding] = [
        .init(file: "duplicate-key.yaml", line: 5, column: 1, rule: "yaml-duplicate-key"),
        .init(file: "syntax-error.yaml", line: 6, column: 10, rule: "yaml-syntax"),
        .init(file: "billion-laughs.yaml", line: 6, column: 8, rule: "yaml-alias-expansion"),
    ]

    @Test(arguments: broken)
    func reportsBadInputAtItsPosition(_ expected: ExpectedFinding) throws {
        let result = try gtm(["check", expected.file], in: Paths.fixtures.appendingPathComponent("broken"))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("\(expected.file):\(expected.line):\(expected.column): error:"), "\(result.stdout)")
        #expect(result.stdout.contains("[\(expected.rule)]"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try gtm(["check", "--format", "json", "."], in: Paths.fixtures.appendingPathComponent("broken"))
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for f in findings {
            for key in ["rule", "severity", "message", "path", "line", "column", "pointer", "related"] {
                #expect(f.keys.contains(key), "finding lacks \(key)")
            }
        }
        let duplicate = try #require(findings.first { $0["rule"] as? String == "yaml-duplicate-key" })
        let related = try #require(duplicate["related"] as? [[String: Any]])
        #expect(related.first?["line"] as? Int == 4)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 4)
        #expect(files.allSatisfy { $0["valid"] as? Bool == false })
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["files"] == 4)
        #expect(Set(summary.keys) == ["files", "errors", "warnings", "notes"])
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try gtm(["check", "--no-such-flag"]).status == 2)
        #expect(try gtm(["check", "/no/such/path"]).status == 2)
        #expect(try gtm(["frobnicate"]).status == 2)
    }

    @Test func textOutputIsStableAndSorted() throws {
        let dir = Paths.fixtures.appendingPathComponent("broken")
        let first = try gtm(["check", "."], in: dir)
        let second = try gtm(["check", "."], in: dir)
        #expect(first.stdout == second.stdout)
        let lines = first.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropLast()
        let paths = lines.map { String($0.prefix { $0 != ":" }) }
        #expect(paths == paths.sorted())
        #expect(first.stdout.hasSuffix("in 4 files\n"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let result = try gtm(["check", "."], in: Paths.fixtures.appendingPathComponent("broken"), environment: ["NO_COLOR": ""])
        #expect(!result.stdout.contains("\u{1B}["))
    }
}

@Suite("The bundled strategy and schemas")
struct BundledStrategyTests {
    @Test func ownStrategyIsClean() throws {
        let result = try gtm(["check", "--today", "2026-11-24"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("0 errors, 0 warnings in "), "\(result.stdout)")
    }

    /// The bytes are embedded from the folder itself; only the list of names can drift.
    @Test func everySchemaInTheFolderIsBuiltIn() throws {
        let folder = Paths.packageRoot.appendingPathComponent("schemas")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.json") }.sorted()
        #expect(BundledSchemas.files.map(\.name) == names, "list every schema of schemas/ in Sources/GTMSchemas/BundledSchemas.swift")
        for file in BundledSchemas.files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(Array(bytes) == file.bytes, "\(file.name) differs from the built-in copy")
        }
    }

    @Test func worksWithoutASchemasFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-noschemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("strategy"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            apiVersion: gtm/v1
            kind: Segment
            id: x
            accounts: {estimated: lots}
            excludes: [a]
            """.write(to: dir.appendingPathComponent("strategy/x.yaml"), atomically: false, encoding: .utf8)
        let result = try gtm(["check"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("strategy/x.yaml:4:23: error: expected an integer, got the string \"lots\" [schema]"), "\(result.stdout)")
        #expect(result.stdout.contains("strategy/x.yaml:5:1: error: unknown property \"excludes\""), "\(result.stdout)")
    }
}

@Suite("Hostile numbers")
struct HostileNumberTests {
    @Test func hugeValuesInDocumentsAndSettingsNeverCrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-huge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("strategy"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            apiVersion: gtm/v1
            kind: Strategy
            id: s
            owner: {role: ceo}
            stage: product-market-fit
            beachhead: x
            buyers: {committeeSize: 100000000000000000000000}
            motion: {primary: product-led}
            economics: {paybackMonths: 1e300, acv: {amount: 1e299, currency: USD}, grossMarginPercent: 90, servicesCostPercent: 100}
            ---
            apiVersion: gtm/v1
            kind: Segment
            id: x
            accounts: {estimated: 1e300}

            """.write(to: dir.appendingPathComponent("strategy/s.yaml"), atomically: false, encoding: .utf8)
        try "rules:\n  GTM401: {quarterly-days: 1e300}\n  GTM216: {min-word-length: -1e300}\n"
            .write(to: dir.appendingPathComponent(".gtm.yaml"), atomically: false, encoding: .utf8)
        let result = try gtm(["check", "--today", "2026-11-24"], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("estimated at 1e+300 accounts"))
    }
}
