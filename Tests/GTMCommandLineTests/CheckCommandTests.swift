import Foundation
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
