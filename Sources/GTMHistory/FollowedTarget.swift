import GTMGit
import GTMModel
import Synchronization

extension ICPLog {
    /// What a log follows: documents known before the walk, or read from the workspace of a
    /// strategy folder (HEAD's) by whichever thread first needs them. Reading them takes
    /// parsing HEAD's strategy, a few milliseconds that a first `gtm log` without a cache to
    /// read then spends while the walk goes on, rather than before it starts.
    public enum Following: Sendable {
        case known(Target)
        /// The target `read` makes of the workspace of this folder (none: an empty workspace).
        /// What it throws ends the log with that failure.
        case readFrom(folder: ObjectID?, read: @Sendable (Workspace) throws -> Target)
    }
}

/// The target of one log, made once: by the first comparison that needs it, on its thread, or
/// by the walk's thread when it ends without one. A failure is kept and thrown after the walk,
/// which it stops early.
final class FollowedTarget: Sendable {
    private let following: ICPLog.Following
    private let store: ParsedFolders
    private let made = Mutex<Result<ICPLog.Target, any Error>?>(nil)
    private let failed = Atomic<Bool>(false)

    init(_ following: ICPLog.Following, store: ParsedFolders) {
        self.following = following
        self.store = store
    }

    /// The target, made now if no thread has made it yet (another thread asking meanwhile
    /// waits for it); its failure, thrown.
    func target() throws -> ICPLog.Target {
        try made.withLock { made in
            if let made { return made }
            let result: Result<ICPLog.Target, any Error>
            switch following {
            case .known(let target):
                result = .success(target)
            case .readFrom(let folder, let read):
                result = Result { try read(store.workspace(FolderSide(folder: folder))) }
            }
            if case .failure = result { failed.store(true, ordering: .relaxed) }
            made = result
            return result
        }.get()
    }

    /// Whether making the target failed: the walk then stops.
    var hasFailed: Bool { failed.load(ordering: .relaxed) }
}
