import GTMCore
import GTMGit
import GTMSystem

/// Strategy files as git holds them: in the index (what the next commit will contain) or in a
/// commit's tree. Each file is read once, as a blob, and carries its blob id so that equal
/// content gives equal results without a second parse.
public struct GitSource {
    public enum Revision {
        /// The index the commit will use (`GIT_INDEX_FILE` during a hook).
        case index
        case commit(ObjectID)
    }

    public let repository: GitRepository
    public let maxFileSize: Int

    public init(repository: GitRepository, maxFileSize: Int) {
        self.repository = repository
        self.maxFileSize = maxFileSize
    }

    /// YAML files under any of `scopes` (repository-relative folders or files) at a revision.
    /// Symbolic links and submodules are never followed.
    /// `index` is the index already read, when the caller has it.
    public func inputs(at revision: Revision, scopes: [String], index: [GitFile]? = nil, display: (String) -> String) throws(GitError) -> [LintInput] {
        let normalized = scopes.map { $0 == "." ? "" : $0 }
        var all: [GitFile] = []
        switch revision {
        case .index:
            if let index { all = index } else { all = try repository.indexFiles(under: nil) }
        case .commit(let id):
            // List only the scopes' folders, not the whole tree: history replays do this per commit.
            let tree = try repository.commit(id).tree
            var seen = Set<String>()
            for scope in normalized {
                if !scope.isEmpty, let entry = try repository.entry(tree: tree, path: scope), !entry.isTree {
                    if seen.insert(scope).inserted, let file = entry.file(at: scope) { all.append(file) }
                    continue
                }
                for file in try repository.files(commit: id, under: scope) where seen.insert(file.path).inserted { all.append(file) }
            }
        }
        let selected = all.filter { file in
            // Submodules are other repositories: not entered, as in the working tree.
            guard file.kind != .submodule else { return false }
            return normalized.contains { scope in
                scope.isEmpty ? FileSystem.isYAMLName(file.path)
                    : file.path == scope || (file.path.hasPrefix(scope + "/") && FileSystem.isYAMLName(file.path))
            }
        }
        return selected.map { file in
            LintInput(path: display(file.path), content: Self.content(of: file, in: repository, limit: maxFileSize), blobID: file.blob.hex)
        }
    }

    /// A file's content as the linter takes it: its bytes, its size when too large, or why it
    /// could not be read.
    public static func content(of file: GitFile, in repository: GitRepository, limit: Int) -> LintInput.Content {
        guard file.validName else { return .unreadable(StrategyFiles.badNameReason) }
        switch file.kind {
        case .symlink: return .unreadable(StrategyFiles.linkReason)
        case .conflicted: return .unreadable(StrategyFiles.conflictReason)
        case .submodule: return .unreadable("it is a submodule")
        case .file, .executable: break
        }
        do {
            switch try repository.blob(file.blob, limit: limit) {
            case .bytes(let b): return .bytes(b)
            case .tooLarge(let size): return .tooLarge(size: size)
            }
        } catch {
            return .unreadable(error.description)
        }
    }
}
