import GTMGit
import GTMLint
import GTMModel
import Synchronization

/// One side of a comparison: a commit's strategy folder, found by the walk's thread. Its files
/// are listed, read and parsed by the thread comparing, with a repository handle of its own,
/// unless another comparison put that folder together already: the walk's thread, which reads
/// every commit and its root tree, is the one the others wait for.
struct FolderSide: Sendable {
    var folder: ObjectID?
}

extension HistoryReader {
    /// The strategy folder of a commit (none for no commit), for `ComparisonsAhead`.
    func side(_ commit: CommitInfo?) throws(GitError) -> FolderSide {
        guard let commit else { return FolderSide(folder: nil) }
        return FolderSide(folder: try folderID(commit))
    }
}

/// Compares commits with their parents on another thread while the walk that finds them goes
/// on (`gtm log`): each comparison lists, reads and parses the files of both sides that no
/// thread has put together yet, and compares the two workspaces. Before, the walk's thread
/// only handed out files to parse, and every comparison waited for the end of the walk.
final class ComparisonsAhead<Output: Sendable>: Sendable {
    typealias Job = (index: Int, before: FolderSide, after: FolderSide, commit: CommitInfo)
    private let ahead: WorkAhead<Job, Compared>
    private let batch = Mutex<[Job]>([])
    private let count = Mutex(0)
    /// Comparisons per batch: neighbours share a side, parsed once within a batch.
    static var batchSize: Int { 8 }

    /// The folders and documents the comparing threads put together.
    private let store: ParsedFolders

    /// `compare` is given both workspaces and the commit whose change they are; `store` holds
    /// the folders and documents put together (a new one from the reader's caches by default).
    init(_ reader: HistoryReader, store: ParsedFolders? = nil, compare: @escaping @Sendable (Workspace, Workspace, CommitInfo) -> Output) {
        let store = store ?? ParsedFolders(reader)
        self.store = store
        ahead = WorkAhead(oneLane: true) { job in Compared(index: job.index, output: compare(store.workspace(job.before), store.workspace(job.after), job.commit)) }
    }

    /// One comparison's output behind a reference: thousands pass from the comparing threads
    /// to the caller's and are put in order, and a reference is passed on with one count where
    /// a log entry (its commit, its changes, its text) takes a dozen, each on memory another
    /// core wrote. The references stay with this object, which the reader keeps to the end.
    ///
    /// `finish` moves each output out: copied, every reference in it was counted once more,
    /// on memory the other core wrote, after the last comparison, when nothing else runs.
    /// (Unchecked: the output is written before the comparison is handed over under a lock,
    /// and taken once, after every comparing thread is done.)
    final class Compared: @unchecked Sendable {
        let index: Int
        private var output: Output?
        init(index: Int, output: Output) {
            self.index = index
            self.output = output
        }

        func take() -> Output { output.take()! }
    }

    /// Queues the comparison of `after` with `before`, the change `commit` made; returns its
    /// place among the outputs.
    @discardableResult
    func add(before: FolderSide, after: FolderSide, of commit: CommitInfo) -> Int {
        let index = count.withLock { n in
            defer { n += 1 }
            return n
        }
        let full: [Job]? = batch.withLock { b in
            b.append((index, before, after, commit))
            guard b.count >= Self.batchSize else { return nil }
            defer { b = [] }
            return b
        }
        if let full { ahead.submit(full) }
        return index
    }

    /// Every output, by its place; or the first error met listing a folder (a damaged
    /// repository), which ends the command as it would have on the walk's thread.
    func finish() throws(GitError) -> Outputs {
        let rest = batch.withLock { b in
            defer { b = [] }
            return b
        }
        var ordered = [Compared?](repeating: nil, count: count.withLock { $0 })
        for compared in ahead.finish(rest) { ordered[compared.index] = compared }
        if let error = store.error { throw error }
        return Outputs(ordered: ordered)
    }

    /// The outputs by place, each taken once where the caller puts it: gathered into an array
    /// first, thousands of log entries were copied once more, into memory new to the process.
    struct Outputs {
        fileprivate let ordered: [Compared?]
        func take(_ place: Int) -> Output { ordered[place]!.take() }
    }
}

/// Documents parsed and workspaces put together by the threads comparing commits, shared by
/// them: a folder is listed, and a blob parsed, once, whichever thread meets it first (two that
/// meet it at the same time both do the work, and keep the same result).
final class ParsedFolders: Sendable {
    private let parsed: Mutex<[HistoryReader.ParsedKey: Linter.FileOutcome]>
    private let workspaces: Mutex<[ObjectID: Workspace]>
    /// Paths as reports show them (see `HistoryReader.shownPath`).
    private let shown: ShownPaths
    private let failure = FirstError()
    private let parser: Linter
    private let readers: BlobReaders
    private let limit: Int
    private let folder: String

    init(_ reader: HistoryReader) {
        // Room made at once for a long history: a dictionary grown while the other thread
        // waits on its lock copied thousands of entries each time it doubled.
        var parsed = reader.parsed, workspaces = reader.workspaces
        parsed.reserveCapacity(Self.room)
        workspaces.reserveCapacity(Self.room)
        self.parsed = Mutex(parsed)
        self.workspaces = Mutex(workspaces)
        shown = ShownPaths(reader.shownPaths, display: reader.display)
        parser = reader.parser
        readers = reader.blobReaders
        limit = reader.limits.maxFileSize
        folder = reader.folder
    }

    /// Documents and folders a history is expected to hold without the dictionaries growing.
    static let room = 4096

    /// The first error met listing a folder.
    var error: GitError? { failure.error }

    func workspace(_ side: FolderSide) -> Workspace {
        guard let folderTree = side.folder else { return Workspace(documents: []) }
        if let known = workspaces.withLock({ $0[folderTree] }) { return known }
        // One handle for the listing and every blob read.
        let read = readers.withRepository { repository throws(GitError) in
            HistoryReader.workspace(of: try HistoryReader.strategyFiles(of: folderTree, prefix: folder, in: repository),
                                    shown: shown.of, parser: parser,
                                    known: { key in parsed.withLock { $0[key] } }, keep: { key, made in parsed.withLock { $0[key] = made } },
                                    content: { GitSource.content(of: $0, in: repository, limit: limit) })
        }
        switch read {
        case .success(let workspace):
            workspaces.withLock { $0[folderTree] = workspace }
            return workspace
        case .failure(let error):
            failure.keep(error)
            return Workspace(documents: [])
        }
    }
}
