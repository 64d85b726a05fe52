import Foundation
import Testing

/// A commit that left the ICP's file unreadable (a YAML error) did not remove the segment, and
/// the commit that repaired it did not add one: `gtm log` says what happened, in every form.
@Suite("gtm log over a commit that broke the file")
struct UnreadableHistoryTests {
    /// The segment added, its file broken, then repaired as `repaired` by a commit `message`.
    static func history(repaired: String = StrategyText.segment(estimated: "4000"), message: String = "repair and broaden") throws -> GitFixture {
        let repo = try GitFixture.withStrategy(at: "strategy/segments/icp.yaml", message: "add")
        try repo.write("strategy/segments/icp.yaml", StrategyText.segment().replacing("accounts:", with: "accounts: [\n"))
        try repo.git("commit", "-q", "-am", "break")
        try repo.write("strategy/segments/icp.yaml", repaired)
        try repo.git("commit", "-q", "-am", message)
        return repo
    }

    @Test(arguments: [["log"], ["log", "--no-cache"], ["log", "--max-count", "3"]])
    func theTextSaysUnreadableAndReadableAgain(_ arguments: [String]) throws {
        let repo = try Self.history()
        let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let heads = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(heads.count == 3, "\(result.stdout)")
        #expect(heads.first?.hasSuffix("repair and broaden  [readable again]") == true, "\(result.stdout)")
        #expect(heads.dropFirst().first?.hasSuffix("break  [unreadable]") == true, "\(result.stdout)")
        #expect(heads.last?.hasSuffix("add  [added]") == true, "\(result.stdout)")
        #expect(result.stdout.contains("strategy/segments/icp.yaml cannot be read here (line "), "\(result.stdout)")
        #expect(!result.stdout.contains("the segment is removed"))
        #expect(!result.stdout.contains("[removed]"))
        // The repair is compared with what the file said before it broke.
        let broke = try repo.git("rev-parse", "--short=7", "HEAD~1").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = result.stdout.split(separator: "\n")
        let repaired = lines.firstIndex { $0.hasSuffix("repair and broaden  [readable again]") }.map { lines[($0 + 1)...] } ?? []
        #expect(repaired.first?.hasSuffix("can be read again; compared with what it said before \(broke) made it unreadable:") == true, "\(result.stdout)")
        #expect(repaired.dropFirst().first?.hasSuffix("the ICP went from 800 accounts to 4,000 accounts (broadened)") == true, "\(result.stdout)")
    }

    /// A file repaired as it was says so, with nothing else.
    @Test func aFileRepairedAsItWasSaysSo() throws {
        let repo = try Self.history(repaired: StrategyText.segment(), message: "repair")
        let result = try GTMCommandLineTests.gtm(["log"], in: repo.root, environment: GitFixture.environment)
        let broke = try repo.git("rev-parse", "--short=7", "HEAD~1").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("repair  [readable again]") == true, "\(result.stdout)")
        #expect(lines.dropFirst().first?.hasSuffix("can be read again, and says what it said before \(broke) made it unreadable") == true, "\(result.stdout)")
        #expect(lines.dropFirst(2).first?.hasPrefix("    ") == false, "\(result.stdout)")
    }

    @Test func theJSONCarriesTheClassifications() throws {
        let repo = try Self.history()
        let result = try GTMCommandLineTests.gtm(["log", "--format", "json"], in: repo.root, environment: GitFixture.environment)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["classification"] as? String } == ["readable again", "unreadable", "added"])
        let changes = entries.compactMap { ($0["changes"] as? [[String: Any]])?.first?["classification"] as? String }
        #expect(changes == ["document-readable-again", "document-unreadable", "document-added"])
    }
}
