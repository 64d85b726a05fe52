/// A file in a tree or in the index: its path in the repository and its blob.
public struct GitFile: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file, executable, symlink, submodule
        /// Unmerged in the index: a merge, rebase or cherry-pick stopped on it.
        case conflicted
    }
    /// Repository-relative, `/`-separated.
    public var path: String
    public var blob: ObjectID
    public var kind: Kind
    /// False when the name stored in git is not UTF-8 (`path` then shows replacement characters).
    public var validName: Bool

    public init(path: String, blob: ObjectID, kind: Kind, validName: Bool = true) {
        self.path = path
        self.blob = blob
        self.kind = kind
        self.validName = validName
    }

    static func kind(mode: UInt32) -> Kind? {
        switch mode {
        case 0o100644: .file
        case 0o100755: .executable
        case 0o120000: .symlink
        case 0o160000: .submodule
        default: nil
        }
    }
}

/// Who made a commit and when.
public struct Signature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int
    /// Minutes east of UTC.
    public var offset: Int
}

/// A commit, copied out of libgit2.
public struct CommitInfo: Sendable, Hashable {
    public var id: ObjectID
    public var parents: [ObjectID]
    public var tree: ObjectID
    public var author: Signature
    public var committer: Signature
    public var message: String
    /// False for a commit read without its names and message (a walk's light read).
    public var hasDetails: Bool = true

    /// The first line of the message.
    public var summary: String {
        // Up to the first line feed, found among the bytes (a line feed is never part of
        // another character's bytes, though "\r\n" is one character).
        guard let end = message.utf8.firstIndex(of: UInt8(ascii: "\n")) else { return message }
        let line = message[..<end]
        return String(line.last == "\r" ? line.dropLast() : line)
    }
}
