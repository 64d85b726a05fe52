import ArgumentParser
import GTMCore
import GTMGit
import GTMLint
import GTMReport
import GTMSystem

struct CheckCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check strategy files: YAML, schemas, and coherence.",
        discussion: """
            With no PATH, checks the strategy folder (`strategy/` under the repository root, or `strategy:` in .gtm.yaml).
            A FILE is judged within its workspace (the strategy folder it belongs to), so that a plan is checked against the strategy it executes; only that file's findings are shown.
            `-` reads one document from standard input and judges it on its own.
            --staged checks what the next commit will contain (the index), --rev a commit's tree; both read git, never the working tree.
            """
    )

    static let examples = """
        gtm check                                  the repository's strategy folder
        gtm check strategy/plans/sales.yaml        one plan, judged with the rest of its strategy
        gtm check --staged                         what the next commit holds
        gtm check --new-from-rev main              only what is new since main
        gtm check --format sarif > gtm.sarif       for code scanning
        cat strategy.yaml | gtm check -            a document from standard input
        """

    @Argument(help: "Files or folders to check.")
    var paths: [String] = []

    @Flag(name: .long, help: "Check the index: the content the next commit will hold, whatever the working tree says.")
    var staged = false

    @Option(name: .long, help: "Check the strategy as it is in this commit.")
    var rev: String?

    @Option(name: .customLong("new-from-rev"), help: "Report only findings that are not already present at this revision.")
    var newFromRev: String?

    @Flag(name: .long, help: "Run as the pre-commit hook: --staged, and only new findings when `hook: {only-new: true}` is set.")
    var hook = false

    @OptionGroup var report: ReportOptions
    @OptionGroup var schema: SchemaOptions

    func run() throws {
        try CheckRun(self).run()
    }
}

/// The repository a git-reading command works on, and how its paths are shown. Opened once
/// per run; the settings then say which folders it reads.
struct GitSession {
    let repository: GitRepository
    /// The working tree; for a bare repository, its git folder, from which paths are then
    /// shown as the repository names them.
    let workdir: String
    let cwd: String
    /// A bare repository (a server's, a mirror): commits only, no working tree, no index.
    let isBare: Bool
    private(set) var scopes: [String] = []
    private(set) var maxFileSize = Configuration().limits.maxFileSize

    /// `allowBare`: the command reads commits only (history, a diff of two revisions, a
    /// review), which a bare repository has too.
    static func open(allowBare: Bool = false) throws(CommandFailure) -> GitSession {
        let cwd = FileSystem.currentDirectory()
        let repository: GitRepository
        do {
            repository = try GitRepository.discover(from: cwd, environment: Self.environment())
        } catch {
            throw CommandFailure(message: error.description)
        }
        guard let workdir = repository.workdir else {
            guard allowBare else { throw Self.bare }
            return GitSession(repository: repository, workdir: repository.gitDir, cwd: repository.gitDir, isBare: true)
        }
        return GitSession(repository: repository, workdir: workdir, cwd: cwd, isBare: false)
    }

    static let bare = CommandFailure(
        message: "the repository is bare: it has commits but no working tree or index; run gtm inside a working tree, or use a command that reads commits (log, bugs, review, diff of two revisions, report --rev)")

    /// Where the settings come from: the working tree, or in a bare repository the commit HEAD
    /// names (nothing before the first commit).
    func settingsSnapshot() throws(CommandFailure) -> any RepositorySnapshot {
        guard isBare else { return WorkingTreeSnapshot(root: workdir) }
        guard let head = try head() else { return NoFiles() }
        return try snapshot(.commit(head))
    }

    /// A repository without a commit yet: no settings, no files.
    struct NoFiles: RepositorySnapshot {
        var name: String { "no commit" }
        func file(_ path: String, limit: Int) -> LintInput.Content? { nil }
        func files(under folder: String, accept: (String) -> Bool) -> [String] { [] }
        func isFolder(_ path: String) -> Bool { false }
    }

    /// The folders to read: the paths named on the command line, else the strategy folder.
    mutating func configure(_ configuration: Configuration, paths: [String]) {
        maxFileSize = configuration.limits.maxFileSize
        let folder = configuration.strategyFolder
        let wanted = paths.isEmpty ? [folder.isEmpty ? workdir : workdir + "/" + folder] : paths.map(FileSystem.absolute)
        scopes = wanted.map { Self.scope($0, in: workdir) }
    }

    /// An absolute path as the repository names it ("" for the working tree itself).
    static func scope(_ path: String, in workdir: String) -> String {
        let relative = FileSystem.relative(path, to: workdir)
        return relative == workdir ? "" : relative
    }

    /// The index or a commit, as a snapshot to read settings, schemas and strategy from.
    func snapshot(_ revision: GitSource.Revision) throws(CommandFailure) -> GitSnapshot {
        do { return try GitSnapshot(repository: repository, revision: revision) } catch { throw CommandFailure(message: error.description) }
    }

    /// The variables git sets for hooks, which decide the repository and the index.
    static func environment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] {
            if let value = ProcessServices.environment(name) { environment[name] = value }
        }
        return environment
    }

    func resolve(_ revision: String) throws(CommandFailure) -> ObjectID {
        do { return try repository.resolveCommit(revision) } catch { throw CommandFailure(message: error.description) }
    }

    func head() throws(CommandFailure) -> ObjectID? {
        do { return try repository.headCommit() } catch { throw CommandFailure(message: error.description) }
    }

    /// Whether the index differs from HEAD at or under any of these repository-relative paths
    /// (always true before the first commit).
    func stagesChanges(under paths: [String], index: [GitFile]? = nil) throws(CommandFailure) -> Bool {
        guard let head = try head() else { return true }
        do {
            let staged: [GitFile]
            if let index { staged = index } else { staged = try repository.indexFiles(under: nil) }
            // Compared as values: putting each kind into words went through reflection, a
            // twentieth of the hook.
            struct Entry: Hashable {
                let path: String, blob: ObjectID, kind: GitFile.Kind
                init(_ file: GitFile) { (path, blob, kind) = (file.path, file.blob, file.kind) }
            }
            for path in Set(paths) {
                func inside(_ file: GitFile) -> Bool { path.isEmpty || file.path == path || file.path.hasPrefix(path + "/") }
                let stagedHere = Set(staged.filter(inside).map(Entry.init))
                var committed: [GitFile] = []
                if !path.isEmpty, let entry = try repository.entry(commit: head, path: path), !entry.isTree {
                    committed = entry.file(at: path).map { [$0] } ?? []
                } else {
                    committed = try repository.files(commit: head, under: path.isEmpty ? nil : path)
                }
                if stagedHere != Set(committed.map(Entry.init)) { return true }
            }
            return false
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    func inputs(at revision: GitSource.Revision, index: [GitFile]? = nil) throws(CommandFailure) -> [LintInput] {
        do {
            return try GitSource(repository: repository, maxFileSize: maxFileSize).inputs(at: revision, scopes: scopes, index: index) { path in
                FileSystem.relative(workdir + "/" + path, to: cwd)
            }
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}
