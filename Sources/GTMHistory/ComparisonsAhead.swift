import GTMGit
import GTMLint
import GTMModel
import Synchronization

/// One side of a comparison: a commit's strategy folder and its files, listed by the walk's
/// thread (which alone reads trees); their blobs are read and parsed by the thread comparing.
struct FolderSide: Sendable {
    struct File: Sendable {
        /// Blob id and path, as `HistoryReader.parsed` keys them.
        var key: String
        var input: LintInput
        var file: GitFile
    }

    var folder: ObjectID?
    var files: [File]
}

extension HistoryReader {
    /// The strategy folder of a commit (none for no commit) and its files, for `ComparisonsAhead`.
    /// A folder is put together once: the parent's side of one comparison is, most often, the
    /// commit's side of the next.
    func side(_ commit: CommitInfo?) throws(GitError) -> FolderSide {
        guard let commit, let folder = try folderID(commit) else { return FolderSide(folder: nil, files: []) }
        if let known = sides[folder] { return known }
        let files = try self.files(ofFolder: folder).map { file in
            let shown = shownPath(file.path)
            let hex = file.blob.hex
            return FolderSide.File(key: Self.parsedKey(blob: hex, path: shown), input: LintInput(path: shown, content: .bytes([]), blobID: hex), file: file)
        }
        let side = FolderSide(folder: folder, files: files)
        sides[folder] = side
        return side
    }
}

/// Compares commits with their parents on another thread while the walk that finds them goes
/// on (`gtm log`): each comparison reads and parses the files of both sides that no thread has
/// parsed yet, puts the two workspaces together, and compares them. Before, the walk's thread
/// only handed out files to parse, and every comparison waited for the end of the walk.
final class ComparisonsAhead<Output: Sendable>: Sendable {
    typealias Job = (index: Int, before: FolderSide, after: FolderSide)
    private let ahead: WorkAhead<Job, (Int, Output)>
    private let batch = Mutex<[Job]>([])
    private let count = Mutex(0)
    /// Comparisons per batch: neighbours share a side, parsed once within a batch.
    static var batchSize: Int { 8 }

    init(_ reader: HistoryReader, compare: @escaping @Sendable (Workspace, Workspace) -> Output) {
        let store = ParsedFolders(parsed: reader.parsed, workspaces: reader.workspaces, parser: Linter(limits: reader.limits, validator: nil),
                                  readers: reader.blobReaders, limit: reader.limits.maxFileSize)
        ahead = WorkAhead(oneLane: true) { job in (job.index, compare(store.workspace(job.before), store.workspace(job.after))) }
    }

    /// Queues the comparison of `after` with `before`; returns its place among the outputs.
    @discardableResult
    func add(before: FolderSide, after: FolderSide) -> Int {
        let index = count.withLock { n in
            defer { n += 1 }
            return n
        }
        let full: [Job]? = batch.withLock { b in
            b.append((index, before, after))
            guard b.count >= Self.batchSize else { return nil }
            defer { b = [] }
            return b
        }
        if let full { ahead.submit(full) }
        return index
    }

    /// Every output, by its place.
    func finish() -> [Output] {
        let rest = batch.withLock { b in
            defer { b = [] }
            return b
        }
        var outputs = [Output?](repeating: nil, count: count.withLock { $0 })
        for (i, output) in ahead.finish(rest) { outputs[i] = output }
        return outputs.map { $0! }
    }
}

/// Documents parsed and workspaces put together by the threads comparing commits, shared by
/// them: a blob is parsed once, whichever thread meets it first (two that meet it at the same
/// time both parse it, and keep the same documents).
final class ParsedFolders: Sendable {
    private let parsed: Mutex<[String: [GTMDocument]]>
    private let workspaces: Mutex<[ObjectID: Workspace]>
    private let parser: Linter
    private let readers: BlobReaders
    private let limit: Int

    init(parsed: [String: [GTMDocument]], workspaces: [ObjectID: Workspace], parser: Linter, readers: BlobReaders, limit: Int) {
        self.parsed = Mutex(parsed)
        self.workspaces = Mutex(workspaces)
        self.parser = parser
        self.readers = readers
        self.limit = limit
    }

    func workspace(_ side: FolderSide) -> Workspace {
        guard let folder = side.folder else { return Workspace(documents: []) }
        if let known = workspaces.withLock({ $0[folder] }) { return known }
        var documents: [GTMDocument] = []
        for file in side.files {
            if let known = parsed.withLock({ $0[file.key] }) {
                documents += known
                continue
            }
            let made = parser.lintFile(readers.read(file.file, into: file.input, limit: limit)).documents
            parsed.withLock { $0[file.key] = made }
            documents += made
        }
        let workspace = Workspace(documents: documents)
        workspaces.withLock { $0[folder] = workspace }
        return workspace
    }
}
