import GTMGit

/// `gtm log` answered from what earlier runs kept, reading nothing through libgit2: the walk
/// goes down git's commit-graph, its changed-path Bloom filters pass over the commits that did
/// not touch the strategy folder, and `LogCache` says what each of the others showed. It is
/// the walk of `HistoryReader.changes` on first-parent history, made of what the graph and the
/// cache hold; a commit either does not know makes it give up, and the caller takes the path
/// that reads git.
public enum RememberedLog {
    /// The texts of the entries, newest first, from `head` down its first parents; nil when
    /// the graph does not hold a commit or the cache does not know one that may have changed
    /// the folder (`folderKey`; nil for the whole repository, which every commit changes).
    public static func entries(graph: CommitGraph, head: ObjectID, folderKey: BloomKey?, cache: LogCache) -> [String]? {
        guard var position = graph.position(of: head) else { return nil }
        var texts: [String] = []
        // A damaged graph could lead round in a circle: no walk is longer than the graph.
        for _ in 0..<graph.count {
            guard let commit = graph.commit(at: position), let id = graph.id(at: position) else { return nil }
            if folderKey.map({ graph.mayHaveChanged($0, at: position) }) ?? true {
                switch cache.recall(id) {
                case nil: return nil
                case .nothing?: break
                case .entry(let text)?: texts.append(text)
                }
            }
            guard let parent = commit.parents.first else { return texts }
            position = parent
        }
        return nil
    }
}
