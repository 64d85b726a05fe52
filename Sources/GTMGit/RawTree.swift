internal import CLibGit2

/// A tree's entries read from the object's raw bytes, as git stores them: an octal mode, a
/// space, the name, a NUL, then the entry's id in binary, one entry after another. A walk
/// without a commit-graph opens the root tree of every commit to find the strategy folder;
/// libgit2's tree objects (every entry parsed and allocated, the tree put in its cache) cost
/// about a quarter as much again as reading the object. Bytes laid out otherwise are left to
/// libgit2, which reads (or refuses) the tree as before. A name is found by a scan where
/// libgit2 searches the sorted entries by halves: the two can differ only on a tree whose
/// entries are out of git's order, which git never writes and `git fsck` reports.
enum RawTree {
    struct Entry {
        /// As `git_tree_entry_filemode` gives it (see `normalised`).
        var mode: UInt32
        var name: UnsafeRawBufferPointer
        var id: ObjectID
    }

    /// Calls `body` with each entry in order until it returns false. Returns false when the
    /// bytes are not laid out as git writes a tree (up to where `body` stopped).
    static func forEach(_ raw: UnsafeRawBufferPointer, idLength: Int, _ body: (Entry) -> Bool) -> Bool {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let end = raw.count
        var at = 0
        while at < end {
            var mode: UInt32 = 0
            var digits = 0
            while at < end, base[at] != UInt8(ascii: " ") {
                let digit = base[at] &- UInt8(ascii: "0")
                guard digit < 8, digits < 7 else { return false }
                mode = mode << 3 | UInt32(digit)
                digits += 1
                at += 1
            }
            guard digits > 0, at < end else { return false }
            at += 1
            let nameStart = at
            while at < end, base[at] != 0 { at += 1 }
            guard at > nameStart, at + 1 + idLength <= end else { return false }
            let name = UnsafeRawBufferPointer(start: base + nameStart, count: at - nameStart)
            let id = ObjectID(bytes: UnsafeRawBufferPointer(start: base + at + 1, count: idLength))
            at += 1 + idLength
            guard body(Entry(mode: normalised(mode), name: name, id: id)) else { return true }
        }
        return true
    }

    /// Whether an entry's name is `wanted`, byte for byte.
    static func name(_ name: UnsafeRawBufferPointer, is wanted: UnsafeRawBufferPointer) -> Bool {
        guard name.count == wanted.count else { return false }
        for i in 0..<name.count where name[i] != wanted[i] { return false }
        return true
    }

    /// A mode as libgit2 reports it: a folder, an executable file when any execute bit is set,
    /// a submodule, a symbolic link, and otherwise a plain file.
    static func normalised(_ mode: UInt32) -> UInt32 {
        let type = mode & 0o170000
        if type == 0o040000 { return 0o040000 }
        if mode & 0o111 != 0 { return 0o100755 }
        if type == 0o160000 { return 0o160000 }
        if type == 0o120000 { return 0o120000 }
        return 0o100644
    }
}

extension GitRepository {
    /// `body` over an object's raw bytes, read from the pack files (`PackStore`) or through the
    /// object database, without making a libgit2 object of them; nil when the object cannot be
    /// read, is not of `type`, or `body` gives nil.
    func withRawObject<T>(_ id: ObjectID, type: git_object_t, _ body: (UnsafeRawBufferPointer) -> T?) -> T? {
        guard readsRawObjects else { return nil }
        if case .object(let object)? = packs?.read(id) {
            guard object.type == UInt8(truncatingIfNeeded: type.rawValue) else { return nil }
            return object.bytes.withUnsafeBytes(body)
        }
        return withDatabaseObject(id) { found, raw in found == type ? body(raw) : nil }
    }

    /// `body` over an object's type and raw bytes, read through libgit2's object database
    /// (loose objects, alternates, packs the pack files did not answer for); nil when the
    /// object cannot be read or `body` gives nil.
    func withDatabaseObject<T>(_ id: ObjectID, _ body: (git_object_t, UnsafeRawBufferPointer) -> T?) -> T? {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return nil }
        defer { git_odb_free(odb) }
        var oid = id.oid
        var object: OpaquePointer?
        guard git_odb_read(&object, odb, &oid) == 0 else { return nil }
        defer { git_odb_object_free(object) }
        guard let data = git_odb_object_data(object) else { return nil }
        return body(git_odb_object_type(object), UnsafeRawBufferPointer(start: data, count: git_odb_object_size(object)))
    }

    /// An object's type (git's number) and bytes through libgit2's object database: what the
    /// tests compare the pack files' reading (`PackStore`) with.
    func databaseObject(_ id: ObjectID) -> (type: UInt8, bytes: [UInt8])? {
        withDatabaseObject(id) { type, raw in (UInt8(truncatingIfNeeded: type.rawValue), Array(raw)) }
    }

    /// The entries of a tree read raw (see `RawTree`), each passed to `body`; false when
    /// libgit2 must read the tree instead.
    func forEachRawEntry(of tree: ObjectID, _ body: (RawTree.Entry) -> Bool) -> Bool {
        withRawObject(tree, type: GIT_OBJECT_TREE) { raw in RawTree.forEach(raw, idLength: Int(tree.count), body) ? true : nil } ?? false
    }

    /// `entry(tree:path:)` from raw trees: `.some(nil)` when a part of the path is missing or
    /// is not a folder, as libgit2 answers; nil when libgit2 must answer instead (a tree not
    /// read raw, a path with an empty, `.` or `..` part).
    func rawEntry(tree: ObjectID, path: String) -> Entry?? {
        var path = path
        return path.withUTF8 { rawEntry(tree: tree, path: UnsafeRawBufferPointer($0)) }
    }

    /// `rawEntry` over the path's bytes, a part between slashes at a time (one trailing slash
    /// is dropped, as `trimSlash` does).
    private func rawEntry(tree: ObjectID, path: UnsafeRawBufferPointer) -> Entry?? {
        var end = path.count
        if end > 1, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = 0
        var current = tree
        while true {
            var stop = start
            while stop < end, path[stop] != UInt8(ascii: "/") { stop += 1 }
            let part = UnsafeRawBufferPointer(rebasing: path[start..<stop])
            let dots = part.allSatisfy { $0 == UInt8(ascii: ".") }
            guard !part.isEmpty, !(dots && part.count <= 2) else { return nil }
            var found: Entry?
            let read = forEachRawEntry(of: current) { entry in
                guard RawTree.name(entry.name, is: part) else { return true }
                found = Entry(id: entry.id, mode: entry.mode)
                return false
            }
            guard read else { return nil }
            guard let entry = found else { return .some(nil) }
            if stop == end { return .some(entry) }
            guard entry.isTree else { return .some(nil) }
            current = entry.id
            start = stop + 1
        }
    }
}
