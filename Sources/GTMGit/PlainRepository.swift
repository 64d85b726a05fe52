import GTMSystem

/// A repository in git's plainest layout, found and read without libgit2: a `.git` folder in
/// the working tree, HEAD on a branch (or detached), refs as files or in `packed-refs`, and
/// nothing in the environment or the settings that changes how git reads it.
///
/// Why: starting libgit2 (Debian's shared build parses the system's certificate store),
/// opening the repository and reading HEAD's strategy cost more than a remembered `gtm log`
/// does. A command that can answer from its own records and git's commit-graph asks this
/// first, and opens the repository through libgit2 only when `find` says nil. Anything this reader does not know for certain (a worktree's `.git` file,
/// a repository another user owns, a shallow clone, grafts, alternates, settings that name the
/// commit-graph, reftable or any extension, a variable such as `GIT_DIR`) makes it say nil,
/// so it never reads a repository differently from libgit2: it only reads fewer of them.
public struct PlainRepository: Sendable, Equatable {
    /// The `.git` folder.
    public let gitDir: String
    /// The working tree: the folder that holds `.git`.
    public let workdir: String

    /// The repository that holds `directory` (an absolute path), when it is plain.
    public static func find(from directory: String) -> PlainRepository? {
        guard ProcessServices.environmentNames().allSatisfy(isHarmless) else { return nil }
        guard let start = FileSystem.owner(of: directory) else { return nil }
        var dir = FileSystem.normalize(directory)
        while true {
            // Like git, the search stays on the file system it started on.
            guard let here = FileSystem.owner(of: dir), here.device == start.device else { return nil }
            // A folder that is itself a git folder (a bare repository, or inside `.git`).
            if FileSystem.isGitFolder(dir) { return nil }
            switch FileSystem.kind(of: dir + "/.git") {
            case .directory:
                let repository = PlainRepository(gitDir: dir == "/" ? "/.git" : dir + "/.git", workdir: dir)
                return repository.isPlain ? repository : nil
            case .missing:
                guard let up = FileSystem.parent(of: dir) else { return nil }
                dir = up
            default:
                // A `.git` file (a linked worktree, a submodule) or anything else.
                return nil
            }
        }
    }

    /// The commit HEAD names; nil when it is unborn, symbolic twice over, or not plain text.
    public func head() -> ObjectID? {
        guard let text = Self.text(gitDir + "/HEAD", limit: 4096) else { return nil }
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        if let id = ObjectID(hex: line), id.hex.count == 40 { return id }
        guard line.hasPrefix("ref: ") else { return nil }
        return reference(String(line.dropFirst(5)))
    }

    /// A branch or other reference under `refs/`, loose or packed.
    func reference(_ name: String) -> ObjectID? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard name.hasPrefix("refs/"), parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.hasSuffix(".lock") }),
              name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !"\\~^:?*[".unicodeScalars.contains($0) })
        else { return nil }
        switch FileSystem.kind(of: gitDir + "/" + name) {
        case .file:
            guard let text = Self.text(gitDir + "/" + name, limit: 4096) else { return nil }
            return Self.fullID(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        case .missing:
            guard let packed = Self.text(gitDir + "/packed-refs", limit: 64 << 20) else { return nil }
            for line in packed.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("^") {
                guard let space = line.firstIndex(of: " ") else { continue }
                if line[line.index(after: space)...] == name { return Self.fullID(String(line[..<space])) }
            }
            return nil
        default:
            return nil
        }
    }

    /// The repository's commit-graph, read as libgit2's path would read it here.
    public var commitGraph: CommitGraph? { CommitGraph.open(objects: gitDir + "/objects") }

    /// Whether nothing in the folder or the settings makes git read it other than plainly.
    private var isPlain: Bool {
        // libgit2 refuses a repository another user owns.
        guard FileSystem.owner(of: gitDir)?.user == ProcessServices.effectiveUser(),
              FileSystem.owner(of: workdir)?.user == ProcessServices.effectiveUser() else { return false }
        for odd in ["commondir", "gitdir", "shallow", "info/grafts", "objects/info/alternates", "reftable"]
        where FileSystem.exists(gitDir + "/" + odd) { return false }
        guard let local = Self.text(gitDir + "/config", limit: 1 << 20), Self.isPlainSettings(local) else { return false }
        for global in Self.globalSettingsFiles where FileSystem.exists(global) {
            guard let text = Self.text(global, limit: 1 << 20), Self.isPlainSettings(text) else { return false }
        }
        return true
    }

    /// Settings that cannot change how history reads: no extension (a sha256 repository,
    /// reftable), no include (it could say anything), nothing about the commit-graph, no bare
    /// repository and no worktree elsewhere.
    ///
    /// Looked for in the bytes, lowered as git lowers names (ASCII letters only): searching a
    /// lowered `String` took a third of a millisecond, at the start of every `gtm log`.
    static func isPlainSettings(_ text: String) -> Bool {
        let lower = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return !["extensions", "include", "commitgraph", "bare = true", "bare=true", "worktree"].contains { word in
            let needle = Array(word.utf8)
            guard lower.count >= needle.count else { return false }
            return (0...(lower.count - needle.count)).contains { at in
                lower[at] == needle[0] && lower[at..<(at + needle.count)].elementsEqual(needle)
            }
        }
    }

    /// git's own settings files outside the repository.
    static var globalSettingsFiles: [String] {
        var files = ["/etc/gitconfig"]
        if let home = ProcessServices.environment("HOME"), !home.isEmpty {
            files.append(home + "/.gitconfig")
            files.append((ProcessServices.environment("XDG_CONFIG_HOME").flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config") + "/git/config")
        }
        return files
    }

    /// Variables that say nothing about which repository, objects or history git reads.
    static func isHarmless(_ name: String) -> Bool {
        guard name.hasPrefix("GIT_") else { return true }
        let harmless = ["GIT_EDITOR", "GIT_PAGER", "GIT_SEQUENCE_EDITOR", "GIT_TERMINAL_PROMPT", "GIT_ASKPASS",
                        "GIT_SSH", "GIT_SSH_COMMAND", "GIT_SSH_VARIANT", "GIT_MERGE_AUTOEDIT", "GIT_CONFIG_NOSYSTEM", "GIT_PS1_SHOWDIRTYSTATE",
                        "GIT_PS1_SHOWUNTRACKEDFILES", "GIT_PS1_SHOWUPSTREAM", "GIT_PS1_SHOWSTASHSTATE", "GIT_PS1_SHOWCOLORHINTS"]
        // Names and dates for new commits, tracing, and the network (certificates, proxies).
        let harmlessPrefixes = ["GIT_AUTHOR_", "GIT_COMMITTER_", "GIT_TRACE", "GIT_SSL_", "GIT_HTTP_", "GIT_CURL_", "GIT_PROXY_"]
        return harmless.contains(name) || harmlessPrefixes.contains { name.hasPrefix($0) }
    }

    private static func text(_ path: String, limit: Int) -> String? {
        guard case .bytes(let bytes)? = try? FileSystem.read(path, limit: limit) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func fullID(_ hex: String) -> ObjectID? {
        guard hex.utf8.count == 40, let id = ObjectID(hex: hex) else { return nil }
        return id
    }
}
