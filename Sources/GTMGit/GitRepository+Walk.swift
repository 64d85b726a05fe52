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
    public func walk(from start: ObjectID, firstParent: Bool, details: Bool = true, visit: (CommitInfo) throws -> Bool) throws -> WalkEnd {
        var shallow = false
        var queue: [CommitInfo] = [try commit(start, details: details)]
        var seen: Set<ObjectID> = [start]
        while !queue.isEmpty {
            // Newest first: the queue is small (one entry on a first-parent walk).
            let index = queue.indices.max { queue[$0].committer.time < queue[$1].committer.time }!
            let current = queue.remove(at: index)
            guard try visit(current) else { return WalkEnd(stoppedAtShallowBoundary: false) }
            for parent in firstParent ? Array(current.parents.prefix(1)) : current.parents where !seen.contains(parent) {
                seen.insert(parent)
                guard let next = try commitIfPresent(parent, details: details) else {
                    shallow = true
                    continue
                }
                queue.append(next)
            }
        }
        return WalkEnd(stoppedAtShallowBoundary: shallow)
    }
}
