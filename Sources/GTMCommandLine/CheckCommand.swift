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
        let usesGit = staged || hook || rev != nil || newFromRev != nil
        if staged || hook, rev != nil { throw CommandFailure(message: "--staged and --rev check different content; give one") }
        let today = try LinterFactory.today(report.today)
        var result: LintResult
        var omitted = 0
        var shown: Set<String>?
        var session: Session
        var settingsFindings: [Finding]
        if usesGit {
            // libgit2 is starting on the other core (GTMMain's warm-up), and opening the
            // repository waits for it: meanwhile this core compiles the built-in schemas with the
            // options the command line gives. Most repositories define no schema of their own,
            // and the catalog is then ready when the index has been read.
            // The working tree's strategy files are linted too: for the index's files with the
            // same bytes the work is then done.
            // Where libgit2 starts at once (`make release` links it in, without the certificate
            // store), there is nothing to wait for and this work takes both cores.
            let speculated = Self.speculatedSettings(schema)
            let twoCores = GitRepository.startsQuickly
            let prepared = SchemaCatalog.prepareBuiltIn(options: speculated.validatorOptions, twoCores: twoCores)
            let ahead = staged || hook
                ? LintedAhead(folder: speculated.strategyFolder, catalog: prepared.catalog, limits: speculated.limits, twoCores: twoCores)
                : nil
            var git = try GitSession.open()
            let revision: GitSource.Revision? = (staged || hook) ? .index : try rev.map { .commit(try git.resolve($0)) }
            // Settings and schemas come from what is judged: the index for the hook, the commit
            // for --rev. An unstaged .gtm.yaml cannot switch a rule off for a commit.
            let snapshot = try revision.map { r throws(CommandFailure) in try git.snapshot(r) }
            // The index is read once: settings, schemas, the strategy and the hook's check of
            // what the commit stages all come from the same read.
            var index: [GitFile]?
            if case .index? = revision, let snapshot {
                do { index = try snapshot.indexFiles() } catch { throw CommandFailure(message: error.description) }
            }
            session = try Session.open(snapshot: snapshot ?? WorkingTreeSnapshot(root: git.workdir), root: git.workdir)
            try session.apply(schema)
            git.configure(session.configuration, paths: paths)
            // The hook on a commit that stages nothing the strategy is judged by: nothing to say.
            // (The pre-commit framework runs gtm on every commit; git's own hook script skips
            // such commits before starting gtm.)
            if hook, newFromRev == nil, !(try git.stagesChanges(under: git.scopes + [session.configuration.schemaFolder, Configuration.fileName], index: index)) {
                return
            }
            let history = rev == nil && paths.isEmpty
                ? GitChangeHistory(directory: git.cwd, environment: GitSession.environment(), includeIndex: staged || hook, today: today, repository: git.repository)
                : nil
            let linter: Linter
            (linter, settingsFindings) = try LinterFactory.make(session, today: today, history: history, prepared: prepared)
            KeptUntilExit.keep(linter)
            let inputs: [LintInput]
            if let revision { inputs = try git.inputs(at: revision, index: index) } else { (inputs, shown) = try workingTreeInputs(session) }
            if let ahead, prepared.isUsed(by: linter.validator), let cache = ahead.cache(for: inputs, limits: session.configuration.limits) {
                result = linter.lint(inputs, cache: cache)
            } else {
                result = linter.lint(inputs)
            }
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
            KeptUntilExit.keep(linter)
            let inputs: [LintInput]
            (inputs, shown) = try workingTreeInputs(session)
            result = linter.lint(inputs)
        }
        if let shown {
            // The workspace was read to judge the named files; only their findings are shown.
            result = LintResult(findings: result.findings.filter { shown.contains($0.location.path) },
                                paths: result.paths.filter(shown.contains), workspace: result.workspace)
        }
        KeptUntilExit.keep(result)
        let findings = session.configurationFindings + settingsFindings + result.findings
        let files = result.paths.map { Report.FileStatus(path: $0, valid: result.isValid($0)) }
        try session.finish(Report(findings: findings, files: files, omittedFindings: omitted), options: report)
    }

    /// The options the schemas will most likely be compiled with: the defaults, changed by the
    /// command line (settings read later may change them again, and then the schemas are
    /// compiled anew).
    static func speculatedSettings(_ options: SchemaOptions) -> Configuration {
        var configuration = Configuration()
        _ = configuration.apply(compiling: options)  // a draft gtm does not read is refused later, by Session.apply
        return configuration
    }

    /// The inputs to lint, and, when named files were read with the rest of their workspace,
    /// the paths whose findings are shown.
    private func workingTreeInputs(_ session: Session) throws(CommandFailure) -> ([LintInput], Set<String>?) {
        let folder = session.configuration.strategyFolder
        let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: session.configuration.limits.maxFileSize)
        if paths.isEmpty {
            // A folder named by the settings is read only where it really lies inside the
            // repository; a path typed on the command line is the user's own choice.
            let target = session.resolve(folder)
            guard FileSystem.exists(target) else {
                let named = folder == Configuration().strategyFolder ? "" : " (the strategy folder .gtm.yaml names)"
                throw CommandFailure(message: "there is no strategy folder here: \(session.display(folder))\(named) does not exist. Run `gtm init` to write one to start from (a Strategy, its beachhead Segment and .gtm.yaml), or name the files to check")
            }
            if !WorkingTreeSnapshot(root: session.root).confined(folder) {
                throw CommandFailure(message: "the strategy folder \(session.display(folder)) is a link to a place outside the repository; gtm reads nothing outside it unless the path is given on the command line")
            }
            let (inputs, _) = source.inputs(for: [target])
            return (inputs, nil)
        }
        var stdin: [LintInput] = []
        if paths.contains("-") {
            let content: LintInput.Content
            do {
                switch try FileSystem.readStandardInput(limit: session.configuration.limits.maxFileSize) {
                case .bytes(let b): content = .bytes(b)
                case .tooLarge(let n): content = .tooLarge(size: n)
                }
            } catch {
                content = .unreadable(error.message)
            }
            stdin = [LintInput(path: "-", content: content)]
        }
        let named = paths.filter { $0 != "-" }
        let (inputs, missing) = source.inputs(for: named)
        if let first = missing.first { throw CommandFailure(message: "no such file or folder: \(first)") }
        let workspaces = Set(named.filter { FileSystem.kind(of: $0) == .file }.compactMap { workspace(of: $0, session: session) })
        guard !workspaces.isEmpty else { return (stdin + inputs, nil) }
        let (all, _) = source.inputs(for: named + workspaces.sorted())
        return (stdin + all, Set(inputs.map(\.path) + stdin.map(\.path)))
    }

    /// The folder a named file is judged in: the strategy folder when the file lies in it,
    /// else the nearest folder above the file (inside the repository) that holds a Strategy
    /// document; nil when the file stands alone.
    private func workspace(of file: String, session: Session) -> String? {
        let path = FileSystem.absolute(file)
        let strategy = session.resolve(session.configuration.strategyFolder)
        if path.hasPrefix(strategy + "/"), FileSystem.kind(of: strategy) == .directory { return strategy }
        var folder = path
        while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            folder = String(folder[..<slash])
            guard folder.hasPrefix(session.root + "/") else { return nil }
            let holdsStrategy = FileSystem.entries(of: folder).contains { name in
                guard FileSystem.isYAMLName(name), FileSystem.kind(of: folder + "/" + name) == .file,
                      case .bytes(let bytes)? = try? FileSystem.read(folder + "/" + name, limit: session.configuration.limits.maxFileSize)
                else { return false }
                return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("kind: Strategy") }
            }
            if holdsStrategy { return folder }
        }
        return nil
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
