import Foundation
import Testing

/// Each example's findings, as `examples/README.md` promises them: rule, position, and the
/// positions of the other side. The tool must produce exactly these, no more, no fewer. A
/// coherent example promises none ("No findings: clean under `--strict`.") and is checked with
/// `--strict`, so that a warning fails it as well as an error.
struct PromisedFindings: Sendable, CustomTestStringConvertible {
    let example: String
    let rows: [String]
    /// The section says the example is clean: no finding at all, under `--strict`.
    let promisesNone: Bool
    var testDescription: String { example }

    static let cleanLine = "No findings: clean under `--strict`."

    static var all: [PromisedFindings] {
        let readme = (try? String(contentsOf: Paths.packageRoot.appendingPathComponent("examples/README.md"), encoding: .utf8)) ?? ""
        var result: [PromisedFindings] = []
        var current: String?
        var rows: [String] = []
        var clean = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                if let current { result.append(PromisedFindings(example: current, rows: rows, promisesNone: clean)) }
                current = String(line.dropFirst(3))
                rows = []
                clean = false
            } else if line.hasPrefix("| GTM") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                rows.append(cells[0] + " " + cells[1] + " " + cells[2])
            } else if line.trimmingCharacters(in: .whitespaces) == cleanLine {
                clean = true
            }
        }
        if let current { result.append(PromisedFindings(example: current, rows: rows, promisesNone: clean)) }
        return result
    }

    static var coherent: [PromisedFindings] { all.filter(\.promisesNone) }
    static var contradictory: [PromisedFindings] { all.filter { !$0.promisesNone } }
}

@Suite("The examples produce the findings their README promises")
struct ExamplesTests {
    @Test func thereAreAtLeastEightExamplesOfWhichFourAreCoherent() {
        let all = PromisedFindings.all
        #expect(all.count >= 8)
        #expect(PromisedFindings.coherent.count >= 4)
        #expect(PromisedFindings.contradictory.count >= 4)
        // Each section either lists its findings or promises none, never both and never neither.
        for promised in all {
            #expect(promised.promisesNone == promised.rows.isEmpty, "\(promised.example): list the findings, or say \"\(PromisedFindings.cleanLine)\"")
        }
    }

    @Test func everyExampleFolderHasItsSection() throws {
        let folder = Paths.packageRoot.appendingPathComponent("examples")
        let entries = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
        let folders = try entries.filter { try $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true }.map(\.lastPathComponent)
        #expect(Set(folders) == Set(PromisedFindings.all.map(\.example)))
    }

    @Test(arguments: PromisedFindings.contradictory)
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

    /// A coherent example gives no finding of any severity, and `--strict` passes.
    @Test(arguments: PromisedFindings.coherent)
    func coherentExample(_ promised: PromisedFindings) throws {
        let result = try gtm(["check", "--strict", "--today", "2026-11-24", "--format", "json", "examples/\(promised.example)"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let shown = findings.map { f in "\(f["rule"] ?? "?") \(f["path"] ?? "?"):\(f["line"] ?? "?"):\(f["column"] ?? "?") \(f["message"] ?? "")" }
        #expect(shown.isEmpty, "\(promised.example) promises no findings")
        #expect(result.status == 0)
        // Every YAML file of the folder was read and is valid: a file gtm skipped would hide its findings.
        let files = try #require(object["files"] as? [[String: Any]])
        let folder = Paths.packageRoot.appendingPathComponent("examples/\(promised.example)")
        let yaml = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == yaml.count)
        #expect(files.allSatisfy { $0["valid"] as? Bool == true })
    }
}
