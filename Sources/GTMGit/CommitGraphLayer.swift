import GTMSystem

/// One commit-graph file: its bytes and where each chunk lies in them, every offset checked
/// once here so that the readers below only check positions.
struct CommitGraphLayer: Sendable {
    /// The file, mapped: a walk reads a few of its pages (the ids it looks up, the commits it
    /// visits, their filters) where reading it in copied all of it, several hundred kilobytes
    /// for ten thousand commits, before the first commit was looked at. git writes a graph
    /// beside the old one and renames it, never in place, so the mapping stays whole.
    private let file: MappedFile
    var bytes: UnsafeRawBufferPointer { file.bytes }
    /// The graph position of this layer's first commit (the commits of its bases come first).
    let first: Int
    let count: Int
    /// How many base layers this file says it has.
    let baseCount: Int
    /// The base layers' file hashes, as the BASE chunk lists them.
    let bases: [[UInt8]]
    /// This file's own hash, its last bytes: the name a chain gives it.
    var hash: [UInt8] { Array(bytes.suffix(Self.hashSize)) }
    private let fanout: Int
    private let lookup: Int
    private let data: Int
    private let edges: Range<Int>?
    private let bloom: Bloom?

    static let hashSize = 20
    static let dataSize = hashSize + 16
    static let noParent: UInt32 = 0x7000_0000

    /// The changed-path filters of a layer, when present and of a version read correctly here.
    struct Bloom: Sendable {
        var index: Int
        /// The filter bytes, after BDAT's 12-byte header.
        var data: Range<Int>
        var version: UInt32
        var hashes: Int
    }

    /// A layer of bytes read elsewhere (tests read damaged copies of a file).
    init?(bytes: [UInt8], first: Int) {
        guard let file = MappedFile(copying: bytes) else { return nil }
        self.init(file: file, first: first)
    }

    init?(file: MappedFile, first: Int) {
        self.file = file
        let bytes = file.bytes
        self.first = first
        let h = Self.hashSize
        // Header: "CGPH", version 1, hash version 1 (SHA-1; SHA-256 graphs are not read), chunks, bases.
        guard bytes.count >= 8 + 12 + h, bytes[0] == 0x43, bytes[1] == 0x47, bytes[2] == 0x50, bytes[3] == 0x48,
              bytes[4] == 1, bytes[5] == 1 else { return nil }
        let chunkCount = Int(bytes[6])
        baseCount = Int(bytes[7])
        let tableEnd = 8 + (chunkCount + 1) * 12
        // The file ends with its own hash: chunks lie between the table and it.
        let end = bytes.count - h
        guard tableEnd <= end else { return nil }
        var chunks: [UInt32: Range<Int>] = [:]
        var previous = tableEnd
        for i in 0...chunkCount {
            let at = 8 + i * 12
            let id = Self.be32(bytes, at)
            let offset = Self.be64(bytes, at + 4)
            guard offset >= UInt64(previous), offset <= UInt64(end) else { return nil }
            if i > 0 {
                let prevID = Self.be32(bytes, at - 12)
                guard chunks[prevID] == nil else { return nil }
                chunks[prevID] = previous..<Int(offset)
            }
            if i == chunkCount, id != 0 { return nil }
            previous = Int(offset)
        }
        guard let oidf = chunks[0x4F49_4446], oidf.count == 256 * 4,
              let oidl = chunks[0x4F49_444C], let cdat = chunks[0x4344_4154] else { return nil }
        fanout = oidf.lowerBound
        var last: UInt32 = 0
        for b in 0..<256 {
            let v = Self.be32(bytes, fanout + 4 * b)
            guard v >= last else { return nil }
            last = v
        }
        count = Int(last)
        guard oidl.count == count * h, cdat.count == count * Self.dataSize, first + count < Int(Int32.max) else { return nil }
        lookup = oidl.lowerBound
        data = cdat.lowerBound
        // Each fanout bucket begins and ends with ids of its first byte. The ids between are not
        // checked one by one (that was most of the time it took to open a graph, and grew with
        // the history): a search among ids out of order can only miss, since it returns a
        // position only for the very id asked for, and a commit the graph misses is read from
        // the object database instead.
        var low = 0
        for b in 0..<256 {
            let high = Int(Self.be32(bytes, fanout + 4 * b))
            if high > low {
                guard bytes[lookup + low * h] == UInt8(b), bytes[lookup + (high - 1) * h] == UInt8(b) else { return nil }
            }
            low = high
        }
        if let edge = chunks[0x4544_4745] {
            guard edge.count % 4 == 0 else { return nil }
            edges = edge
        } else {
            edges = nil
        }
        if let base = chunks[0x4241_5345] {
            guard base.count == baseCount * h else { return nil }
            bases = (0..<baseCount).map { Array(bytes[(base.lowerBound + $0 * h)..<(base.lowerBound + ($0 + 1) * h)]) }
        } else {
            guard baseCount == 0 else { return nil }
            bases = []
        }
        bloom = Self.bloom(bytes, index: chunks[0x4249_4458], data: chunks[0x4244_4154], count: count)
    }

    /// The Bloom chunks, or nil when absent, malformed, or of a hash version not read here.
    private static func bloom(_ bytes: UnsafeRawBufferPointer, index: Range<Int>?, data: Range<Int>?, count: Int) -> Bloom? {
        guard let index, let data, index.count == count * 4, data.count >= 12 else { return nil }
        let version = be32(bytes, data.lowerBound)
        let hashes = Int(be32(bytes, data.lowerBound + 4))
        guard version == 1 || version == 2, (1...64).contains(hashes) else { return nil }
        return Bloom(index: index.lowerBound, data: (data.lowerBound + 12)..<data.upperBound, version: version, hashes: hashes)
    }

    /// The position of an id in the whole graph, by the fanout and a binary search.
    func position(of id: ObjectID) -> Int? {
        let h = Self.hashSize
        guard Int(id.count) == h else { return nil }
        let bucket = Int(id.byte(0))
        let low = bucket == 0 ? 0 : Int(Self.be32(bytes, fanout + 4 * (bucket - 1)))
        let high = Int(Self.be32(bytes, fanout + 4 * bucket))
        return id.place(in: bytes, at: lookup, from: low, to: high).map { first + $0 }
    }

    func id(at local: Int) -> ObjectID {
        let at = lookup + local * Self.hashSize
        return ObjectID(bytes: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + Self.hashSize)]))
    }

    /// A commit's data; nil when a parent position is past the commits this layer can see or
    /// the extra-edge list runs off its chunk.
    func commit(at local: Int, total: Int) -> CommitGraph.Commit? {
        guard local >= 0, local < count else { return nil }
        let at = data + local * Self.dataSize
        let visible = first + count
        let tree = ObjectID(bytes: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + Self.hashSize)]))
        var parents: [Int] = []
        parents.reserveCapacity(2)
        let p1 = Self.be32(bytes, at + 20), p2 = Self.be32(bytes, at + 24)
        if p1 != Self.noParent {
            guard p1 & 0x8000_0000 == 0, Int(p1) < visible else { return nil }
            parents.append(Int(p1))
            if p2 & 0x8000_0000 != 0 {
                // An octopus: the other parents are in EDGE, the last one with its high bit set.
                guard let edges else { return nil }
                var e = edges.lowerBound + Int(p2 & 0x7FFF_FFFF) * 4
                while true {
                    guard e + 4 <= edges.upperBound else { return nil }
                    let word = Self.be32(bytes, e)
                    let p = Int(word & 0x7FFF_FFFF)
                    guard p < visible else { return nil }
                    parents.append(p)
                    if word & 0x8000_0000 != 0 { break }
                    e += 4
                }
            } else if p2 != Self.noParent {
                guard Int(p2) < visible else { return nil }
                parents.append(Int(p2))
            }
        } else if p2 != Self.noParent {
            return nil
        }
        return CommitGraph.Commit(tree: tree, parents: parents, time: time(at: local)!)
    }

    /// A commit's time alone (the low 34 bits of its last 8 data bytes).
    func time(at local: Int) -> Int? {
        guard local >= 0, local < count else { return nil }
        let at = data + local * Self.dataSize
        return (Int(Self.be32(bytes, at + 28) & 0x3) << 32) | Int(Self.be32(bytes, at + 32))
    }

    /// The position of a commit's first parent; nil for a root commit or a parent index out
    /// of range.
    func firstParent(at local: Int) -> Int? {
        guard local >= 0, local < count else { return nil }
        let p1 = Self.be32(bytes, data + local * Self.dataSize + 20)
        guard p1 != Self.noParent, p1 & 0x8000_0000 == 0, Int(p1) < first + count else { return nil }
        return Int(p1)
    }

    /// False only when the commit's filter says the key's path definitely did not change.
    func mayHaveChanged(_ key: BloomKey, at local: Int) -> Bool {
        // Version 1 hashed bytes as signed chars: right only for ASCII paths.
        guard let bloom, local >= 0, local < count, bloom.version == 2 || key.ascii else { return true }
        let start = local == 0 ? 0 : Int(Self.be32(bytes, bloom.index + 4 * (local - 1)))
        let end = Int(Self.be32(bytes, bloom.index + 4 * local))
        guard start <= end, end <= bloom.data.count else { return true }
        let length = end - start
        // An empty filter tells nothing (git: "cannot say"); more than 512 changes is all ones.
        guard length > 0 else { return true }
        let bits = UInt64(length) * 8
        let base = bloom.data.lowerBound + start
        for i in 0..<bloom.hashes {
            let hash = UInt64(key.hash0 &+ UInt32(truncatingIfNeeded: i) &* key.hash1) % bits
            if bytes[base + Int(hash / 8)] & (1 << (hash % 8)) == 0 { return false }
        }
        return true
    }

    /// A big-endian word; every offset is checked (the init checks where chunks lie, not
    /// every word a damaged file could point a reader at).
    @inline(__always)
    static func be32(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        precondition(at >= 0 && at + 4 <= b.count)
        return UInt32(bigEndian: b.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    static func be64(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(be32(b, at)) << 32 | UInt64(be32(b, at + 4))
    }
}
