internal import CLibGit2
import Dispatch
import GTMSystem

/// libgit2 is set up once per process, for read-mostly work.
let libgit2Ready: Bool = {
    git_libgit2_init()
    // Each object read is re-hashed by default; gtm only reads, so skip that cost.
    _ = gtm_git_disable_strict_hash_verification()
    return true
}()

/// One open repository. Owns its `git_repository` and frees it exactly once; every lookup
/// copies what it needs into Swift values before the libgit2 object is freed. Not thread-safe:
/// open one per thread.
public final class GitRepository {
    let handle: OpaquePointer
    /// The absolute working-tree folder, without a trailing slash; nil for a bare repository.
    public let workdir: String?
    /// The absolute `.git` folder (for a linked worktree, its own folder under `.git/worktrees`).
    public let gitDir: String
    /// The folder shared by all worktrees (hooks live there), without a trailing slash.
    public var commonDir: String {
        git_repository_commondir(handle).map { Self.trimSlash(String(cString: $0)) } ?? gitDir
    }
    /// The index the next commit will use, when git named one in `GIT_INDEX_FILE`.
    public let indexFile: String?
    /// The last few commits read, for walks that meet each commit twice. (A repository is used
    /// by one thread: the runtime's check of each access to these is left out.)
    @exclusivity(unchecked) private var recentCommits: [CommitInfo?] = Array(repeating: nil, count: 4)
    /// Their ids, in the same places.
    @exclusivity(unchecked) private var recentIDs: [ObjectID?] = Array(repeating: nil, count: 4)
    /// Where the next commit read goes in `recentCommits` (a ring: the oldest is replaced).
    @exclusivity(unchecked) private var nextRecent = 0
    /// The commit-graph once looked for (see `commitGraph`).
    var graphState: GraphState?
    /// False reads every commit through libgit2 even where a commit-graph exists: what the
    /// tests compare the graph's answers with.
    public var useCommitGraph = true {
        didSet { graphState = nil }
    }
    /// False reads every object through libgit2, never from the pack files (`PackStore`) nor
    /// from the raw bytes (`CommitHeader`, `RawTree`): what the tests compare the raw readings
    /// with.
    @exclusivity(unchecked) public var readsRawObjects = true
    /// The pack files, opened on first use (nil inside: there are none).
    @exclusivity(unchecked) private var packState: PackStore??

    /// The repository's pack files, read directly; nil when there are none or raw reads are off.
    var packs: PackStore? {
        guard readsRawObjects else { return nil }
        if let packState { return packState }
        let store = PackStore(objects: commonDir + "/objects")
        packState = .some(store)
        return store
    }

    init(handle: OpaquePointer, indexFile: String?) {
        self.handle = handle
        self.gitDir = Self.trimSlash(git_repository_path(handle).map { String(cString: $0) } ?? "")
        self.workdir = git_repository_workdir(handle).map { Self.trimSlash(String(cString: $0)) }
        self.indexFile = indexFile
    }

    deinit { git_repository_free(handle) }

    /// Starts libgit2's one-time set-up on another core. Debian's libgit2 loads the system's
    /// certificate store when it starts, a few milliseconds that a pre-commit hook would
    /// otherwise pay in line; callers overlap it with their own start-up work.
    public static func warmUp() {
        warmUpStarted = true
        DispatchQueue.global(qos: .userInitiated).async(group: warmUpGroup) { _ = libgit2Ready }
    }

    /// Waits for the set-up `warmUp` started, if any. The process must not exit while libgit2
    /// is still initialising on the other thread: exit handlers would run under it and crash.
    public static func finishWarmUp() {
        if warmUpStarted { warmUpGroup.wait() }
    }

    /// Whether libgit2 starts in a moment: linked into the executable by `make release`
    /// (`scripts/build-release` sets `GTM_LIBGIT2_LINKED_IN`), where its start sets up no TLS
    /// (`NoTLS.swift`) and costs a few thousand instructions. The hook then
    /// takes both cores from the start; with the shared library, whose start parses the store,
    /// it leaves one core to it.
    #if GTM_LIBGIT2_LINKED_IN
    public static let startsQuickly = true
    #else
    public static let startsQuickly = false
    #endif

    nonisolated(unsafe) private static var warmUpStarted = false
    private static let warmUpGroup = DispatchGroup()

    /// Finds the repository that holds `directory`, the way git does for a hook: `GIT_DIR` and
    /// `GIT_WORK_TREE` when set, else a search upward; `GIT_INDEX_FILE` (which `git commit -a`
    /// and `git commit PATH` point at a temporary index) made absolute against `directory`.
    public static func discover(from directory: String, environment: [String: String]) throws(GitError) -> GitRepository {
        _ = libgit2Ready
        var repo: OpaquePointer?
        if let gitDir = environment["GIT_DIR"], !gitDir.isEmpty {
            let path = absolute(gitDir, against: directory)
            try check(git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil), "cannot open the repository at \(path)")
        } else {
            let code = git_repository_open_ext(&repo, directory, 0, nil)
            if code == GIT_ENOTFOUND.rawValue {
                // libgit2 refuses a repository another user owns as if there were none: say so.
                let reason = GitError.last(code, "")
                if reason.message.contains("owner") || reason.hint != nil {
                    throw GitError(code: code, message: "the repository at \(directory) is owned by another user",
                                   hint: "run `git config --global --add safe.directory \(directory)` if you trust it")
                }
                throw GitError(code: code, message: "not a git repository (or any parent up to /): \(directory)")
            }
            try check(code, "cannot open the repository at \(directory)")
        }
        guard let repo else { throw GitError(message: "cannot open the repository at \(directory)") }
        if let tree = environment["GIT_WORK_TREE"], !tree.isEmpty {
            let code = git_repository_set_workdir(repo, absolute(tree, against: directory), 0)
            if code < 0 {
                git_repository_free(repo)
                throw GitError.last(code, "cannot use GIT_WORK_TREE \(tree)")
            }
        }
        var indexFile: String?
        if let index = environment["GIT_INDEX_FILE"], !index.isEmpty {
            let path = absolute(index, against: directory)
            // git_index_open on a missing path silently gives an empty index: refuse instead.
            guard FileSystem.exists(path) else {
                git_repository_free(repo)
                throw GitError(message: "GIT_INDEX_FILE names \(path), which does not exist")
            }
            indexFile = path
        }
        return GitRepository(handle: repo, indexFile: indexFile)
    }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }
    public var isHeadDetached: Bool { git_repository_head_detached(handle) == 1 }

    /// The commit HEAD points at; nil in a repository with no commits yet.
    public func headCommit() throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "cannot read HEAD")
        return ObjectID(oid)
    }

    /// Resolves any revision git understands (`HEAD~2`, a branch, a tag, `origin/main`, an
    /// abbreviated id) to a commit.
    public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, revision)
        if code < 0 {
            var error = GitError.last(code, "unknown revision \"\(revision)\"")
            if isShallow {
                error.hint = "this clone is shallow and its history may stop before \(revision); fetch more with `git fetch --deepen=100` (in CI: `fetch-depth: 0`)"
            } else if revision.contains("/") {
                error.hint = "the base revision may not be fetched; run `git fetch` first"
            } else if try headCommit() == nil {
                error.hint = "the repository has no commits yet"
            }
            throw error
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "\(revision) does not name a commit")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    /// A commit. With `details` false the author, committer names and message are left
    /// empty (only ids, parents, tree and times are read): a walk over thousands of commits
    /// decodes text only for the few it reports.
    public func commit(_ id: ObjectID, details: Bool = true) throws(GitError) -> CommitInfo {
        // A walk asks for a commit as a parent and then again as the next one to visit.
        // Ids first: copying each remembered commit out to look at its id cost more than the rest.
        for i in 0..<recentIDs.count where recentIDs[i] == id {
            if let recent = recentCommits[i], recent.hasDetails || !details { return recent }
        }
        if let known = details ? detailedCommit(id) : graphCommit(id) ?? lightCommit(id) {
            remember(known)
            return known
        }
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid), "cannot read commit \(id.short)")
        defer { git_commit_free(commit) }
        var parents: [ObjectID] = []
        for i in 0..<git_commit_parentcount(commit) {
            if let p = git_commit_parent_id(commit, i) { parents.append(ObjectID(p.pointee)) }
        }
        let info: CommitInfo
        if details {
            info = CommitInfo(
                id: id, parents: parents, tree: ObjectID(git_commit_tree_id(commit).pointee),
                author: Self.signature(git_commit_author(commit)), committer: Self.signature(git_commit_committer(commit)),
                message: git_commit_message(commit).map { Self.lenient($0) } ?? "", hasDetails: true)
        } else {
            let time = Signature(name: "", email: "", time: Int(git_commit_time(commit)), offset: Int(git_commit_time_offset(commit)))
            info = CommitInfo(id: id, parents: parents, tree: ObjectID(git_commit_tree_id(commit).pointee),
                              author: time, committer: time, message: "", hasDetails: false)
        }
        remember(info)
        return info
    }

    /// A commit, or nil when it is not in the object database (the parent of a shallow
    /// clone's last commit): one read instead of a look for it and then a read.
    public func commitIfPresent(_ id: ObjectID, details: Bool = true) throws(GitError) -> CommitInfo? {
        do {
            return try commit(id, details: details)
        } catch {
            if error.isNotFound { return nil }
            throw error
        }
    }

    private func remember(_ info: CommitInfo) {
        recentIDs[nextRecent] = info.id
        recentCommits[nextRecent] = info
        nextRecent = (nextRecent + 1) % recentCommits.count
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
        switch try blob(id, limit: .max) {
        case .bytes(let bytes): return bytes
        case .tooLarge: return []  // no blob is larger than `Int.max`
        }
    }

    /// A blob's bytes, or only its size when it is larger than `limit`: one lookup either way.
    public enum BlobContent: Sendable {
        case bytes([UInt8])
        case tooLarge(size: Int)
    }

    public func blob(_ id: ObjectID, limit: Int) throws(GitError) -> BlobContent {
        switch packs?.read(id, limit: limit) {
        case .object(let object)? where object.type == 3: return .bytes(object.bytes)
        case .tooLarge(let type, let size)? where type == 3: return .tooLarge(size: size)
        default: break
        }
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid), "cannot read blob \(id.short)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        if size > limit { return .tooLarge(size: size) }
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return .bytes([]) }
        return .bytes(Array(UnsafeRawBufferPointer(start: raw, count: size)))
    }

    // MARK: - Helpers

    static func signature(_ s: UnsafePointer<git_signature>?) -> Signature {
        guard let s else { return Signature(name: "", email: "", time: 0, offset: 0) }
        return Signature(
            name: s.pointee.name.map { lenient($0) } ?? "", email: s.pointee.email.map { lenient($0) } ?? "",
            time: Int(s.pointee.when.time), offset: Int(s.pointee.when.offset))
    }

    /// Decodes C text that may not be UTF-8 (old author names, odd paths) without crashing.
    static func lenient(_ text: UnsafePointer<CChar>) -> String {
        var count = 0
        while text[count] != 0 { count += 1 }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: count), as: UTF8.self)
    }

    static func trimSlash(_ s: String) -> String {
        s.count > 1 && s.hasSuffix("/") ? String(s.dropLast()) : s
    }

    static func absolute(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }
}
