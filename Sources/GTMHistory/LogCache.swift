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
    private var known: [ObjectID: Recall] = [:]
    private var learned = 0
    /// Beyond this many commits the file keeps only those this run met, so that rewritten
    /// history does not make it grow without end.
    static let maxEntries = 200_000
    /// A larger file is not read (and is replaced by this run's).
    static let maxFileSize = 64 << 20
    static let magic = "gtm log cache 1"

    /// The cache of one gtm build (`build`: its version and executable) for `key` (the way of
    /// looking at history) in `directory` (`<git common dir>/gtm`), read if it exists.
    public init(directory: String, build: String, key: String) {
        self.directory = directory
        self.key = build + "\n" + key
        buildPrefix = "log-" + Self.hex(Self.fnv1a(Array(build.utf8))) + "-"
        path = directory + "/" + buildPrefix + Self.hex(Self.fnv1a(Array(key.utf8)))
        if FileSystem.kind(of: path) == .file, case .bytes(let bytes)? = try? FileSystem.read(path, limit: Self.maxFileSize) {
            known = Self.parse(bytes, key: self.key) ?? [:]
        }
    }

    /// What the commit showed in an earlier run, when one recorded it.
    public func recall(_ commit: ObjectID) -> Recall? { known[commit] }

    /// Records what a commit showed, for the next run.
    public func remember(_ commit: ObjectID, _ recall: Recall) {
        guard known[commit] != recall else { return }
        known[commit] = recall
        learned += 1
    }

    /// Writes the file when this run learned something; a repository it cannot write to (read
    /// only, another user's) keeps its file as it was, and the command goes on.
    public func save(keeping met: Set<ObjectID>) {
        guard learned > 0 else { return }
        var entries = known
        if entries.count > Self.maxEntries { entries = entries.filter { met.contains($0.key) } }
        var out = Array((Self.magic + "\n" + key + "\n\n").utf8)
        for (id, recall) in entries.sorted(by: { $0.key < $1.key }) {
            switch recall {
            case .nothing:
                out += Array((id.hex + " -\n").utf8)
            case .entry(let text):
                let bytes = Array(text.utf8)
                out += Array((id.hex + " \(bytes.count)\n").utf8) + bytes
            }
        }
        try? FileSystem.makeDirectory(directory)
        try? FileSystem.writeAtomically(out, to: path)
        for name in FileSystem.entries(of: directory) where name.hasPrefix("log-") && !name.hasPrefix(buildPrefix) {
            try? FileSystem.removeFile(directory + "/" + name)
        }
    }

    /// The entries of a file written for `key`; nil when it was written for another, or is
    /// damaged, or holds anything but printable text.
    static func parse(_ bytes: [UInt8], key: String) -> [ObjectID: Recall]? {
        let header = Array((magic + "\n" + key + "\n\n").utf8)
        guard bytes.count >= header.count, bytes[..<header.count].elementsEqual(header) else { return nil }
        var known: [ObjectID: Recall] = [:]
        var i = header.count
        while i < bytes.count {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            let line = bytes[i..<end]
            i = end + 1
            guard let space = line.firstIndex(of: 0x20),
                  let id = bytes.withUnsafeBytes({ ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: $0[line.startIndex..<space])) })
            else { return nil }
            let rest = line[(space + 1)...]
            if rest.elementsEqual([0x2D]) {
                known[id] = .nothing
                continue
            }
            guard rest.count <= 9, rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = Int(String(decoding: rest, as: UTF8.self)),
                  count <= bytes.count - i else { return nil }
            let text = bytes[i..<(i + count)]
            guard isPrintable(text) else { return nil }
            known[id] = .entry(String(decoding: text, as: UTF8.self))
            i += count
        }
        return known
    }

    /// Whether text is valid UTF-8 with no control character but the line feed: what gtm
    /// prints after making every value safe for a terminal.
    static func isPrintable(_ bytes: ArraySlice<UInt8>) -> Bool {
        // Printable ASCII and line feeds need no decoding.
        let ascii = bytes.withUnsafeBufferPointer { buffer in
            for b in buffer where (b < 0x20 && b != 0x0A) || b >= 0x7F { return false }
            return true
        }
        if ascii { return true }
        var scalars = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&scalars) {
            case .scalarValue(let s):
                let v = s.value
                if v == 0x0A { continue }
                if v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x2028 || v == 0x2029 { return false }
            case .emptyInput:
                return true
            case .error:
                return false
            }
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
