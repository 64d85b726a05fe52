import GTMCore
import GTMGit
import GTMLint
import GTMReport
import GTMSystem

/// What `gtm check` was told, as plain values, and the check itself. The argument parser
/// fills a `CheckCommand`; the quick reading of the hook's arguments (`QuickArguments`) fills
/// this directly, without building the parser's property wrappers.
struct CheckRun: Equatable {
    var paths: [String] = []
    var staged = false
    var rev: String?
    var newFromRev: String?
    var hook = false
    var report = ReportSettings()
    var schema = SchemaSettings()

    init() {}

    init(_ command: CheckCommand) {
        paths = command.paths
        staged = command.staged
        rev = command.rev
        newFromRev = command.newFromRev
        hook = command.hook
        report = command.report.settings
        schema = command.schema.settings
    }

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
    static func speculatedSettings(_ options: SchemaSettings) -> Configuration {
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
                // A git folder itself (a bare repository, or inside `.git`): `gtm init` would
                // write into it.
                if FileSystem.isGitFolder(session.root) { throw GitSession.bare }
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
