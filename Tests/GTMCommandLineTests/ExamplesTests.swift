import Foundation
import Testing

/// Each example's findings, as `examples/README.md` promises them: rule, position, and the
/// positions of the other side. The tool must produce exactly these, no more, no fewer.
struct PromisedFindings: Sendable, CustomTestStringConvertible {
    let example: String
    let rows: [String]
    var testDescription: String { example }

    static var all: [PromisedFindings] {
        let readme = (try? String(contentsOf: Paths.packageRoot.appendingPathComponent("examples/README.md"), encoding: .utf8)) ?? ""
        var result: [PromisedFindings] = []
        var current: String?
        var rows: [String] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                if let current { result.append(PromisedFindings(example: current, rows: rows)) }
                current = String(line.dropFirst(3))
                rows = []
            } else if line.hasPrefix("| GTM") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                rows.append(cells[0] + " " + cells[1] + " " + cells[2])
            }
        }
        if let current { result.append(PromisedFindings(example: current, rows: rows)) }
        return result
    }
}

@Suite("The examples produce the findings their README promises")
struct ExamplesTests {
    @Test func thereAreAtLeastThreeExamples() {
        #expect(PromisedFindings.all.count >= 3)
        #expect(PromisedFindings.all.allSatisfy { !$0.rows.isEmpty })
    }

    @Test(arguments: PromisedFindings.all)
    func example(_ promised: PromisedFindings) throws {
        let result = try gtm(["check", "--today", "2026-11-24", "--format", "json", "examples/\(promised.example)"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let prefix = "examples/\(promised.example)/"
        func place(_ f: [String: Any]) -> String {
            "`\((f["path"] as! String).dropFirst(prefix.count)):\(f["line"]!):\(f["column"]!)`"
        }
        let actual = findings.map { f in
            let related = (f["related"] as? [[String: Any]] ?? []).map(place).joined(separator: ", ")
            return "\(f["rule"]!) \(place(f)) \(related.isEmpty ? "—" : related)"
        }
        #expect(actual.sorted() == promised.rows.sorted())
        #expect(result.status == (findings.contains { $0["severity"] as? String == "error" } ? 1 : 0))
    }
}
