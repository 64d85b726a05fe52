extension GitRepository {
    /// The repository's commit-graph, opened on first use; nil when there is none, when
    /// `core.commitGraph` is false, in a shallow clone (the graph may name parents the clone
    /// does not have), or when the file cannot be trusted. Every caller then reads commits
    /// through libgit2, with the same results.
    public var commitGraph: CommitGraph? {
        if let graphState { return graphState.graph }
        var graph: CommitGraph?
        let enabled = (try? configString("core.commitGraph")).flatMap { $0 }.map { !["false", "no", "off", "0"].contains($0.lowercased()) } ?? true
        if enabled, useCommitGraph, !isShallow {
            graph = CommitGraph.open(objects: commonDir + "/objects")
        }
        graphState = GraphState(graph: graph)
        return graph
    }

    /// A commit's ids, tree and time from the commit-graph, without inflating it; nil when the
    /// graph does not hold it or its entry is malformed.
    func graphCommit(_ id: ObjectID) -> CommitInfo? {
        guard let graph = commitGraph, let position = graph.position(of: id), let c = graph.commit(at: position) else { return nil }
        var parents: [ObjectID] = []
        parents.reserveCapacity(c.parents.count)
        for p in c.parents {
            guard let pid = graph.id(at: p) else { return nil }
            parents.append(pid)
        }
        let time = Signature(name: "", email: "", time: c.time, offset: 0)
        return CommitInfo(id: id, parents: parents, tree: c.tree, author: time, committer: time, message: "", hasDetails: false)
    }

    /// Whether `commit` may have changed the path `key` was made from against its first parent:
    /// false only when the commit-graph's changed-path Bloom filter says definitely not.
    public func mayHaveChanged(_ commit: ObjectID, _ key: BloomKey) -> Bool {
        guard let graph = commitGraph, let position = graph.position(of: commit) else { return true }
        return graph.mayHaveChanged(key, at: position)
    }
}

/// Whether the commit-graph has been looked for, and what was found.
struct GraphState {
    var graph: CommitGraph?
}
