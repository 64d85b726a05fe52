import GTMCore
import GTMGit
import GTMLint
import GTMModel

/// Reads the strategy at any commit, fast enough to replay thousands of them: a commit whose
/// strategy folder has the same tree id as one already read is not read again, and each blob
/// is parsed once whatever the number of commits that hold it.
public final class HistoryReader {
    public let repository: GitRepository
    public let linter: Linter
    /// The strategy folder, relative to the repository root.
    public let folder: String
    let display: (String) -> String
    let fileCache = FileOutcomeCache()
    var states: [ObjectID: LintResult] = [:]
    var folderIDs: [ObjectID: ObjectID?] = [:]

    public init(repository: GitRepository, linter: Linter, folder: String, display: @escaping (String) -> String) {
        self.repository = repository
        self.linter = linter
        self.folder = folder
        self.display = display
    }

    /// The tree id of the strategy folder in a commit (nil when the folder is absent).
    public func folderID(_ commit: CommitInfo) throws(GitError) -> ObjectID? {
        if let known = folderIDs[commit.id] { return known }
        let id = try repository.entry(tree: commit.tree, path: folder)?.id
        folderIDs[commit.id] = id
        return id
    }

    /// The strategy at a commit, linted as of that commit's date.
    public func state(_ commit: CommitInfo) throws(GitError) -> LintResult {
        let key = try folderID(commit)
        if let key, let known = states[key] { return known }
        let source = GitSource(repository: repository, maxFileSize: linter.limits.maxFileSize)
        let inputs = key == nil ? [] : try source.inputs(at: .commit(commit.id), scopes: [folder], display: display)
        let result = linter.lint(inputs, cache: fileCache, today: CalendarDate(unixTime: commit.committer.time))
        if let key { states[key] = result }
        return result
    }

    /// The commits that changed the strategy folder, newest first, each with the parent it is
    /// compared with. A commit is skipped, without reading any blob, when its folder's tree id
    /// equals its parent's. Returns whether the walk stopped at a shallow boundary.
    public func changes(from start: ObjectID, firstParent: Bool, limit: Int? = nil, since: Int? = nil,
                        visit: (CommitInfo, CommitInfo?) throws -> Void) throws -> Bool {
        var count = 0
        let end = try repository.walk(from: start, firstParent: firstParent) { commit in
            if let since, commit.committer.time < since { return false }
            let parent = try commit.parents.first.flatMap { p in repository.objectExists(p) ? try repository.commit(p) : nil }
            // At a shallow boundary the parent is missing: what this commit changed is unknown.
            if parent == nil && !commit.parents.isEmpty { return true }
            let mine = try folderID(commit)
            let theirs = try parent.map { p throws(GitError) in try folderID(p) } ?? nil
            if mine != theirs {
                if commit.parents.count > 1, !firstParent {
                    // A merge that matches one of its parents brings nothing new (git's TREESAME).
                    for other in commit.parents.dropFirst() where repository.objectExists(other) {
                        if try folderID(try repository.commit(other)) == mine { return true }
                    }
                }
                try visit(commit, parent)
                count += 1
                if let limit, count >= limit { return false }
            }
            return true
        }
        return end.stoppedAtShallowBoundary
    }
}
