import GTMCore
import GTMGit
import GTMLint
import YAMLSource

/// The linter each commit is judged by, built from the settings and schemas that commit holds:
/// a review judges each side by its own rules, and `gtm bugs` replays every commit by the
/// rules it had. Commits that share their settings blob and schema folder share one linter,
/// so a history where settings rarely change builds a handful.
public final class CommitLinters {
    /// Builds the linter of a commit from its snapshot, and says which schema folder its
    /// settings name (part of the key for the next commits).
    public typealias Factory = (GitSnapshot) -> (linter: Linter, schemaFolder: String)

    let repository: GitRepository
    let factory: Factory
    /// Settings blob id ("" when there is none) → the schema folder those settings name.
    private var schemaFolders: [String: String] = [:]
    /// Settings blob id and schema folder tree id → the linter.
    private var linters: [String: Linter] = [:]
    /// Root tree id → the linter and its key: a replay asks for the linter of each commit
    /// several times, and most commits share their settings with thousands of others.
    private var byTree: [ObjectID: (linter: Linter, key: String)] = [:]
    /// The linter of a commit whose tree could not be read, built only if needed: `gtm log`
    /// and `gtm diff` never ask for a linter, so they compile no schema.
    public private(set) lazy var fallback: Linter = {
        var linter = makeFallback()
        linter.pieces = pieces
        return linter
    }()
    /// Top-level entries of the files read so far, shared by every linter here and by the
    /// history reader's own parsing: one commit mostly changes a line or two of one file.
    public let pieces = YAMLPieces()
    private let makeFallback: () -> Linter

    public init(repository: GitRepository, fallback: @escaping () -> Linter, factory: @escaping Factory) {
        self.repository = repository
        self.makeFallback = fallback
        self.factory = factory
    }

    public func linter(for commit: CommitInfo) -> Linter { keyed(commit).linter }

    /// The linter of a commit and its key: equal keys judge equal content equally, so the
    /// caches of parsed and validated files are kept per key.
    public func keyed(_ commit: CommitInfo) -> (linter: Linter, key: String) {
        if let known = byTree[commit.tree] { return known }
        let found = keyedAnew(commit)
        byTree[commit.tree] = found
        return found
    }

    private func keyedAnew(_ commit: CommitInfo) -> (linter: Linter, key: String) {
        let settings = (try? repository.entry(tree: commit.tree, path: Configuration.fileName))??.id.hex ?? ""
        if let folder = schemaFolders[settings] {
            let k = key(settings, folder, commit)
            if let hit = linters[k] { return (hit, k) }
        }
        guard let snapshot = try? GitSnapshot(repository: repository, revision: .commit(commit.id)) else { return (fallback, "") }
        var (linter, folder) = factory(snapshot)
        linter.pieces = pieces
        schemaFolders[settings] = folder
        let k = key(settings, folder, commit)
        linters[k] = linter
        return (linter, k)
    }

    /// The tree id of the schema folder a commit's settings name ("" when it has none).
    public func schemasID(for commit: CommitInfo) -> String {
        let key = keyed(commit).key
        return String(key.split(separator: "\u{0}", omittingEmptySubsequences: false).last ?? "")
    }

    private func key(_ settings: String, _ folder: String, _ commit: CommitInfo) -> String {
        let schemas = folder.isEmpty ? commit.tree.hex : ((try? repository.entry(tree: commit.tree, path: folder))??.id.hex ?? "")
        return settings + "\u{0}" + schemas
    }
}
