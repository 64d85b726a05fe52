internal import CLibGit2

extension GitRepository {
    /// How a walk ended.
    public struct WalkEnd: Sendable, Hashable {
        /// History went on past the last commit visited, but those commits are not in this
        /// clone (a shallow clone's boundary).
        public var stoppedAtShallowBoundary: Bool
    }

    /// Visits commits newest first from `start`: the first-parent chain, or every ancestor
    /// ordered by commit time. Walks parent ids itself rather than through a revwalk, so that
    /// it stops cleanly at a shallow boundary (libgit2 1.5 does not apply shallow grafts).
    /// `visit` returns false to stop early.
    /// With `details` false the commits visited carry no names or message (see `commit`).
    ///
    /// The walk ends at the first commit older than `since`, visited or not. A commit that the
    /// commit-graph's changed-path filter says left `skipping`'s path as its first parent had
    /// it is not visited (its parents are still walked). Commits the graph holds are walked by
    /// position: their time and parents come from the graph, and only a commit visited becomes
    /// a `CommitInfo`, so that a history of ten thousand commits with two thousand changes to
    /// the strategy builds two thousand.
    public func walk(from start: ObjectID, firstParent: Bool, details: Bool = true, since: Int? = nil,
                     skipping key: BloomKey? = nil, visit: (CommitInfo) throws -> Bool) throws -> WalkEnd {
        var walk = Walk(graph: commitGraph, firstParent: firstParent)
        var shallow = false
        _ = walk.insert(start)
        var queue: [Walk.Pending] = [try walk.pending(start, in: self, details: details, mustExist: true)!]
        while !queue.isEmpty {
            // Newest first: the queue is small (one entry on a first-parent walk).
            let index = queue.count == 1 ? 0 : queue.indices.max { queue[$0].time < queue[$1].time }!
            let current = queue.remove(at: index)
            if let since, current.time < since { return WalkEnd(stoppedAtShallowBoundary: false) }
            let parents: [ObjectID]
            if let read = current.read {
                guard try visit(read) else { return WalkEnd(stoppedAtShallowBoundary: false) }
                parents = read.parents
            } else {
                let id = current.id
                if !walk.skips(current, key) {
                    guard try visit(try commit(id, details: details)) else { return WalkEnd(stoppedAtShallowBoundary: false) }
                }
                if walk.queueParents(of: current.position, into: &queue) { continue }
                // A graph entry that could not be read: its parents by id, through libgit2.
                parents = try commit(id, details: false).parents
            }
            for parent in firstParent ? parents.prefix(1) : parents[...] where walk.insert(parent) {
                guard let next = try walk.pending(parent, in: self, details: details, mustExist: false) else {
                    shallow = true
                    continue
                }
                queue.append(next)
            }
        }
        return WalkEnd(stoppedAtShallowBoundary: shallow)
    }
}

/// A walk's bookkeeping: which commits it has queued, by graph position where the commit-graph
/// holds them (a bit each) and by id otherwise.
private struct Walk {
    let graph: CommitGraph?
    let firstParent: Bool
    var seenPositions: PositionSet
    var seenIDs: Set<ObjectID> = []

    init(graph: CommitGraph?, firstParent: Bool) {
        self.graph = graph
        self.firstParent = firstParent
        seenPositions = PositionSet(count: graph?.count ?? 0)
    }

    /// A commit waiting to be visited: a graph position (its id, time and parents read from
    /// the graph), or a commit read through libgit2 (`read`; `position` is then unused).
    struct Pending {
        var position: Int
        var id: ObjectID
        var read: CommitInfo?
        var time: Int
    }

    /// Whether `id` is queued for the first time (and marks it queued).
    mutating func insert(_ id: ObjectID) -> Bool {
        if let graph, let position = graph.position(of: id) { return seenPositions.insert(position) }
        return seenIDs.insert(id).inserted
    }

    /// The commit `id` as the walk queues it; nil when the object database does not hold it
    /// (the parent of a shallow clone's last commit) and `mustExist` is false.
    func pending(_ id: ObjectID, in repository: GitRepository, details: Bool, mustExist: Bool) throws(GitError) -> Pending? {
        if let graph, let position = graph.position(of: id), let pending = Self.pending(at: position, id: id, in: graph) {
            return pending
        }
        let commit = mustExist ? try repository.commit(id, details: details) : try repository.commitIfPresent(id, details: details)
        return commit.map { Pending(position: -1, id: id, read: $0, time: $0.committer.time) }
    }

    /// Whether the graph says the commit left `key`'s path as its first parent had it.
    func skips(_ pending: Pending, _ key: BloomKey?) -> Bool {
        guard let key, let graph else { return false }
        return !graph.mayHaveChanged(key, at: pending.position)
    }

    /// Queues the parents of the graph commit at `position` not queued yet (the first alone on
    /// a first-parent walk), by position; false when its entry cannot be read, and the commit
    /// is then read through libgit2.
    mutating func queueParents(of position: Int, into queue: inout [Pending]) -> Bool {
        guard let graph else { return false }
        // The common case, without building the entry: a first parent.
        if firstParent, let parent = graph.firstParent(at: position) {
            queueGraphCommit(parent, into: &queue)
            return true
        }
        guard let entry = graph.commit(at: position) else { return false }
        for parent in firstParent ? entry.parents.prefix(1) : entry.parents[...] { queueGraphCommit(parent, into: &queue) }
        return true
    }

    private mutating func queueGraphCommit(_ position: Int, into queue: inout [Pending]) {
        guard let graph, seenPositions.insert(position), let id = graph.id(at: position),
              let pending = Self.pending(at: position, id: id, in: graph) else { return }
        queue.append(pending)
    }

    /// The graph commit at `position` as the walk queues it: its time read, nothing else.
    private static func pending(at position: Int, id: ObjectID, in graph: CommitGraph) -> Pending? {
        graph.time(at: position).map { Pending(position: position, id: id, read: nil, time: $0) }
    }
}

/// One bit per commit-graph position.
struct PositionSet {
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    /// Whether `position` was not in the set before.
    mutating func insert(_ position: Int) -> Bool {
        let (word, bit) = (position / 64, UInt64(1) << UInt64(position % 64))
        guard word >= 0, word < words.count else { return false }
        if words[word] & bit != 0 { return false }
        words[word] |= bit
        return true
    }
}
