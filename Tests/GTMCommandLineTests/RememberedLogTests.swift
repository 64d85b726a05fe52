import Foundation
import Testing

/// A second plain `gtm log` in a repository with a commit-graph is answered from what the
/// first kept, without libgit2 and without reading one object. Whatever it cannot know (a
/// commit after the graph, another HEAD, a variable that moves the repository) sends it
/// through git, and the output is always the one history itself gives.
@Suite("A remembered gtm log")
struct RememberedLogTests {
    static func graphed() throws -> KnownHistory {
        let h = try KnownHistory()
        try h.repo.git("commit-graph", "write", "--reachable", "--changed-paths")
        return h
    }

    static func log(_ h: KnownHistory, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> (status: Int32, out: String) {
        let result = try GTMCommandLineTests.gtm(["log"] + arguments, in: h.repo.root,
                                                 environment: GitFixture.environment.merging(environment) { $1 })
        return (result.status, result.stdout)
    }

    /// Removes every object (packs and loose), keeping git's commit-graph: what reads git now
    /// fails, and what is remembered does not.
    static func removeObjects(_ h: KnownHistory) throws {
        let objects = h.repo.root.appendingPathComponent(".git/objects")
        for name in try FileManager.default.contentsOfDirectory(atPath: objects.path) where name != "info" {
            try FileManager.default.removeItem(at: objects.appendingPathComponent(name))
        }
    }

    @Test func aSecondRunReadsNoObjectAndPrintsWhatHistoryGives() throws {
        let h = try Self.graphed()
        let fresh = try Self.log(h, ["--no-cache"])
        #expect(fresh.status == 0)
        #expect(try Self.log(h).out == fresh.out)
        try Self.removeObjects(h)
        let remembered = try Self.log(h)
        #expect(remembered.status == 0)
        #expect(remembered.out == fresh.out)
        // The same command through git fails without objects: the run above did not read them.
        #expect(try Self.log(h, ["--no-cache"]).status != 0)
        // So does one that must read git: a variable naming the repository is git's to read.
        #expect(try Self.log(h, environment: ["GIT_DIR": ".git"]).status != 0)
    }

    @Test func aTargetIsRememberedByItsOwnKey() throws {
        let h = try Self.graphed()
        let fresh = try Self.log(h, ["platform-teams", "--no-cache"])
        _ = try Self.log(h, ["platform-teams"])
        _ = try Self.log(h)
        try Self.removeObjects(h)
        #expect(try Self.log(h, ["platform-teams"]).out == fresh.out)
    }

    @Test func aCommitAfterTheGraphIsReadThroughGit() throws {
        let h = try Self.graphed()
        _ = try Self.log(h)
        try h.repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "700").replacing("max: 500", with: "max: 300"))
        try h.commit("narrow after the graph", "strategy")
        let after = try Self.log(h)
        #expect(after.out.contains("narrow after the graph"))
        #expect(after.out == (try Self.log(h, ["--no-cache"])).out)
    }

    @Test func anotherHeadIsReadThroughGitThenRemembered() throws {
        let h = try Self.graphed()
        _ = try Self.log(h)
        try h.repo.git("checkout", "-q", "--detach", h.ids["broaden"]!)
        let fresh = try Self.log(h, ["--no-cache"])
        #expect(fresh.out.hasPrefix(String(h.ids["broaden"]!.prefix(7))))
        #expect(try Self.log(h).out == fresh.out)
        try Self.removeObjects(h)
        #expect(try Self.log(h).out == fresh.out)
    }
}
