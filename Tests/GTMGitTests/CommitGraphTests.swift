import Foundation
import Testing
@testable import GTMGit

/// How a fixture's commit-graph is written before it is read.
enum GraphMode: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case none, plain, changedPaths, split, corruptHeader, truncated, badChunkOffset

    var testDescription: String { rawValue }

    /// Writes the graph into `s`'s repository (commits are added in between for a split chain).
    func apply(to s: Scratch, between: () throws -> Void) throws {
        let info = s.root.appendingPathComponent(".git/objects/info")
        switch self {
        case .none:
            try between()
        case .plain:
            try between()
            try s.git("commit-graph", "write", "--reachable")
        case .changedPaths:
            try between()
            try s.git("commit-graph", "write", "--reachable", "--changed-paths")
        case .split:
            try s.git("commit-graph", "write", "--reachable", "--changed-paths", "--split")
            try between()
            try s.git("commit-graph", "write", "--reachable", "--changed-paths", "--split=no-merge")
        case .corruptHeader, .truncated, .badChunkOffset:
            try between()
            try s.git("commit-graph", "write", "--reachable", "--changed-paths")
            let file = info.appendingPathComponent("commit-graph")
            var bytes = [UInt8](try Data(contentsOf: file))
            switch self {
            case .corruptHeader: bytes[5] = 7
            case .truncated: bytes = Array(bytes.prefix(bytes.count / 2))
            default:
                // The second chunk's offset pointed past the end of the file.
                bytes.replaceSubrange(24..<32, with: [0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF])
            }
            try? FileManager.default.removeItem(at: file)
            try Data(bytes).write(to: file)
        }
    }

    var readable: Bool { [.plain, .changedPaths, .split].contains(self) }
    var hasFilters: Bool { [.changedPaths, .split].contains(self) }
}

/// A history with branches, a merge, an octopus merge and commits outside the strategy.
func historyWithMerges(_ s: Scratch, graph: GraphMode) throws {
    func commit(_ path: String, _ text: String, _ message: String) throws {
        try s.write(path, text)
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", message)
    }
    try commit("strategy/a.yaml", "a: 1\n", "one")
    try commit("notes.txt", "n\n", "notes")
    try s.git("checkout", "-q", "-b", "side")
    try commit("strategy/deep/b.yaml", "b: 1\n", "side")
    try s.git("checkout", "-q", "main")
    try commit("other/x.txt", "x\n", "other")
    try s.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
    try graph.apply(to: s) {
        for name in ["o1", "o2"] {
            try s.git("checkout", "-q", "-b", name, "main")
            try commit("\(name).txt", name, name)
        }
        try s.git("checkout", "-q", "main")
        try commit("strategy/a.yaml", "a: 2\n", "two")
        try s.git("merge", "-q", "-m", "octopus", "o1", "o2")
        try commit("strategy/ünïcode.yaml", "u: 1\n", "unicode")
        try commit("README", "r\n", "readme")
    }
}

@Suite("Reading git's commit-graph")
struct CommitGraphTests {
    /// git's own vectors (t0095-bloom.sh).
    @Test(arguments: [("", UInt32(0)), ("Hello world!", 0x627B_0C2C), ("The quick brown fox jumps over the lazy dog", 0x2E4F_F723)])
    func murmur3MatchesGit(text: String, hash: UInt32) {
        #expect(BloomKey.murmur3(seed: 0, Array(text.utf8)) == hash)
    }

    /// Every commit reads the same from the graph as from libgit2, and a Bloom filter never
    /// says "not changed" of a commit that changed the folder.
    @Test(arguments: GraphMode.allCases)
    func graphAgreesWithLibgit2(mode: GraphMode) throws {
        let s = try Scratch()
        try historyWithMerges(s, graph: mode)
        let ids = try s.git("rev-list", "--all").split(separator: "\n").map { try #require(ObjectID(hex: String($0))) }
        let graphRepo = try s.open()
        let plainRepo = try s.open()
        plainRepo.useCommitGraph = false
        #expect((graphRepo.commitGraph != nil) == mode.readable)
        if mode.readable { #expect(graphRepo.commitGraph?.count ?? 0 > 0) }
        var definitelyNot = 0
        for id in ids {
            let fromGraph = try graphRepo.commit(id, details: false)
            let fromLibgit2 = try plainRepo.commit(id, details: false)
            #expect(fromGraph.parents == fromLibgit2.parents)
            #expect(fromGraph.tree == fromLibgit2.tree)
            #expect(fromGraph.committer.time == fromLibgit2.committer.time)
            for folder in ["strategy", "strategy/deep", "other"] {
                let mine = try plainRepo.entry(tree: fromLibgit2.tree, path: folder)?.id
                let theirs = try fromLibgit2.parents.first.map { try plainRepo.entry(commit: $0, path: folder)?.id } ?? nil
                let may = graphRepo.mayHaveChanged(id, BloomKey(path: folder))
                if mine != theirs { #expect(may, "\(folder) changed in \(id.short)") }
                if !may { definitelyNot += 1 }
            }
        }
        #expect((definitelyNot > 0) == mode.hasFilters)
    }

    /// Following first parents while the filters say "not changed" ends at a commit that holds
    /// the folder exactly as the first one does.
    @Test(arguments: [GraphMode.changedPaths, .split])
    func firstParentsUnchangedHoldTheSameFolder(mode: GraphMode) throws {
        let s = try Scratch()
        try historyWithMerges(s, graph: mode)
        let ids = try s.git("rev-list", "--all").split(separator: "\n").map { try #require(ObjectID(hex: String($0))) }
        let repo = try s.open()
        let graph = try #require(repo.commitGraph)
        var followed = 0
        for id in ids {
            for folder in ["strategy", "strategy/deep", "other"] {
                let start = try #require(graph.position(of: id))
                let end = graph.firstMayHaveChanged(BloomKey(path: folder), from: start)
                guard end != start else { continue }
                followed += 1
                let endID = try #require(graph.id(at: end))
                #expect(try repo.entry(commit: id, path: folder)?.id == repo.entry(commit: endID, path: folder)?.id, "\(folder) from \(id.short)")
            }
        }
        #expect(followed > 0)
    }

    /// A walk by graph positions visits what a walk through libgit2 visits, in the same order:
    /// first parents or every ancestor, every commit or those the filter cannot pass over, to
    /// the root or to a date; a graph written before the last commits is entered from outside.
    @Test(arguments: GraphMode.allCases)
    func walksByPositionAsThroughLibgit2(mode: GraphMode) throws {
        let s = try Scratch()
        try historyWithMerges(s, graph: mode)
        let head = try #require(ObjectID(hex: try s.git("rev-parse", "HEAD")))
        let graphRepo = try s.open()
        let plainRepo = try s.open()
        plainRepo.useCommitGraph = false
        func walk(_ repo: GitRepository, firstParent: Bool, since: Int? = nil, skipping key: BloomKey? = nil) throws -> [ObjectID] {
            var visited: [ObjectID] = []
            _ = try repo.walk(from: head, firstParent: firstParent, details: false, since: since, skipping: key) { commit in
                visited.append(commit.id)
                return true
            }
            return visited
        }
        let times = try s.git("log", "--format=%ct").split(separator: "\n").compactMap { Int($0) }.sorted()
        for firstParent in [true, false] {
            let all = try walk(plainRepo, firstParent: firstParent)
            #expect(try walk(graphRepo, firstParent: firstParent) == all)
            #expect(all.count == (firstParent ? 8 : 11))
            // Only commits the filter cannot pass over, in the same order.
            let key = BloomKey(path: "strategy")
            #expect(try walk(graphRepo, firstParent: firstParent, skipping: key) == all.filter { graphRepo.mayHaveChanged($0, key) })
            // To a date: from the middle commit's time on.
            let since = times[times.count / 2]
            #expect(try walk(graphRepo, firstParent: firstParent, since: since) == walk(plainRepo, firstParent: firstParent, since: since))
        }
    }

    @Test func aSplitChainHasTwoLayers() throws {
        let s = try Scratch()
        try historyWithMerges(s, graph: .split)
        let chain = try String(contentsOf: s.root.appendingPathComponent(".git/objects/info/commit-graphs/commit-graph-chain"), encoding: .utf8)
        #expect(chain.split(separator: "\n").count == 2)
        #expect(try s.open().commitGraph?.layers.count == 2)
    }

    @Test func aBrokenChainIsNotRead() throws {
        let s = try Scratch()
        try historyWithMerges(s, graph: .split)
        let chain = s.root.appendingPathComponent(".git/objects/info/commit-graphs/commit-graph-chain")
        let names = try String(contentsOf: chain, encoding: .utf8).split(separator: "\n")
        // Layers listed in the wrong order: the top layer's BASE does not match.
        try (names.reversed().joined(separator: "\n") + "\n").write(to: chain, atomically: false, encoding: .utf8)
        #expect(try s.open().commitGraph == nil)
    }

    @Test func everyTruncationIsRefusedWithoutCrashing() throws {
        let s = try Scratch()
        try historyWithMerges(s, graph: .changedPaths)
        let bytes = [UInt8](try Data(contentsOf: s.root.appendingPathComponent(".git/objects/info/commit-graph")))
        #expect(CommitGraphLayer(bytes: bytes, first: 0) != nil)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(CommitGraphLayer(bytes: Array(bytes.prefix(length)), first: 0) == nil)
        }
        // Single-byte damage anywhere: refused or read, never a crash, never a wild position.
        for at in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[at] ^= 0xA5
            guard let layer = CommitGraphLayer(bytes: damaged, first: 0) else { continue }
            for i in 0..<layer.count {
                _ = layer.commit(at: i, total: layer.count)
                _ = layer.mayHaveChanged(BloomKey(path: "strategy"), at: i)
            }
        }
    }
}
