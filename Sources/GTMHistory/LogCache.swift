import GTMGit
import GTMSystem

/// What an earlier `gtm log` found at each commit it compared, kept in the git directory
/// (`gtm/log-*`, beside git's own commit-graph; never the working tree, the index or the object
/// database). A commit never changes, so what it changed in the strategy never does either: a
/// second run reads this instead of opening trees, parsing blobs and comparing them, and with
/// a commit-graph it reads no object at all for the commits it remembers.
///
/// Each file holds one way of looking at history: the gtm build (its version and executable,
/// so a new build judges afresh), the strategy folder and how paths are shown, the documents
/// followed and the field. The file says so in its first lines, and a file that says anything
/// else, or is damaged, is not used. The entries are the text `gtm log` printed, checked again
/// on reading: a byte that is not printable text (an escape sequence written into the file by
/// hand, say) makes the whole file unused.
public final class LogCache {
    /// What a commit showed: nothing (the followed documents did not change), or an entry.
    public enum Recall: Sendable, Equatable {
        case nothing
        case entry(String)
    }

    let directory: String
    let path: String
    let key: String
    /// The start of every file name this build writes: files of other builds are removed when
    /// this one saves, so that upgrades do not leave them behind.
    let buildPrefix: String
    /// What the file's name starts with: `log`, or `followed` (see `init`).
    let name: String
    private var known: [ObjectID: Recall] = [:]
    private var learned = 0
    /// Beyond this many commits the file keeps only those this run met, so that rewritten
    /// history does not make it grow without end.
    static let maxEntries = 200_000
    /// A larger file is not read (and is replaced by this run's).
    static let maxFileSize = 64 << 20
    static let magic = "gtm log cache 2"

    /// The cache of one gtm build (`build`: its version and executable) for `key` (the way of
    /// looking at history) in `directory` (`<git common dir>/gtm`), read if it exists. `name`
    /// starts the file's name: `log` for what commits showed, `followed` for which documents a
    /// tree has the log follow (the ids are then trees').
    public init(directory: String, build: String, key: String, name: String = "log") {
        self.directory = directory
        self.key = build + "\n" + key
        self.name = name
        buildPrefix = name + "-" + Self.hex(Self.fnv1a(Array(build.utf8))) + "-"
        path = directory + "/" + buildPrefix + Self.hex(Self.fnv1a(Array(key.utf8)))
        if FileSystem.kind(of: path) == .file, case .bytes(let bytes)? = try? FileSystem.read(path, limit: Self.maxFileSize) {
            known = Self.parse(bytes, key: self.key) ?? [:]
        }
    }

    /// A cache that reads no file and is never saved: it learns what a run finds before the
    /// way of looking at history is known (a first `gtm log` finds the documents it follows
    /// while it walks), and hands it to the cache then opened (`learn(from:)`).
    public static func unkeyed() -> LogCache { LogCache(unkeyed: ()) }

    private init(unkeyed: Void) {
        directory = ""
        path = ""
        key = ""
        buildPrefix = ""
        name = ""
    }

    /// Takes what `other` learned, as if this cache had learned it.
    public func learn(from other: LogCache) {
        for (commit, recall) in other.known { remember(commit, recall) }
    }

    /// What the commit showed in an earlier run, when one recorded it.
    public func recall(_ commit: ObjectID) -> Recall? { known[commit] }

    /// Records what a commit showed, for the next run.
    public func remember(_ commit: ObjectID, _ recall: Recall) {
        // One lookup: what it replaced says whether anything was learned.
        if let before = known.updateValue(recall, forKey: commit), before == recall { return }
        learned += 1
    }

    /// Writes the file when this run learned something; a repository it cannot write to (read
    /// only, another user's) keeps its file as it was, and the command goes on.
    /// `met` (the commits this run met) is asked for only when the file is over its bound.
    public func save(keeping met: @autoclosure () -> Set<ObjectID>) {
        guard let head = fileHead(shown: [], keeping: met()) else { return }
        head.withUnsafeBytes { write($0) }
    }

    /// The file's bytes up to the texts of the entries `shown` (in the order shown; `isNew`
    /// for those this run found rather than recalled), which the file ends with: the header,
    /// an index line per commit, the texts of remembered commits not shown. The caller puts
    /// the shown texts after them, then `write`s the whole: `gtm log` prints those texts, so
    /// the file and the output are one buffer, copied once. Nil when nothing is new to keep.
    ///
    /// The index lists, in the order of the texts that follow it, `<id> -` for a commit that
    /// showed nothing and `<id> <bytes>` for one that showed an entry; a blank line ends it.
    public func fileHead(shown: [(commit: ObjectID, text: [UInt8], isNew: Bool)],
                         keeping met: @autoclosure () -> Set<ObjectID>) -> [UInt8]? {
        guard !path.isEmpty, learned > 0 || shown.contains(where: \.isNew) else { return nil }
        var entries = known
        if entries.count + shown.count > Self.maxEntries {
            let kept = met()
            entries = entries.filter { kept.contains($0.key) }
        }
        let isShown: Set<ObjectID>? = entries.isEmpty ? nil : Set(shown.lazy.map(\.commit))
        var head = Array((Self.magic + "\n" + key + "\n\n").utf8)
        head.reserveCapacity(head.count + (entries.count + shown.count) * 48)
        // Remembered entries not shown first, in the dictionary's order (the next run reads
        // them into a dictionary again: sorting cost as much as the rest), then those shown.
        var otherTexts: [String] = []
        for (id, recall) in entries where isShown?.contains(id) != true {
            id.appendHex(to: &head)
            head.append(0x20)
            switch recall {
            case .nothing:
                head.append(0x2D)
            case .entry(let text):
                Self.appendDecimal(text.utf8.count, to: &head)
                otherTexts.append(text)
            }
            head.append(0x0A)
        }
        for (id, text, _) in shown {
            id.appendHex(to: &head)
            head.append(0x20)
            Self.appendDecimal(text.count, to: &head)
            head.append(0x0A)
        }
        head.append(0x0A)
        for var text in otherTexts { text.withUTF8 { head.append(contentsOf: $0) } }
        return head
    }

    /// Writes the file (`fileHead`, then the shown texts) in place of this build's last one,
    /// and removes the files of other builds.
    public func write(_ file: UnsafeRawBufferPointer) {
        try? FileSystem.makeDirectory(directory)
        try? FileSystem.writeAtomically(file, to: path)
        for name in FileSystem.entries(of: directory) where name.hasPrefix(self.name + "-") && !name.hasPrefix(buildPrefix) {
            try? FileSystem.removeFile(directory + "/" + name)
        }
    }

    /// A count in decimal digits, without making a string of it (one per entry saved).
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        precondition(n >= 0)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            var rest = n
            repeat {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// The entries of a file written for `key` (see `fileHead`); nil when it was written for
    /// another, or is damaged, or holds anything but printable text.
    static func parse(_ bytes: [UInt8], key: String) -> [ObjectID: Recall]? {
        let header = Array((magic + "\n" + key + "\n\n").utf8)
        guard bytes.count >= header.count, bytes[..<header.count].elementsEqual(header) else { return nil }
        var known: [ObjectID: Recall] = [:]
        // The index, up to its blank line: ids, and the length of each text that follows it.
        var texts: [(id: ObjectID, count: Int)] = []
        var i = header.count
        while true {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            let line = bytes[i..<end]
            i = end + 1
            if line.isEmpty { break }
            guard let space = line.firstIndex(of: 0x20),
                  let id = bytes.withUnsafeBytes({ ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: $0[line.startIndex..<space])) })
            else { return nil }
            let rest = line[(space + 1)...]
            if rest.elementsEqual([0x2D]) {
                known[id] = .nothing
                continue
            }
            guard rest.count <= 9, rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = Int(String(decoding: rest, as: UTF8.self))
            else { return nil }
            texts.append((id, count))
        }
        // The texts, one after another, to the last byte of the file.
        for (id, count) in texts {
            guard count <= bytes.count - i else { return nil }
            let text = bytes[i..<(i + count)]
            guard isPrintable(text) else { return nil }
            known[id] = .entry(String(decoding: text, as: UTF8.self))
            i += count
        }
        return i == bytes.count ? known : nil
    }

    /// Whether text is valid UTF-8 with no control character but the line feed (nor a line or
    /// paragraph separator): what gtm prints after making every value safe for a terminal.
    static func isPrintable(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let b = buffer[i]
                if b < 0x80 {
                    if (b < 0x20 && b != 0x0A) || b == 0x7F { return false }
                    i += 1
                    continue
                }
                // A sequence of 2 to 4 bytes: the lead byte says how many and the least value
                // they may spell (no overlong forms).
                let (length, least): (Int, UInt32) = switch b {
                case 0xC2...0xDF: (2, 0x80)
                case 0xE0...0xEF: (3, 0x800)
                case 0xF0...0xF4: (4, 0x10000)
                default: (0, 0)
                }
                guard length > 0, i + length <= buffer.count else { return false }
                var scalar = UInt32(b) & (0xFF >> (length + 1))
                for k in 1..<length {
                    let c = buffer[i + k]
                    guard c & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                guard scalar >= least, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar),
                      !(0x80...0x9F).contains(scalar), scalar != 0x2028, scalar != 0x2029 else { return false }
                i += length
            }
            return true
        }
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
