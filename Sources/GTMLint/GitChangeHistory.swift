import GTMCore
import GTMGit
import GTMRules
import GTMSystem

/// When strategy files last changed, read from git on demand: a first-parent walk from HEAD
/// that stops as soon as the answer is known or the commits are older than needed. A file
/// staged for the next commit changes today. The repository is the run's own when it has one
/// open, else it is opened on the first question, once; most runs never ask.
public final class GitChangeHistory: ChangeHistory, @unchecked Sendable {
    let directory: String
    let environment: [String: String]
    let includeIndex: Bool
    let today: CalendarDate
    /// Rules run one after another on one thread: the lazily opened repository is not shared.
    private var opened: GitRepository??

    public init(directory: String, environment: [String: String], includeIndex: Bool, today: CalendarDate, repository: GitRepository? = nil) {
        self.directory = directory
        self.environment = environment
        self.includeIndex = includeIndex
        self.today = today
        if let repository { opened = .some(repository) }
    }

    private var repository: GitRepository? {
        if let opened { return opened }
        let repository = try? GitRepository.discover(from: directory, environment: environment)
        opened = .some(repository)
        return repository
    }

    public func lastChange(of path: String, notBefore: CalendarDate) -> CalendarDate? {
        guard let repository, let workdir = repository.workdir, let head = try? repository.headCommit() else { return nil }
        let absolute = path.hasPrefix("/") ? path : FileSystem.normalize(directory + "/" + path)
        let relative = FileSystem.relative(absolute, to: workdir)
        guard !relative.hasPrefix("/") else { return nil }
        if includeIndex, let staged = try? repository.indexFiles(under: relative).first(where: { $0.path == relative }),
           (try? repository.entry(commit: head, path: relative))??.id != staged.blob {
            return today
        }
        var found: CalendarDate?
        _ = try? repository.walk(from: head, firstParent: true) { commit in
            let date = CalendarDate(unixTime: commit.committer.time)
            if date < notBefore { return false }
            let mine = try repository.entry(tree: commit.tree, path: relative)?.id
            let parent = try commit.parents.first.flatMap { p throws(GitError) in try repository.commitIfPresent(p) }
            let theirs = try parent.flatMap { try repository.entry(tree: $0.tree, path: relative)?.id }
            if mine != theirs {
                found = date
                return false
            }
            return true
        }
        return found
    }
}
