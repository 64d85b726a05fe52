internal import CLibGit2

/// A commit's tree, parents, author, committer and message, read from its raw text where git
/// wrote it the usual way, with the same results as libgit2's parse: `gtm log` shows two
/// thousand commits, and libgit2's lookup of each (its own read of the object, under its locks,
/// and an object kept in its cache) cost more than the rest of showing it. Text laid out
/// otherwise (no `author` line after the parents, two of them, a signature without a time and
/// zone as git writes them, a NUL byte in a name) gives nil, and libgit2 reads the commit as
/// before.
struct CommitText: Equatable {
    var tree: ObjectID
    var parents: [ObjectID]
    var author: Signature
    var committer: Signature
    var message: String

    init?(_ raw: UnsafeRawBufferPointer) {
        var at = 0
        guard let (tree, parents) = CommitHeader.treeAndParents(raw, at: &at) else { return nil }
        self.tree = tree
        self.parents = parents
        guard let author = Self.signature("author ", raw, &at),
              !Self.starts(raw, at: at, with: "author "),
              let committer = Self.signature("committer ", raw, &at) else { return nil }
        self.author = author
        self.committer = committer
        // The other header lines, up to the first empty one; the message follows it.
        var start = raw.count
        while at < raw.count {
            if raw[at] == UInt8(ascii: "\n") {
                start = at + 1
                break
            }
            at = (raw.firstPlace(of: UInt8(ascii: "\n"), from: at) ?? raw.count - 1) + 1
        }
        // As libgit2 gives it: leading line feeds dropped, up to the first NUL byte.
        while start < raw.count, raw[start] == UInt8(ascii: "\n") { start += 1 }
        let end = raw.firstPlace(of: 0, from: start) ?? raw.count
        message = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
    }

    private static func starts(_ raw: UnsafeRawBufferPointer, at: Int, with prefix: StaticString) -> Bool {
        CommitHeader.starts(UnsafeRawBufferPointer(rebasing: raw[at...]), with: prefix)
    }

    /// The signature on a line `prefix` + `Name <email> 1700000000 +0100` at `at`, which then
    /// moves past the line. Name and address are what lies before the last `<` and between it
    /// and the last `>`, trimmed of spaces and punctuation at both ends, as libgit2 reads them;
    /// the time and zone as `CommitHeader` reads them.
    private static func signature(_ prefix: StaticString, _ raw: UnsafeRawBufferPointer, _ at: inout Int) -> Signature? {
        guard starts(raw, at: at, with: prefix),
              let newline = raw.firstPlace(of: UInt8(ascii: "\n"), from: at) else { return nil }
        let line = UnsafeRawBufferPointer(rebasing: raw[(at + prefix.utf8CodeUnitCount)..<newline])
        guard line.firstPlace(of: 0, from: 0) == nil,
              let open = line.lastPlace(of: UInt8(ascii: "<"), from: 0, to: line.count),
              let close = line.lastPlace(of: UInt8(ascii: ">"), from: 0, to: line.count), close > open,
              let (time, offset) = CommitHeader.time(of: line, after: close)
        else { return nil }
        at = newline + 1
        return Signature(name: trimmed(line, 0, open), email: trimmed(line, open + 1, close), time: time, offset: offset)
    }

    /// `bytes[from..<to]` without the spaces, control characters and punctuation libgit2 trims
    /// from both ends of a name or an address (`. , : ; < > " \ '`).
    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> String {
        func crud(_ b: UInt8) -> Bool {
            b <= 32 || b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: ";")
                || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
                || b == UInt8(ascii: "'")
        }
        var start = from, end = to
        while start < end, crud(bytes[start]) { start += 1 }
        while end > start, crud(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

}

extension GitRepository {
    /// A commit with its names and message, from its raw text (`CommitText`); nil when the
    /// object cannot be read here or its text is not laid out as git writes it.
    func detailedCommit(_ id: ObjectID) -> CommitInfo? {
        withRawObject(id, type: GIT_OBJECT_COMMIT) { raw in
            guard let text = CommitText(raw) else { return nil }
            return CommitInfo(id: id, parents: text.parents, tree: text.tree, author: text.author,
                              committer: text.committer, message: text.message, hasDetails: true)
        }
    }
}
