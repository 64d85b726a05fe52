import GTMCore
import GTMGit
import GTMLint
import GTMModel
import YAMLSource
import GTMSystem

/// Reads the strategy at any commit, fast enough to replay thousands of them: a commit whose
/// strategy folder has the same tree id as one already read is not read again, and each blob
/// is parsed once whatever the number of commits that hold it.
public final class HistoryReader {
    public let repository: GitRepository
    /// The linter of each commit, from its own settings and schemas.
    public let linters: CommitLinters
    /// Limits for reading files (the current settings').
    public let limits: YAMLLimits
    /// The strategy folder, relative to the repository root.
    public let folder: String
    public let display: @Sendable (String) -> String
    // The caches below are used by the reader's thread alone, one access at a time: the
    // runtime's check of every access (thousands per walk) is left out.
    /// Parsed and validated files, per linter (a commit with other schemas validates anew).
    @exclusivity(unchecked) var fileCaches: [String: FileOutcomeCache] = [:]
    @exclusivity(unchecked) var states: [StateKey: LintResult] = [:]
    @exclusivity(unchecked) var workspaces: [ObjectID: Workspace] = [:]
    /// Files parsed for comparisons (no schema), by blob id and path.
    @exclusivity(unchecked) var parsed: [ParsedKey: Linter.FileOutcome] = [:]
    /// Strategy folders by commit (`folderID`): by id for a commit outside the commit-graph,
    /// by position in it otherwise (nil: not known yet; `.some(nil)`: no folder).
    @exclusivity(unchecked) var folderIDs: [ObjectID: ObjectID?] = [:]
    @exclusivity(unchecked) var folderIDsByPosition: FolderIDTable?
    @exclusivity(unchecked) var shownPaths: [String: String] = [:]
    /// The files of each strategy folder tree listed so far: a folder seen again (its parent's
    /// side of a diff, a second pass) is not listed through libgit2 again.
    @exclusivity(unchecked) var folderFiles: [ObjectID: [GitFile]] = [:]
    /// What other threads built for this reader (documents they parsed, changes they found),
    /// released with it: the history commands keep their reader until the process ends, so a
    /// walk does not end by taking thousands of documents apart one by one.
    var finishedWork: [AnyObject] = []

    public init(repository: GitRepository, linters: CommitLinters, limits: YAMLLimits, folder: String, display: @escaping @Sendable (String) -> String) {
        self.repository = repository
        self.linters = linters
        self.limits = limits
        self.folder = folder
        self.display = display
    }

    /// The strategy folder as git's changed-path filters hash it (`gtm/strategy`, no `./`, no
    /// trailing slash); nil for the whole repository, which every commit changes, and for a
    /// path with `..`: a key that is not exactly git's path would skip commits that changed it.
    lazy var bloomKey: BloomKey? = Self.bloomKey(folder: folder)

    /// The key of a repository-relative folder (see `bloomKey`).
    public static func bloomKey(folder: String) -> BloomKey? {
        let parts = folder.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        return BloomKey(path: parts.joined(separator: "/"))
    }

    /// The tree id of the strategy folder in a commit (nil when the folder is absent, or the
    /// path is a file, a link or a submodule there: that commit has no strategy folder).
    ///
    /// A commit that the commit-graph's changed-path filter says left the folder as its first
    /// parent had it has that parent's folder: the first parents are followed through the graph
    /// (positions only, no commit read) to the first commit that may have changed it, and only
    /// that one's tree is read. The parent of each commit `gtm log` compares is mostly such a
    /// commit, and its folder is the next compared commit's, which is read anyway.
    public func folderID(_ commit: CommitInfo) throws(GitError) -> ObjectID? {
        if let key = bloomKey, let graph = repository.commitGraph, let start = graph.position(of: commit.id) {
            // Kept by graph position (`FolderIDTable`).
            if folderIDsByPosition?.count != graph.count { folderIDsByPosition = FolderIDTable(count: graph.count) }
            guard let folderIDsByPosition else { return try readFolderID(commit) }
            if let known = folderIDsByPosition[start] { return known }
            let end = graph.firstMayHaveChanged(key, from: start)
            if end != start, let endID = graph.id(at: end) {
                if let known = folderIDsByPosition[end] {
                    folderIDsByPosition[start] = known
                    return known
                }
                if let holder = try repository.commitIfPresent(endID, details: false) {
                    let id = try readFolderID(holder)
                    folderIDsByPosition[end] = .some(id)
                    folderIDsByPosition[start] = .some(id)
                    return id
                }
            }
            let id = try readFolderID(commit)
            folderIDsByPosition[start] = .some(id)
            return id
        }
        if let known = folderIDs[commit.id] { return known }
        let id = try readFolderID(commit)
        folderIDs[commit.id] = id
        return id
    }

    private func readFolderID(_ commit: CommitInfo) throws(GitError) -> ObjectID? {
        let entry = try repository.entry(tree: commit.tree, path: folder)
        return entry?.isTree == true ? entry?.id : nil
    }

    /// The strategy at a commit, linted as of that commit's date. `lastChanged` (path → the
    /// date of the last commit that changed the file) lets the review-cadence rule count a
    /// commit to a document as well as its review date.
    public func state(_ commit: CommitInfo, lastChanged: [String: CalendarDate] = [:]) throws(GitError) -> LintResult {
        try state(commit, judgedAs: commit, lastChanged: lastChanged)
    }

    /// The strategy at `commit` judged by the settings and schemas of `judge`: what a review
    /// uses to see what a change of settings lets through.
    public func state(_ commit: CommitInfo, judgedAs judge: CommitInfo, lastChanged: [String: CalendarDate] = [:]) throws(GitError) -> LintResult {
        let folder = try folderID(commit)
        let (linter, linterKey) = linters.keyed(judge)
        let today = CalendarDate(unixTime: commit.committer.time)
        let key = folder.map { StateKey(folder: $0, linterKey: linterKey, today: today, lastChanged: lastChanged) }
        if let key, let known = states[key] { return known }
        let fileCache = fileCaches[linterKey] ?? FileOutcomeCache()
        fileCaches[linterKey] = fileCache
        let inputs = folder == nil ? [] : try inputs(commit) { id, path in fileCache.contains(blob: id.hex, path: path) }
        let result = linter.lint(inputs, cache: fileCache, today: today, lastChanged: lastChanged)
        if let key { states[key] = result }
        return result
    }

    /// The same strategy is judged the same way on the same day with the same change dates: a
    /// state that comes back later (a revert) is judged again, as of its own date, since review
    /// cadences and waivers run out.
    struct StateKey: Hashable {
        var folder: ObjectID
        var linterKey: String
        var today: CalendarDate
        var lastChanged: [String: CalendarDate]
    }

    /// Judges, on every core, the states of these commits (each with the change dates it is
    /// judged with), so that the `state` calls that follow are answered from the cache. Files
    /// are read and parsed first, on this thread and from the caches `prepareStates` filled;
    /// only the judging, which reads no git, is spread. The commits go in sixteen runs of
    /// neighbouring ones, so that a rule that read nothing the next commit changed is not asked
    /// again: each run is judged on another core as soon as it is put together, while this
    /// thread puts together the next, and a core that finishes a run takes the next waiting.
    public func prepareJudgements(_ jobs: [(commit: CommitInfo, lastChanged: [String: CalendarDate])]) throws(GitError) {
        struct Work: Sendable {
            var key: StateKey
            var linter: Linter
            var inputs: [LintInput]
            var outcomes: [Linter.FileOutcome]
            var today: CalendarDate
            var lastChanged: [String: CalendarDate]
        }
        let ahead = WorkAhead { (work: Work) in
            (work.key, work.linter.judge(work.inputs, outcomes: work.outcomes, today: work.today, lastChanged: work.lastChanged))
        }
        defer { for (key, result) in ahead.finish([]) { states[key] = result } }
        let size = max((jobs.count + 15) / 16, 1)
        var run: [Work] = []
        var queued = Set<StateKey>()
        for (commit, lastChanged) in jobs {
            guard let folder = try folderID(commit) else { continue }
            let (linter, linterKey) = linters.keyed(commit)
            // Rules that ask git when files changed are judged one at a time, by `state`.
            guard linter.rules?.history == nil else { return }
            let today = CalendarDate(unixTime: commit.committer.time)
            let key = StateKey(folder: folder, linterKey: linterKey, today: today, lastChanged: lastChanged)
            guard states[key] == nil, queued.insert(key).inserted else { continue }
            let fileCache = fileCaches[linterKey] ?? FileOutcomeCache()
            fileCaches[linterKey] = fileCache
            let inputs = try inputs(commit) { id, path in fileCache.contains(blob: id.hex, path: path) }
            run.append(Work(key: key, linter: linter, inputs: inputs, outcomes: inputs.map { fileCache.outcome(of: $0, by: linter) },
                            today: today, lastChanged: lastChanged))
            if run.count == size {
                ahead.submit(run)
                run = []
            }
        }
        ahead.submit(run)
    }

    /// Parses files for comparisons (no schema, no rules), entry by entry (`YAMLPieces`).
    var parser: Linter {
        var parser = Linter(limits: limits, validator: nil)
        parser.pieces = linters.pieces
        return parser
    }

    /// Handles on the repository for the threads that read blobs (see `BlobReaders`).
    lazy var blobReaders = BlobReaders(repository)
    /// A folder staged by `stageState`, for the linter of `linterKey`.
    struct StagedFolder: Hashable {
        var folder: ObjectID
        var linterKey: String
    }
    var stateStaging: (ahead: WorkAhead<FolderLinting.Job, FolderLinting.Linted>, linting: FolderLinting,
                       batch: [FolderLinting.Job], queued: Set<StagedFolder>)?
    /// Folders per batch handed to a linting thread (each mostly brings one new file).
    static let foldersPerBatch = 8

    /// Starts linting (listing, reading, parsing and the schemas, by the commit's own linter)
    /// the files of a commit's strategy folder on another thread: `gtm bugs` calls it for each
    /// commit its walk finds, so that linting overlaps the walk, which only hands out folders.
    /// One other thread, not one per core: the walk is the longest part and keeps a core of its
    /// own (with two linting threads the three took turns on two cores: 257.8 against 228.7 ms
    /// without a commit-graph, 185.2 against 170.5 ms with one, by turns).
    public func stageState(_ commit: CommitInfo) throws(GitError) {
        guard let folderTree = try folderID(commit) else { return }
        // Taken out while it grows, so that its set is not copied at every commit.
        var staged = stateStaging.take() ?? {
            let linting = FolderLinting(readers: blobReaders, prefix: folder, limit: limits.maxFileSize,
                                        shown: ShownPaths(shownPaths, display: display))
            return (WorkAhead(oneLane: true) { linting.lint($0) }, linting, [], [])
        }()
        defer { stateStaging = staged }
        let (linter, linterKey) = linters.keyed(commit)
        if fileCaches[linterKey] == nil { fileCaches[linterKey] = FileOutcomeCache() }
        guard staged.queued.insert(StagedFolder(folder: folderTree, linterKey: linterKey)).inserted else { return }
        staged.batch.append(FolderLinting.Job(folder: folderTree, linterKey: linterKey, linter: linter))
        if staged.batch.count >= Self.foldersPerBatch {
            staged.ahead.submit(staged.batch)
            staged.batch = []
        }
    }

    /// Waits for the staged folders, keeps each one's files, and puts each outcome in its
    /// linter's cache (an outcome the cache already holds is kept); or the first error met
    /// listing a folder, as the walk's thread would have met it.
    public func finishStagedStates() throws(GitError) {
        guard let staged = stateStaging else { return }
        stateStaging = nil
        for linted in staged.ahead.finish(staged.batch) {
            if let files = linted.files, folderFiles[linted.job.folder] == nil { folderFiles[linted.job.folder] = files }
            guard let cache = fileCaches[linted.job.linterKey] else { continue }
            for (input, outcome) in linted.outcomes where !cache.contains(blob: input.blobID ?? "", path: input.path) {
                cache.insert(outcome, for: input)
            }
        }
        if let error = staged.linting.error { throw error }
    }

    /// Parses and validates, on every core, the files of these commits that the caches do not
    /// hold yet, each by its own commit's linter, so that the `state` calls that follow only
    /// run the rules. The threads that lint them list and read them.
    public func prepareStates(_ commits: [CommitInfo]) throws(GitError) {
        for commit in commits { try stageState(commit) }
        try finishStagedStates()
    }

    /// How `parsed` keys a file: its blob id and its path (the same blob at another path is
    /// another document).
    struct ParsedKey: Hashable {
        var blob: ObjectID
        var path: String
    }

    /// The workspace of a strategy folder's files, each parsed once: its outcome is taken from
    /// `known` by blob id and shown path, or parsed from `content` and given to `keep`. The
    /// reader's thread and the comparing threads (`ParsedFolders`) each bring their caches and
    /// their repository handle.
    static func workspace(of files: [GitFile], shown: (String) -> String, parser: Linter,
                          known: (ParsedKey) -> Linter.FileOutcome?, keep: (ParsedKey, Linter.FileOutcome) -> Void,
                          content: (GitFile) -> LintInput.Content) -> Workspace {
        var outcomes: [(String, Linter.FileOutcome)] = []
        for file in files {
            let path = shown(file.path)
            let key = ParsedKey(blob: file.blob, path: path)
            if let hit = known(key) {
                outcomes.append((path, hit))
                continue
            }
            let outcome = parser.lintFile(LintInput(path: path, content: content(file)))
            keep(key, outcome)
            outcomes.append((path, outcome))
        }
        return Linter.workspace(of: outcomes)
    }

    /// The documents at a commit, parsed only (no schema, no rules): what `gtm log` and
    /// `gtm diff` need. Each blob is parsed once, whatever the number of commits holding it.
    public func workspace(_ commit: CommitInfo) throws(GitError) -> Workspace {
        guard let key = try folderID(commit) else { return Workspace(documents: []) }
        if let known = workspaces[key] { return known }
        let workspace = Self.workspace(of: try files(ofFolder: key), shown: shownPath, parser: parser,
                                       known: { parsed[$0] }, keep: { parsed[$0] = $1 },
                                       content: { GitSource.content(of: $0, in: repository, limit: limits.maxFileSize) })
        workspaces[key] = workspace
        return workspace
    }

    /// What a walk does at a commit a caller may already know.
    public enum WalkStep: Sendable {
        /// Compare its folder with its parent's.
        case compare
        /// Go on to the next commit without opening a tree.
        case skip
        /// End the walk here.
        case stop
    }

    /// The path as reports show it, worked out once per path rather than once per commit.
    func shownPath(_ path: String) -> String {
        if let known = shownPaths[path] { return known }
        let shown = display(path)
        shownPaths[path] = shown
        return shown
    }

    /// Every strategy file at a commit (its path as shown, and its blob id), without reading any blob.
    public func blobs(_ commit: CommitInfo) throws(GitError) -> [(path: String, blob: ObjectID)] {
        guard let folderTree = try folderID(commit) else { return [] }
        return try files(ofFolder: folderTree).map { (shownPath($0.path), $0.blob) }
    }

    /// The YAML files of a strategy folder tree, listed through libgit2 once per tree.
    func files(ofFolder folderTree: ObjectID) throws(GitError) -> [GitFile] {
        if let known = folderFiles[folderTree] { return known }
        let files = try Self.strategyFiles(of: folderTree, prefix: folder, in: repository)
        folderFiles[folderTree] = files
        return files
    }

    /// The YAML files of a strategy folder tree (`prefix` is the folder's path), through
    /// `repository`: the reader's own, or another thread's (`ComparisonsAhead`).
    static func strategyFiles(of folderTree: ObjectID, prefix: String, in repository: GitRepository) throws(GitError) -> [GitFile] {
        try repository.files(tree: folderTree, prefix: prefix)
            .filter { ($0.kind == .file || $0.kind == .executable) && FileSystem.isYAMLName($0.path) }
    }

    /// The YAML files of the strategy folder at a commit. A blob already seen is not read
    /// again: its input carries only its id, which the caches answer.
    func inputs(_ commit: CommitInfo, known: (ObjectID, String) -> Bool) throws(GitError) -> [LintInput] {
        var result: [LintInput] = []
        guard let folderTree = try folderID(commit) else { return [] }
        for file in try files(ofFolder: folderTree) {
            let shown = shownPath(file.path)
            if known(file.blob, shown) {
                result.append(LintInput(path: shown, content: .bytes([]), blobID: file.blob.hex))
                continue
            }
            let content = GitSource.content(of: file, in: repository, limit: limits.maxFileSize)
            result.append(LintInput(path: shown, content: content, blobID: file.blob.hex))
        }
        return result
    }

    /// The commits that changed the strategy folder, newest first, each with the parent it is
    /// compared with. A commit is skipped, without reading any blob, when its folder's tree id
    /// equals its parent's. `visit` returns whether to go on: `gtm log --max-count 1` stops at
    /// the first commit it shows instead of walking to the root. Returns whether the walk
    /// stopped at a shallow boundary.
    ///
    /// `recalled` is asked first about each commit the folder may have changed in: `.skip` (the
    /// caller knows that commit from an earlier run) opens no tree for it, and `.stop` ends the
    /// walk. `unchanged` hears of each commit whose folder turned out the same as its parent's.
    public func changes(from start: ObjectID, firstParent: Bool, limit: Int? = nil, since: Int? = nil,
                        recalled: ((CommitInfo) -> WalkStep)? = nil, unchanged: ((CommitInfo) -> Void)? = nil,
                        details: Bool = true, visit: (CommitInfo, CommitInfo?) throws -> Bool) throws -> Bool {
        var count = 0
        // The walk skips each commit whose commit-graph Bloom filter says the folder did not
        // change against the first parent: no tree is opened. (A merge that changed nothing
        // against its first parent is skipped below too, so this holds with every parent followed.)
        let end = try repository.walk(from: start, firstParent: firstParent, details: false, since: since, skipping: bloomKey) { commit in
            switch recalled?(commit) ?? .compare {
            case .compare: break
            case .skip: return true
            case .stop: return false
            }
            let parent = try commit.parents.first.flatMap { p throws(GitError) in try repository.commitIfPresent(p, details: false) }
            // At a shallow boundary the parent is missing: what this commit changed is unknown.
            if parent == nil && !commit.parents.isEmpty { return true }
            let mine = try folderID(commit)
            let theirs = try parent.map { p throws(GitError) in try folderID(p) } ?? nil
            if mine != theirs {
                if commit.parents.count > 1, !firstParent {
                    // A merge that matches one of its parents brings nothing new (git's TREESAME).
                    for other in commit.parents.dropFirst() {
                        if let other = try repository.commitIfPresent(other, details: false), try folderID(other) == mine { return true }
                    }
                }
                guard try visit(try repository.commit(commit.id, details: details), parent) else { return false }
                count += 1
                if let limit, count >= limit { return false }
            } else {
                unchanged?(commit)
            }
            return true
        }
        return end.stoppedAtShallowBoundary
    }
}
