import GTMGit
import GTMLint
import Synchronization

/// Paths as reports show them (see `HistoryReader.display`), worked out once per path and
/// shared by the threads that list folders.
final class ShownPaths: Sendable {
    private let known: Mutex<[String: String]>
    private let display: @Sendable (String) -> String

    init(_ known: [String: String], display: @escaping @Sendable (String) -> String) {
        self.known = Mutex(known)
        self.display = display
    }

    func of(_ path: String) -> String {
        if let shown = known.withLock({ $0[path] }) { return shown }
        let shown = display(path)
        known.withLock { $0[path] = shown }
        return shown
    }
}

/// The strategy folders `gtm bugs` finds on its walk, each listed and its new files linted
/// (read, parsed, validated by the commit's own linter) on another core. The walk's thread,
/// which reads every commit and its root tree, is the one the others wait for: it only hands
/// out folders. A file is linted once per linter, whichever thread meets it first.
final class FolderLinting: Sendable {
    /// A folder to list and lint, by the linter of `linterKey`.
    struct Job: Sendable {
        var folder: ObjectID
        var linterKey: String
        var linter: Linter
    }

    /// What a job gave: the folder's files (nil when it could not be listed), and the outcome
    /// of each file this job was the first to lint (its input without content).
    struct Linted: Sendable {
        var job: Job
        var files: [GitFile]?
        var outcomes: [(LintInput, Linter.FileOutcome)]
    }

    /// A file, by blob and shown path, as linted by one linter.
    private struct Claim: Hashable {
        var linterKey: String
        var blob: ObjectID
        var path: String
    }

    private let readers: BlobReaders
    private let prefix: String
    private let limit: Int
    private let shown: ShownPaths
    private let claimed = Mutex<Set<Claim>>([])
    private let failure = FirstError()

    init(readers: BlobReaders, prefix: String, limit: Int, shown: ShownPaths) {
        self.readers = readers
        self.prefix = prefix
        self.limit = limit
        self.shown = shown
    }

    /// The first error met listing a folder (a damaged repository).
    var error: GitError? { failure.error }

    func lint(_ job: Job) -> Linted {
        let done = readers.withRepository { repository throws(GitError) in
            var outcomes: [(LintInput, Linter.FileOutcome)] = []
            let files = try HistoryReader.strategyFiles(of: job.folder, prefix: prefix, in: repository)
            for file in files {
                let path = shown.of(file.path)
                guard claimed.withLock({ $0.insert(Claim(linterKey: job.linterKey, blob: file.blob, path: path)).inserted }) else { continue }
                let content = GitSource.content(of: file, in: repository, limit: limit)
                let hex = file.blob.hex
                let outcome = job.linter.lintFile(LintInput(path: path, content: content, blobID: hex))
                outcomes.append((LintInput(path: path, content: .bytes([]), blobID: hex), outcome))
            }
            return Linted(job: job, files: files, outcomes: outcomes)
        }
        switch done {
        case .success(let linted):
            return linted
        case .failure(let error):
            failure.keep(error)
            return Linted(job: job, files: nil, outcomes: [])
        }
    }
}
