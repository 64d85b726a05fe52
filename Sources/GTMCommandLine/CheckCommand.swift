import ArgumentParser
import GTMCore
import GTMGit
import GTMLint
import GTMReport
import GTMSystem

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check strategy files: YAML, schemas, and coherence.",
        discussion: """
            With no PATH, checks the strategy folder (`strategy/` under the repository root, or `strategy:` in .gtm.yaml).
            --staged checks what the next commit will contain (the index), --rev a commit's tree; both read git, never the working tree.
            """
    )

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
        let usesGit = staged || hook || rev != nil || newFromRev != nil
        if staged || hook, rev != nil { throw CommandFailure(message: "--staged and --rev check different content; give one") }
        let today = try LinterFactory.today(report.today)
        var result: LintResult
        var omitted = 0
        var session: Session
        var settingsFindings: [Finding]
        if usesGit {
            var git = try GitSession.open()
            let revision: GitSource.Revision? = (staged || hook) ? .index : try rev.map { .commit(try git.resolve($0)) }
            // Settings and schemas come from what is judged: the index for the hook, the commit
            // for --rev. An unstaged .gtm.yaml cannot switch a rule off for a commit.
            session = try Session.open(snapshot: try revision.map { r throws(CommandFailure) in try git.snapshot(r) } ?? WorkingTreeSnapshot(root: git.workdir), root: git.workdir)
            try session.apply(schema)
            git.configure(session.configuration, paths: paths)
            // The hook on a commit that stages nothing the strategy is judged by: nothing to say.
            // (The pre-commit framework runs gtm on every commit; git's own hook script skips
            // such commits before starting gtm.)
            if hook, newFromRev == nil, !(try git.stagesChanges(under: git.scopes + [session.configuration.schemaFolder, Configuration.fileName])) {
                return
            }
            let history = rev == nil && paths.isEmpty
                ? GitChangeHistory(directory: git.cwd, environment: GitSession.environment(), includeIndex: staged || hook, today: today, repository: git.repository)
                : nil
            let linter: Linter
            (linter, settingsFindings) = try LinterFactory.make(session, today: today, history: history)
            let inputs = try revision.map { try git.inputs(at: $0) } ?? workingTreeInputs(session)
            result = linter.lint(inputs)
            var base = newFromRev
            if hook, base == nil, session.configuration.hookOnlyNew, try git.head() != nil { base = "HEAD" }
            if let base {
                // The base is judged by its own settings, as a review judges each side.
                let baseRevision = GitSource.Revision.commit(try git.resolve(base))
                let baseSession = try Session.open(snapshot: try git.snapshot(baseRevision), root: git.workdir)
                let baseLinter = try LinterFactory.make(baseSession, today: today).0
                let baseResult = baseLinter.lint(try git.inputs(at: baseRevision))
                let (fresh, left) = Baseline.newFindings(result.findings, base: baseResult.findings)
                result.findings = fresh
                omitted = left
            }
        } else {
            session = try Session.open()
            try session.apply(schema)
            // Git tells the review-cadence rule when the repository's strategy last changed, if
            // it asks. Files named on the command line are judged by their review dates alone.
            let history = session.isRepository && paths.isEmpty
                ? GitChangeHistory(directory: FileSystem.currentDirectory(), environment: GitSession.environment(), includeIndex: false, today: today)
                : nil
            let linter: Linter
            (linter, settingsFindings) = try LinterFactory.make(session, today: today, history: history)
            result = linter.lint(try workingTreeInputs(session))
        }
        let findings = session.configurationFindings + settingsFindings + result.findings
        let files = result.paths.map { Report.FileStatus(path: $0, valid: result.isValid($0)) }
        try session.finish(Report(findings: findings, files: files, omittedFindings: omitted), options: report)
    }

    private func workingTreeInputs(_ session: Session) throws(CommandFailure) -> [LintInput] {
        let folder = session.configuration.strategyFolder
        // A folder named by the settings is read only where it really lies inside the
        // repository; a path typed on the command line is the user's own choice.
        if paths.isEmpty, FileSystem.exists(session.resolve(folder)), !WorkingTreeSnapshot(root: session.root).confined(folder) {
            throw CommandFailure(message: "the strategy folder \(session.display(folder)) is a link to a place outside the repository; gtm reads nothing outside it unless the path is given on the command line")
        }
        let targets = paths.isEmpty ? [session.resolve(folder)] : paths
        let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: session.configuration.limits.maxFileSize)
        let (inputs, missing) = source.inputs(for: targets)
        if let first = missing.first { throw CommandFailure(message: "no such file or folder: \(first)") }
        return inputs
    }
}

/// The repository a git-reading command works on, and how its paths are shown. Opened once
/// per run; the settings then say which folders it reads.
struct GitSession {
    let repository: GitRepository
    let workdir: String
    let cwd: String
    private(set) var scopes: [String] = []
    private(set) var maxFileSize = Configuration().limits.maxFileSize

    static func open() throws(CommandFailure) -> GitSession {
        let cwd = FileSystem.currentDirectory()
        let repository: GitRepository
        do {
            repository = try GitRepository.discover(from: cwd, environment: Self.environment())
        } catch {
            throw CommandFailure(message: error.description)
        }
        guard let workdir = repository.workdir else { throw CommandFailure(message: "the repository is bare; run gtm inside a working tree") }
        return GitSession(repository: repository, workdir: workdir, cwd: cwd)
    }

    /// The folders to read: the paths named on the command line, else the strategy folder.
    mutating func configure(_ configuration: Configuration, paths: [String]) {
        maxFileSize = configuration.limits.maxFileSize
        let folder = configuration.strategyFolder
        let wanted = paths.isEmpty ? [folder.isEmpty ? workdir : workdir + "/" + folder] : paths.map(FileSystem.absolute)
        scopes = wanted.map { FileSystem.relative($0, to: workdir) }.map { $0 == workdir ? "" : $0 }
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
    func stagesChanges(under paths: [String]) throws(CommandFailure) -> Bool {
        guard let head = try head() else { return true }
        do {
            let index = try repository.indexFiles(under: nil)
            for path in Set(paths) {
                func inside(_ file: GitFile) -> Bool { path.isEmpty || file.path == path || file.path.hasPrefix(path + "/") }
                let staged = Set(index.filter(inside).map { "\($0.path)\u{0}\($0.blob.hex)\u{0}\($0.kind)" })
                var committed: [GitFile] = []
                if !path.isEmpty, let entry = try repository.entry(commit: head, path: path), !entry.isTree {
                    committed = entry.file(at: path).map { [$0] } ?? []
                } else {
                    committed = try repository.files(commit: head, under: path.isEmpty ? nil : path)
                }
                if staged != Set(committed.map { "\($0.path)\u{0}\($0.blob.hex)\u{0}\($0.kind)" }) { return true }
            }
            return false
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    func inputs(at revision: GitSource.Revision) throws(CommandFailure) -> [LintInput] {
        do {
            return try GitSource(repository: repository, maxFileSize: maxFileSize).inputs(at: revision, scopes: scopes) { path in
                FileSystem.relative(workdir + "/" + path, to: cwd)
            }
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}
