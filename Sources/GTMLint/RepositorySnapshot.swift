import GTMCore
import GTMGit
import GTMSystem

/// One revision of a repository as gtm reads it: the working tree, the index the next commit
/// will hold, or a commit. The settings, the schemas and the strategy of one run all come from
/// the same snapshot, so a commit is judged by the settings and schemas it carries, never by
/// unstaged or untracked ones from the working tree.
public protocol RepositorySnapshot {
    /// What a run reports the snapshot as: "the working tree", "the index", "commit 1a2b3c4".
    var name: String { get }
    /// The content of the file at a repository-relative path; nil when there is none.
    func file(_ path: String, limit: Int) -> LintInput.Content?
    /// The repository-relative paths of the files under a folder whose names pass `accept`,
    /// sorted. Symbolic links and submodules are not followed.
    func files(under folder: String, accept: (String) -> Bool) -> [String]
    /// Whether a folder exists at the repository-relative path.
    func isFolder(_ path: String) -> Bool
}

/// Paths from settings name places inside the repository: relative, without `..` escaping
/// the root. Anything else is refused before any byte is read.
public enum RepositoryPath {
    /// The path normalised (`./strategy/` → `strategy`), or nil when it leaves the repository.
    public static func inside(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." && !part.isEmpty {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// The working tree under a repository root (or the current folder outside a repository).
/// A file or folder reached through a symbolic link that leads outside the root is not read.
public struct WorkingTreeSnapshot: RepositorySnapshot {
    public let root: String
    public var name: String { "the working tree" }

    public init(root: String) { self.root = root }

    func absolute(_ path: String) -> String {
        path.isEmpty ? root : root + "/" + path
    }

    /// Whether the real location of a path lies inside the root (links resolved).
    public func confined(_ path: String) -> Bool {
        guard let real = FileSystem.realPath(absolute(path)), let realRoot = FileSystem.realPath(root) else { return false }
        return real == realRoot || real.hasPrefix(realRoot + "/")
    }

    public func file(_ path: String, limit: Int) -> LintInput.Content? {
        let full = absolute(path)
        guard FileSystem.kind(of: full) == .file else { return nil }
        guard confined(path) else { return .unreadable("it is a link to a file outside the repository") }
        do {
            switch try FileSystem.read(full, limit: limit) {
            case .bytes(let b): return .bytes(b)
            case .tooLarge(let size): return .tooLarge(size: size)
            }
        } catch {
            return .unreadable(error.message)
        }
    }

    public func files(under folder: String, accept: (String) -> Bool) -> [String] {
        guard isFolder(folder), confined(folder) else { return [] }
        let base = absolute(folder)
        return FileSystem.files(under: base, where: accept).map { String($0.dropFirst(root.count + 1)) }
    }

    public func isFolder(_ path: String) -> Bool {
        FileSystem.kind(of: absolute(path)) == .directory
    }
}

/// The index or a commit of a git repository. The list of files is read once; blobs are read
/// when asked for.
public final class GitSnapshot: RepositorySnapshot {
    public let repository: GitRepository
    public let revision: GitSource.Revision
    public let name: String
    private var listing: [String: GitFile]?
    private var listingError: GitError?
    private let tree: ObjectID?

    public init(repository: GitRepository, revision: GitSource.Revision) throws(GitError) {
        self.repository = repository
        self.revision = revision
        switch revision {
        case .index:
            name = "the index"
            tree = nil
        case .commit(let id):
            name = "commit \(id.short)"
            tree = try repository.commit(id, details: false).tree
        }
    }

    /// The entry at a path: from the index listing, or looked up in the commit's tree.
    func entry(_ path: String) -> GitFile? {
        switch revision {
        case .index:
            return indexListing()[path]
        case .commit:
            guard let tree, let entry = try? repository.entry(tree: tree, path: path) else { return nil }
            return entry.file(at: path)
        }
    }

    /// Every entry of the index, read once for the whole run: the settings, the schemas, the
    /// strategy and the hook's "did this commit stage anything" all come from this one read.
    /// An index that cannot be read is an error here, never an empty index.
    public func indexFiles() throws(GitError) -> [GitFile] {
        if let listingError { throw listingError }
        if listing == nil {
            do {
                var all: [String: GitFile] = [:]
                for file in try repository.indexFiles(under: nil) { all[file.path] = file }
                listing = all
            } catch {
                listingError = error
                throw error
            }
        }
        return (listing ?? [:]).values.sorted { $0.path < $1.path }
    }

    /// The index by path, for lookups; empty when it cannot be read (`indexFiles()` says why,
    /// and the strategy's own read throws it).
    private func indexListing() -> [String: GitFile] {
        if listing == nil { _ = try? indexFiles() }
        return listing ?? [:]
    }

    public func file(_ path: String, limit: Int) -> LintInput.Content? {
        guard let file = entry(path) else { return nil }
        return GitSource.content(of: file, in: repository, limit: limit)
    }

    public func files(under folder: String, accept: (String) -> Bool) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let candidates: [GitFile]
        switch revision {
        case .index:
            candidates = indexListing().values.filter { $0.path.hasPrefix(prefix) }
        case .commit(let id):
            candidates = (try? repository.files(commit: id, under: folder.isEmpty ? nil : folder)) ?? []
        }
        return candidates
            .filter { ($0.kind == .file || $0.kind == .executable) && accept(String($0.path.split(separator: "/").last ?? "")) }
            .map(\.path).sorted()
    }

    public func isFolder(_ path: String) -> Bool {
        if path.isEmpty { return true }
        switch revision {
        case .index:
            return indexListing().keys.contains { $0.hasPrefix(path + "/") }
        case .commit:
            guard let tree, let entry = try? repository.entry(tree: tree, path: path) else { return false }
            return entry.isTree
        }
    }
}
