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
    var parents: [ObjectID] = []
    var author: Signature
    var committer: Signature
    var message: String

    init?(_ raw: UnsafeRawBufferPointer) {
        var at = 0
        guard let tree = Self.idLine("tree ", raw, &at) else { return nil }
        self.tree = tree
        while let parent = Self.idLine("parent ", raw, &at) { parents.append(parent) }
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
            at = (raw[at...].firstIndex(of: UInt8(ascii: "\n")) ?? raw.count - 1) + 1
        }
        // As libgit2 gives it: leading line feeds dropped, up to the first NUL byte.
        while start < raw.count, raw[start] == UInt8(ascii: "\n") { start += 1 }
        let end = raw[start...].firstIndex(of: 0) ?? raw.count
        message = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
    }

    private static func starts(_ raw: UnsafeRawBufferPointer, at: Int, with prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard raw.count - at >= n else { return false }
        for k in 0..<n where raw[at + k] != prefix.utf8Start[k] { return false }
        return true
    }

    /// The id on a line of `prefix` and 40 hexadecimal digits at `at`, which then moves past
    /// the line; nil when that is not what is there.
    private static func idLine(_ prefix: StaticString, _ raw: UnsafeRawBufferPointer, _ at: inout Int) -> ObjectID? {
        let end = at + prefix.utf8CodeUnitCount + 40
        guard starts(raw, at: at, with: prefix), end < raw.count, raw[end] == UInt8(ascii: "\n"),
              let id = ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: raw[(end - 40)..<end])) else { return nil }
        at = end + 1
        return id
    }

    /// The signature on a line `prefix` + `Name <email> 1700000000 +0100` at `at`, which then
    /// moves past the line. Name and address are what lies before the last `<` and between it
    /// and the last `>`, trimmed of spaces and punctuation at both ends, as libgit2 reads them;
    /// a zone beyond 14 hours or 59 minutes is read as UTC, as libgit2 reads it.
    private static func signature(_ prefix: StaticString, _ raw: UnsafeRawBufferPointer, _ at: inout Int) -> Signature? {
        guard starts(raw, at: at, with: prefix),
              let newline = raw[at...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = UnsafeRawBufferPointer(rebasing: raw[(at + prefix.utf8CodeUnitCount)..<newline])
        guard !line.contains(0),
              let open = line.lastIndex(of: UInt8(ascii: "<")), let close = line.lastIndex(of: UInt8(ascii: ">")), close > open
        else { return nil }
        // `> 1700000000 +0100`: one space, the digits, one space, a sign and four digits.
        var k = close + 1
        guard k < line.count, line[k] == UInt8(ascii: " ") else { return nil }
        k += 1
        var time = 0, digits = 0
        while k < line.count, isDigit(line[k]), digits < 18 {
            time = time * 10 + Int(line[k] - UInt8(ascii: "0"))
            digits += 1
            k += 1
        }
        guard digits > 0, k + 6 == line.count, line[k] == UInt8(ascii: " "),
              line[k + 1] == UInt8(ascii: "+") || line[k + 1] == UInt8(ascii: "-"),
              (2...5).allSatisfy({ isDigit(line[k + $0]) }) else { return nil }
        func digit(_ place: Int) -> Int { Int(line[k + place] - UInt8(ascii: "0")) }
        let hours = digit(2) * 10 + digit(3), minutes = digit(4) * 10 + digit(5)
        var offset = 0
        if hours <= 14 && minutes <= 59 {
            offset = hours * 60 + minutes
            if line[k + 1] == UInt8(ascii: "-") { offset = -offset }
        }
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

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
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
