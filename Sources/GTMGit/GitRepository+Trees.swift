internal import CLibGit2

extension GitRepository {
    /// Every file of a commit's tree under `folder` (nil: the whole tree), recursively.
    /// Submodules and symbolic links are listed with their kind and never followed.
    public func files(commit: ObjectID, under folder: String?) throws(GitError) -> [GitFile] {
        let info = try self.commit(commit)
        let start: ObjectID
        if let folder, !folder.isEmpty, folder != "." {
            guard let entry = try entry(tree: info.tree, path: folder), entry.isTree else { return [] }
            start = entry.id
        } else {
            start = info.tree
        }
        var files: [GitFile] = []
        try collect(tree: start, prefix: (folder.map { $0.isEmpty || $0 == "." ? "" : Self.trimSlash($0) + "/" }) ?? "", into: &files)
        return files
    }

    /// Every file under a tree given by id (the strategy folder's, for instance), with paths
    /// starting with `prefix`.
    public func files(tree: ObjectID, prefix: String) throws(GitError) -> [GitFile] {
        var files: [GitFile] = []
        files.reserveCapacity(16)
        try collect(tree: tree, prefix: prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/", into: &files)
        return files
    }

    private func collect(tree id: ObjectID, prefix: String, into files: inout [GitFile]) throws(GitError) {
        var subtrees: [(ObjectID, String)] = []
        // Appended in place, and taken back if the raw tree cannot be read: lists made per
        // folder were most of a history's allocations when it listed thousands of folders.
        let before = files.count
        let readRaw = forEachRawEntry(of: id) { entry in
            if entry.mode == 0o040000 {
                subtrees.append((entry.id, Self.path(prefix, entry.name, folder: true)))
            } else if let kind = GitFile.kind(mode: entry.mode) {
                // Most names are ASCII, told at once; others are checked whole.
                let valid = entry.name.allSatisfy { $0 < 0x80 } || String(validating: entry.name, as: UTF8.self) != nil
                files.append(GitFile(path: Self.path(prefix, entry.name, folder: false), blob: entry.id, kind: kind, validName: valid))
            }
            return true
        }
        guard readRaw else {
            files.removeSubrange(before...)
            return try collectThroughLibgit2(tree: id, prefix: prefix, into: &files)
        }
        for (sub, path) in subtrees { try collect(tree: sub, prefix: path, into: &files) }
    }

    /// `prefix`, then a tree entry's name (its bytes made text as `String(decoding:)` makes
    /// them), then a slash for a folder: one string made once, where joining the name's string
    /// to the prefix made and copied another for each of the thousands of entries a history lists.
    private static func path(_ prefix: String, _ name: UnsafeRawBufferPointer, folder: Bool) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            let count = head.count + name.count + (folder ? 1 : 0)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { buffer in
                let base = UnsafeMutableRawPointer(buffer.baseAddress!)
                if let h = head.baseAddress { base.copyMemory(from: h, byteCount: head.count) }
                if let n = name.baseAddress { (base + head.count).copyMemory(from: n, byteCount: name.count) }
                if folder { buffer[count - 1] = UInt8(ascii: "/") }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
            }
        }
    }

    private func collectThroughLibgit2(tree id: ObjectID, prefix: String, into files: inout [GitFile]) throws(GitError) {
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "cannot read tree \(id.short)")
        defer { git_tree_free(tree) }
        var subtrees: [(ObjectID, String)] = []
        for i in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, i) else { continue }
            let raw = git_tree_entry_name(entry)
            let name = raw.map { Self.lenient($0) } ?? ""
            let valid = raw.map { String(validatingCString: $0) != nil } ?? true
            let entryID = ObjectID(git_tree_entry_id(entry).pointee)
            let mode = UInt32(git_tree_entry_filemode(entry).rawValue)
            if mode == 0o040000 {
                subtrees.append((entryID, prefix + name + "/"))
            } else if let kind = GitFile.kind(mode: mode) {
                files.append(GitFile(path: prefix + name, blob: entryID, kind: kind, validName: valid))
            }
        }
        for (sub, path) in subtrees { try collect(tree: sub, prefix: path, into: &files) }
    }

    /// A tree entry at a path: its id and whether it is a folder.
    public struct Entry: Sendable, Hashable {
        public var id: ObjectID
        public var mode: UInt32
        public var isTree: Bool { mode == 0o040000 }

        /// The entry as a file at `path`; nil for a folder or an unknown mode.
        public func file(at path: String) -> GitFile? {
            GitFile.kind(mode: mode).map { GitFile(path: path, blob: id, kind: $0) }
        }
    }

    /// The entry at `path` in a tree (`git_tree_entry_bypath`), or nil when there is none. Two
    /// commits whose strategy folder has the same entry id changed nothing in it.
    public func entry(tree: ObjectID, path: String) throws(GitError) -> Entry? {
        if let answered = rawEntry(tree: tree, path: path) { return answered }
        var oid = tree.oid
        var treeHandle: OpaquePointer?
        try check(git_tree_lookup(&treeHandle, handle, &oid), "cannot read tree \(tree.short)")
        defer { git_tree_free(treeHandle) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, treeHandle, Self.trimSlash(path))
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(path) in tree \(tree.short)")
        defer { git_tree_entry_free(entry) }
        return Entry(id: ObjectID(git_tree_entry_id(entry).pointee), mode: UInt32(git_tree_entry_filemode(entry).rawValue))
    }

    public func entry(commit: ObjectID, path: String) throws(GitError) -> Entry? {
        try entry(tree: try self.commit(commit).tree, path: path)
    }
}
