import Foundation
import Testing

/// The history commands read git's commit-graph and its Bloom filters where they exist, and
/// libgit2 where they do not: the answers must not depend on which.
@Suite("History with and without a commit-graph")
struct CommitGraphHistoryTests {
    enum Graph: String, CaseIterable, CustomTestStringConvertible {
        case plain, changedPaths, split, stale, corrupt
        var testDescription: String { rawValue }
    }

    static let commands: [[String]] = [
        ["log", "--format", "json"],
        ["log", "--all-parents", "--format", "json"],
        ["log", "--field", "/accounts/estimated", "--format", "json"],
        ["log", "--max-count", "2", "--format", "json"],
        ["bugs", "--today", "2026-11-24", "--format", "json"],
    ]

    func outputs(_ h: KnownHistory) throws -> [String] {
        try Self.commands.map { arguments in
            let result = try GTMCommandLineTests.gtm(arguments, in: h.repo.root, environment: GitFixture.environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
    }

    @Test(arguments: Graph.allCases)
    func logAndBugsAreTheSameWithAGraph(graph: Graph) throws {
        let h = try KnownHistory()
        let info = h.repo.root.appendingPathComponent(".git/objects/info")
        switch graph {
        case .plain:
            try h.repo.git("commit-graph", "write", "--reachable")
        case .stale:
            // Written before the last commits: the walk starts outside the graph and enters it.
            try h.repo.git("commit-graph", "write", "--reachable", "--changed-paths")
            try h.repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "1200").replacing("max: 500", with: "max: 300"))
            try h.commit("broaden again", "strategy")
            try h.repo.write("notes.txt", "not strategy\n")
            try h.commit("notes", "notes.txt")
        case .changedPaths, .corrupt:
            try h.repo.git("commit-graph", "write", "--reachable", "--changed-paths")
        case .split:
            // Two layers: the history so far, then one more commit on top of it.
            try h.repo.git("commit-graph", "write", "--reachable", "--changed-paths", "--split")
            try h.repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "1200").replacing("max: 500", with: "max: 300"))
            try h.commit("broaden again", "strategy")
            try h.repo.git("commit-graph", "write", "--reachable", "--changed-paths", "--split=no-merge")
            let chain = try String(contentsOf: info.appendingPathComponent("commit-graphs/commit-graph-chain"), encoding: .utf8)
            #expect(chain.split(separator: "\n").count == 2)
        }
        if graph == .corrupt {
            // Chunk offsets past the end of the file: read as no graph at all.
            let file = info.appendingPathComponent("commit-graph")
            var bytes = [UInt8](try Data(contentsOf: file))
            for at in stride(from: 12, to: 8 + 12 * Int(bytes[6]), by: 12) { bytes[at] = 0x7F }
            try? FileManager.default.removeItem(at: file)
            try Data(bytes).write(to: file)
        }
        let withGraph = try outputs(h)
        try FileManager.default.removeItem(at: info)
        let withoutGraph = try outputs(h)
        for (i, arguments) in Self.commands.enumerated() {
            #expect(withGraph[i] == withoutGraph[i], "\(arguments)")
        }
        #expect(withGraph[0].contains("narrow"))
    }
}
