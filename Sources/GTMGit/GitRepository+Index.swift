internal import CLibGit2

extension GitRepository {
    /// The files of the index the next commit will use (the one `GIT_INDEX_FILE` names during
    /// `git commit -a` or `git commit PATH`, else the repository's), under `folder`. A conflicted
    /// path comes back once, as `.conflicted`: judging "ours" would check a file nobody has
    /// resolved. Reading never writes the index.
    public func indexFiles(under folder: String?) throws(GitError) -> [GitFile] {
        var index: OpaquePointer?
        if let indexFile {
            try check(git_index_open(&index, indexFile), "cannot read the index \(indexFile)")
        } else {
            try check(git_repository_index(&index, handle), "cannot read the index")
        }
        defer { git_index_free(index) }
        let prefix = folder.map { $0.isEmpty || $0 == "." ? "" : Self.trimSlash($0) + "/" } ?? ""
        var files: [String: GitFile] = [:]
        for i in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, i) else { continue }
            let path = entry.pointee.path.map { Self.lenient($0) } ?? ""
            guard path.hasPrefix(prefix) else { continue }
            let valid = entry.pointee.path.map { String(validatingCString: $0) != nil } ?? true
            let stage = (Int(entry.pointee.flags) & 0x3000) >> 12
            if stage != 0 {
                files[path] = GitFile(path: path, blob: ObjectID(entry.pointee.id), kind: .conflicted, validName: valid)
                continue
            }
            guard let kind = GitFile.kind(mode: entry.pointee.mode) else { continue }
            files[path] = GitFile(path: path, blob: ObjectID(entry.pointee.id), kind: kind, validName: valid)
        }
        return files.values.sorted { $0.path < $1.path }
    }
}
