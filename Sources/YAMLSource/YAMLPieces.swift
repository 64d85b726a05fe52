#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The top-level entries of YAML files, each parsed on its own and remembered by its bytes, so
/// that the next version of a file is parsed only where it changed.
///
/// History commands read thousands of versions of the same few files, and a commit mostly
/// edits a line or two: libyaml spent more than any other part of a first `gtm log` parsing
/// entries identical to the version before. A file is read this way only when its lines show
/// that each top-level entry starts a line at its first column and ends where the next one
/// starts, so that an entry read alone gives the nodes the whole file gives, at the same
/// places (`entryStarts`); when any entry cannot be read alone without a problem, or the
/// entries together break a limit or repeat a key, the file is read whole, as it always was,
/// and every message comes from that reading.
public final class YAMLPieces: Sendable {
    /// An entry read alone: a document whose root is a mapping of that one entry.
    struct Piece: Sendable {
        var tree: NodeTree
        /// Its nodes, the root mapping included, as the node limit counts them.
        var weight: Int
    }

    /// What is remembered of an entry's bytes under some limits: its piece, or nil when it
    /// cannot be read alone.
    private struct Remembered {
        var hash: Int
        var bytes: [UInt8]
        var limits: YAMLLimits
        var piece: Piece?
    }

    /// Entries remembered, found by their hash in a table of places (open addressing, the next
    /// place on a collision). A dictionary keyed by the hash hashed it again, with a seeded
    /// hasher, at each of the dozen look-ups a version of a file makes: most of a look-up.
    private struct Memo {
        var entries: [Remembered] = []
        /// Where each entry is in `entries`, plus one (0: a free place); a power of two long.
        var places = [Int32](repeating: 0, count: 256)
        var bytes = 0

        func find(_ hash: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ limits: YAMLLimits) -> Piece?? {
            let mask = places.count - 1
            var at = hash & mask
            while places[at] != 0 {
                let k = Int(places[at]) - 1
                if entries[k].hash == hash, entries[k].limits == limits, YAMLPieces.same(entries[k].bytes, bytes) {
                    return .some(entries[k].piece)
                }
                at = (at + 1) & mask
            }
            return nil
        }

        mutating func insert(_ remembered: Remembered) {
            entries.append(remembered)
            // At most half full.
            if entries.count * 2 > places.count {
                places = [Int32](repeating: 0, count: places.count * 2)
                for k in entries.indices { place(k) }
            } else {
                place(entries.count - 1)
            }
        }

        private mutating func place(_ k: Int) {
            let mask = places.count - 1
            var at = entries[k].hash & mask
            while places[at] != 0 { at = (at + 1) & mask }
            places[at] = Int32(k + 1)
        }
    }

    private let memo = Mutex(Memo())
    /// Bytes of entries remembered before the memo starts again: a history keeps the parsed
    /// versions anyway, and this keeps what is remembered beside them within bounds.
    private let capacity: Int

    public init(capacity: Int = 8 << 20) {
        self.capacity = capacity
    }

    /// How many entries are remembered (under all limits), read or not.
    var remembered: Int { memo.withLock { $0.entries.count } }

    /// The file read entry by entry, each one that was read before taken from the memo; nil
    /// when it has to be read whole.
    func load(_ bytes: UnsafeBufferPointer<UInt8>, path: String, limits: YAMLLimits) -> YAMLFile? {
        guard let starts = Self.entryStarts(bytes) else { return nil }
        var pieces: [(piece: Piece, line: Int)] = []
        pieces.reserveCapacity(starts.count)
        var weight = 1
        var records = 1
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].offset : bytes.count
            guard let piece = piece(UnsafeBufferPointer(rebasing: bytes[start.offset..<end]), limits: limits) else { return nil }
            weight += piece.weight - 1
            guard weight <= limits.maxNodes else { return nil }
            records += piece.tree.records.count - 1
            pieces.append((piece, start.line))
        }
        let tree = NodeTree()
        tree.reserve(records: records, bytes: pieces.reduce(0) { $0 + $1.piece.tree.text.count })
        var entries: [NodeRecord] = []
        entries.reserveCapacity(pieces.count * 2)
        for (piece, line) in pieces {
            let (key, value) = tree.appendPiece(piece.tree, lines: UInt32(line - 1))
            // A key written twice, or a merge at the top: the whole reading says how it is taken.
            guard !MergeKeys.isMergeKey(key, in: tree), !Self.repeats(key, among: entries, in: tree) else { return nil }
            entries.append(key)
            entries.append(value)
        }
        let mark = YAMLMark(line: starts[0].line, column: 1)
        let root = tree.collectionRecord(mapping: true, start: tree.appendChildren(entries), count: entries.count / 2, tag: nil, at: mark)
        let index = tree.append(root)
        tree.freeze()
        let document = YAMLDocument(path: path, index: 0, root: YAMLNode(tree: tree, index: index), mark: mark)
        return YAMLFile(path: path, documents: [document], problems: [])
    }

    /// Whether the key is written before among the entries (key, value, key, value…), as the
    /// tree builder compares keys: by their text.
    private static func repeats(_ key: NodeRecord, among entries: [NodeRecord], in tree: NodeTree) -> Bool {
        if key.kind == .scalar { return tree.firstKey(key, among: entries) != nil }
        guard var text = tree.keyText(key) else { return true }
        return text.withUTF8 { tree.firstKey($0, among: entries) } != nil
    }

    /// An entry's piece, from the memo or read now.
    private func piece(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> Piece? {
        let hash = Self.hash(bytes)
        if let known = memo.withLock({ $0.find(hash, bytes, limits) }) { return known }
        let piece = Self.read(bytes, limits: limits)
        let remembered = Remembered(hash: hash, bytes: Array(bytes), limits: limits, piece: piece)
        memo.withLock { memo in
            if memo.bytes > capacity { memo = Memo() }
            memo.bytes += bytes.count
            memo.insert(remembered)
        }
        return piece
    }

    /// A hash of an entry's bytes, eight at a time: only a hint, since entries with the same
    /// hash are compared byte for byte.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return Int(truncatingIfNeeded: h) }
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01B3
            i += 1
        }
        return Int(truncatingIfNeeded: h ^ h >> 32)
    }

    fileprivate static func same(_ kept: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard kept.count == bytes.count else { return false }
        guard let theirs = bytes.baseAddress else { return true }
        return kept.withUnsafeBufferPointer { memcmpEqual($0.baseAddress!, theirs, bytes.count) }
    }

    /// An entry read alone, when libyaml reads it without a problem as a mapping of one entry
    /// whose key starts its first line.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> Piece? {
        let builder = TreeBuilder.reading(bytes, path: "", limits: limits)
        guard builder.problems.isEmpty, builder.documents.count == 1 else { return nil }
        let document = builder.documents[0]
        let tree = document.root.tree
        let root = document.root.record
        let first = YAMLMark(line: 1, column: 1)
        guard root.kind == .mapping, root.count == 1, document.mark == first, root.mark == first,
              Int(document.root.index) == tree.records.count - 1, Int(root.payload) == tree.records.count - 3,
              tree.records[Int(root.payload)].mark == first
        else { return nil }
        return Piece(tree: tree, weight: builder.documentWeight)
    }

    /// Where each top-level entry starts (its byte and its line), when the file is one
    /// document whose root is a block mapping, each entry starting a line with its key and
    /// everything else indented, a comment, blank, or a list item under the key above it.
    /// Nil for anything else (a directive, `---`, a flow or list root, an anchor or a tag
    /// before a key, a tab or an explicit `?` key at the start of a line, a line break other
    /// than `\n` and `\r\n`), and for a file of one entry, which gains nothing from this.
    static func entryStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [(offset: Int, line: Int)]? {
        var starts: [(offset: Int, line: Int)] = []
        // Room for a strategy file's usual handful of entries: grown from nothing, the list was
        // reallocated four times per file read.
        starts.reserveCapacity(16)
        let n = bytes.count
        var i = 0
        var line = 1
        guard let base = bytes.baseAddress else { return nil }
        // No `\r`, and no first byte of NEL, LS or PS (0xC2, 0xE2).
        let plain = memchr(base, 0x0D, n) == nil && memchr(base, 0xC2, n) == nil && memchr(base, 0xE2, n) == nil
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x0A, 0x0D, 0x23:  // a blank line or a comment (a lone `\r` is refused below)
                break
            case 0x20:
                // Indented: part of the entry above. Before the first, only blank or a comment.
                if starts.isEmpty {
                    var k = i
                    while k < n, bytes[k] == 0x20 { k += 1 }
                    guard k == n || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x23 else { return nil }
                }
            case 0x2D:
                // `- ` under a key is its list; `---`, `-x` or a list at the top are not entries.
                let next = i + 1 < n ? bytes[i + 1] : 0x0A
                guard !starts.isEmpty, next == 0x20 || next == 0x0A || next == 0x0D else { return nil }
            default:
                guard isKeyStart(b) else { return nil }
                starts.append((i, line))
            }
            // On to the next line; libyaml's other line breaks would count lines otherwise. In
            // a file with none of their first bytes (most), the line feed is looked for alone.
            if plain {
                guard let feed = memchr(base + i, 0x0A, n - i) else { break }
                i = base.distance(to: feed.assumingMemoryBound(to: UInt8.self)) + 1
                line += 1
                continue
            }
            while i < n {
                let c = bytes[i]
                i += 1
                if c == 0x0A { break }
                if c == 0x0D, i >= n || bytes[i] != 0x0A { return nil }
                if c == 0xC2, i < n, bytes[i] == 0x85 { return nil }  // NEL
                if c == 0xE2, i + 1 < n, bytes[i] == 0x80, bytes[i + 1] == 0xA8 || bytes[i + 1] == 0xA9 { return nil }  // LS, PS
            }
            line += 1
        }
        return starts.count >= 2 ? starts : nil
    }

    /// A first byte that starts a plain or quoted key: a letter, a digit, `_`, `$`, `(`, a quote,
    /// or a character beyond ASCII other than a byte-order mark.
    @inline(__always)
    static func isKeyStart(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x24, 0x28, 0x22, 0x27: true
        case 0x80...0xFF: b != 0xEF
        default: false
        }
    }
}
