import Foundation
import Testing

/// A history with an object missing (a partial copy, a damaged disk): the commands that read
/// it stop with git's words and the object's id, whichever thread met the hole, and never
/// crash or print half a history as if it were whole.
@Suite("A history with a missing object")
struct MissingObjectTests {
    /// The history, with the `strategy/segments` tree of its first commit deleted: the commits
    /// "add" and "unrelated" share it, so `gtm log` meets the hole comparing "broaden" with
    /// its parent, on the thread comparing commits rather than the one walking.
    static func damaged() throws -> (KnownHistory, String) {
        let h = try KnownHistory()
        let tree = try h.repo.git("rev-parse", "\(h.ids["add"]!):strategy/segments").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = h.repo.root.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        return (h, tree)
    }

    @Test(arguments: [["log"], ["log", "--no-cache"], ["log", "--format", "json"], ["bugs"], ["log", "--all-parents"]])
    func theCommandStopsNamingTheMissingTree(_ arguments: [String]) throws {
        let (h, tree) = try Self.damaged()
        let result = try GTMCommandLineTests.gtm(arguments, in: h.repo.root, environment: GitFixture.environment)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("cannot read tree \(tree.prefix(7))"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theNewestEntriesAreShownWhenTheWalkStopsBeforeTheHole() throws {
        let (h, _) = try Self.damaged()
        // "narrow" compares with "merge side": neither reads the deleted tree.
        let result = try GTMCommandLineTests.gtm(["log", "--max-count", "1"], in: h.repo.root, environment: GitFixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("narrow"))
    }
}
