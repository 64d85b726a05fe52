internal import CLibGit2

/// What a walk needs of a commit (its tree, its parents, its committer's time), read from the
/// commit's raw text as git writes it: `tree`, then `parent` lines, then the other header lines
/// until a blank one, `committer` among them. A walk without a commit-graph reads thousands of
/// commits, and libgit2's parse of each (both signatures, the message, an object kept in its
/// cache) cost a third as much again as reading the object. Text laid out otherwise gives nil,
/// and libgit2 then reads the commit as before.
struct CommitHeader: Equatable {
    var tree: ObjectID
    var parents: [ObjectID]
    /// Seconds since the Unix epoch.
    var time: Int
    /// Minutes east of UTC.
    var offset: Int

    init?(_ raw: UnsafeRawBufferPointer) {
        var at = 0
        guard let (tree, parents) = Self.treeAndParents(raw, at: &at) else { return nil }
        self.tree = tree
        self.parents = parents
        // The other header lines, up to the blank line before the message.
        while at < raw.count, raw[at] != UInt8(ascii: "\n") {
            let end = raw.firstPlace(of: UInt8(ascii: "\n"), from: at) ?? raw.count
            let line = UnsafeRawBufferPointer(rebasing: raw[at..<end])
            if Self.starts(line, with: "committer ") {
                guard let (time, offset) = Self.time(of: line) else { return nil }
                self.time = time
                self.offset = offset
                return
            }
            at = end + 1
        }
        return nil
    }

    // The pieces below are CommitText's too: both read the lines git writes, the same way.

    /// The id on a line `prefix` + 40 hexadecimal digits, at `at`, which then moves past it.
    /// The `tree` line and the `parent` lines that open a commit's text, `at` moved past them.
    static func treeAndParents(_ raw: UnsafeRawBufferPointer, at: inout Int) -> (ObjectID, [ObjectID])? {
        guard let tree = id(after: "tree ", in: raw, at: &at) else { return nil }
        var parents: [ObjectID] = []
        while let parent = id(after: "parent ", in: raw, at: &at) { parents.append(parent) }
        return (tree, parents)
    }

    static func id(after prefix: StaticString, in raw: UnsafeRawBufferPointer, at: inout Int) -> ObjectID? {
        let digits = at + prefix.utf8CodeUnitCount
        guard digits + 41 <= raw.count, raw[digits + 40] == UInt8(ascii: "\n"),
              starts(UnsafeRawBufferPointer(rebasing: raw[at...]), with: prefix),
              let id = ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: raw[digits..<digits + 40]))
        else { return nil }
        at = digits + 41
        return id
    }

    static func starts(_ bytes: UnsafeRawBufferPointer, with prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        for k in 0..<n where bytes[k] != prefix.utf8Start[k] { return false }
        return true
    }

    /// The time and zone that end a signature line as git writes it: `Name <email> 1700000000
    /// +0100`, one space before each. A zone beyond 14 hours or 59 minutes is read as UTC, as
    /// libgit2 reads it.
    static func time(of line: UnsafeRawBufferPointer) -> (time: Int, offset: Int)? {
        guard let close = line.lastPlace(of: UInt8(ascii: ">"), from: 0, to: line.count) else { return nil }
        return time(of: line, after: close)
    }

    /// The same, for a line whose address closes at `close`.
    static func time(of line: UnsafeRawBufferPointer, after close: Int) -> (time: Int, offset: Int)? {
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
        guard hours <= 14 && minutes <= 59 else { return (time, 0) }
        let offset = hours * 60 + minutes
        return (time, line[k + 1] == UInt8(ascii: "-") ? -offset : offset)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension GitRepository {
    /// A commit without its names and message, from its header (`CommitHeader`); nil when the
    /// object cannot be read or its text is not laid out as git writes it.
    func lightCommit(_ id: ObjectID) -> CommitInfo? {
        guard let header = withRawObject(id, type: GIT_OBJECT_COMMIT, { CommitHeader($0) }) else { return nil }
        let time = Signature(name: "", email: "", time: header.time, offset: header.offset)
        return CommitInfo(id: id, parents: header.parents, tree: header.tree, author: time, committer: time, message: "", hasDetails: false)
    }
}
