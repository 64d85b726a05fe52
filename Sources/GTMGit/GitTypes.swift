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
    public let id: ObjectID
    public let parents: [ObjectID]
    public let tree: ObjectID
    /// False for a commit read without its names and message (a walk's light read).
    public let hasDetails: Bool
    /// The names and message behind one reference, nil when there are none (a light read):
    /// a history hands each commit it shows from the walk to its comparison, its entry and
    /// its words, and a copy of the signatures and message counted five references each time.
    private let words: Words?
    /// The committer's time and zone when there are no words (the author's are the same).
    private let time: Int, offset: Int

    private final class Words: Sendable, Hashable {
        let author: Signature
        let committer: Signature
        let message: String

        init(author: Signature, committer: Signature, message: String) {
            self.author = author
            self.committer = committer
            self.message = message
        }

        static func == (a: Words, b: Words) -> Bool {
            a === b || (a.author == b.author && a.committer == b.committer && a.message == b.message)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(author)
            hasher.combine(committer)
            hasher.combine(message)
        }
    }

    public var author: Signature { words?.author ?? Signature(name: "", email: "", time: time, offset: offset) }
    public var committer: Signature { words?.committer ?? Signature(name: "", email: "", time: time, offset: offset) }
    public var message: String { words?.message ?? "" }

    public init(id: ObjectID, parents: [ObjectID], tree: ObjectID, author: Signature, committer: Signature, message: String,
                hasDetails: Bool = true) {
        self.id = id
        self.parents = parents
        self.tree = tree
        self.hasDetails = hasDetails
        // Without names or a message, and one signature for both: the times alone are kept,
        // so that equal commits are held alike (and compare and hash alike).
        let nameless = author.name.isEmpty && author.email.isEmpty && message.isEmpty && author == committer
        words = nameless ? nil : Words(author: author, committer: committer, message: message)
        time = nameless ? committer.time : 0
        offset = nameless ? committer.offset : 0
    }

    /// The first line of the message.
    public var summary: String {
        // Up to the first line feed, found among the bytes (a line feed is never part of
        // another character's bytes, though "\r\n" is one character).
        guard let end = message.utf8.firstIndex(of: UInt8(ascii: "\n")) else { return message }
        let line = message[..<end]
        return String(line.last == "\r" ? line.dropLast() : line)
    }
}
