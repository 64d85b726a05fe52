internal import CLibGit2
import Synchronization

/// Blob reads on other threads. A `GitRepository` is not shared between threads, so history
/// commands read their commits and trees on one thread and hand the blobs to read, with the
/// parsing, to the other cores: each of those borrows a handle of its own on the same git
/// directory, opened the first time it is needed and kept for the next batch.
public final class BlobReaders: Sendable {
    /// A handle no thread is using. Only the thread that takes one out of the pool touches it
    /// until it puts it back.
    private struct Idle: @unchecked Sendable {
        let repository: GitRepository
    }

    private let gitDir: String
    private let idle = Mutex<[Idle]>([])

    public init(_ repository: GitRepository) {
        gitDir = repository.gitDir
    }

    /// What `body` gave with a handle of this thread's own; or its error, or the one that kept
    /// a handle from opening.
    public func withRepository<T>(_ body: (GitRepository) throws(GitError) -> T) -> Result<T, GitError> {
        let repository: GitRepository
        if let free = idle.withLock({ $0.popLast() }) {
            repository = free.repository
        } else {
            do throws(GitError) {
                repository = try GitRepository.open(gitDir: gitDir)
            } catch {
                return .failure(error)
            }
        }
        defer { idle.withLock { $0.append(Idle(repository: repository)) } }
        do throws(GitError) {
            return .success(try body(repository))
        } catch {
            return .failure(error)
        }
    }
}

/// The first error met by threads that read on their own handles (a damaged repository),
/// kept for the thread that started them to throw, as it would have met it itself.
public final class FirstError: Sendable {
    private let first = Mutex<GitError?>(nil)

    public init() {}

    public var error: GitError? { first.withLock { $0 } }

    /// Keeps `error` unless one was kept before.
    public func keep(_ error: GitError) {
        first.withLock { if $0 == nil { $0 = error } }
    }
}

extension GitRepository {
    /// The repository whose git directory is `gitDir`, found without searching: another
    /// handle on a repository already open, for another thread.
    static func open(gitDir: String) throws(GitError) -> GitRepository {
        _ = libgit2Ready
        var repo: OpaquePointer?
        try check(git_repository_open_ext(&repo, gitDir, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil), "cannot open the repository at \(gitDir)")
        guard let repo else { throw GitError(message: "cannot open the repository at \(gitDir)") }
        return GitRepository(handle: repo, indexFile: nil)
    }
}
