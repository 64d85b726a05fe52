import GTMSystem

/// One pack file and its index (`objects/pack/pack-*.idx`, version 2), both mapped: where in
/// the pack each object begins. Format: https://git-scm.com/docs/gitformat-pack
///
/// The files are untrusted input: the index's layout is checked when it is opened (magic,
/// version, a fan-out that never goes down, room for every table), every offset is checked
/// against the pack's size when it is read, and anything else unexpected makes the lookup
/// answer nil, so that libgit2 reads the object instead.
final class PackIndex {
    let index: MappedFile
    /// The pack's path; mapped on first use (`data`).
    let packPath: String
    /// Objects in the pack.
    let count: Int
    private let namesStart = 8 + 256 * 4
    private let offsetsStart: Int
    private let largeStart: Int
    private let largeCount: Int
    private var mapped: MappedFile??

    /// Opens `path` (an `.idx` file) for the pack beside it; nil when it is not a version 2
    /// index of SHA-1 ids laid out as git writes it.
    init?(path: String, packPath: String) {
        guard let index = MappedFile.shared(path) else { return nil }
        let bytes = index.bytes
        let tables = 8 + 256 * 4
        guard bytes.count >= tables + 40,
              bytes[0] == 0xFF, bytes[1] == 0x74, bytes[2] == 0x4F, bytes[3] == 0x63,
              Self.word(bytes, at: 4) == 2 else { return nil }
        var previous: UInt32 = 0
        for k in 0..<256 {
            let n = Self.word(bytes, at: 8 + 4 * k)
            guard n >= previous else { return nil }
            previous = n
        }
        let count = Int(previous)
        // Names (20 bytes), CRCs (4) and offsets (4) per object, then 8-byte offsets, then two
        // checksums.
        let fixed = tables + count * 28 + 40
        guard bytes.count >= fixed, (bytes.count - fixed) % 8 == 0 else { return nil }
        self.index = index
        self.packPath = packPath
        self.count = count
        offsetsStart = tables + count * 24
        largeStart = tables + count * 28
        largeCount = (bytes.count - fixed) / 8
    }

    /// The pack's bytes, mapped once; nil when it cannot be mapped or is not a pack of this
    /// index's objects (version 2 or 3, the same count).
    var data: UnsafeRawBufferPointer? {
        if case .some(let file) = mapped { return file?.bytes }
        var file = MappedFile.shared(packPath)
        if let bytes = file?.bytes {
            let valid = bytes.count >= 32 && bytes[0] == 0x50 && bytes[1] == 0x41 && bytes[2] == 0x43 && bytes[3] == 0x4B
                && (Self.word(bytes, at: 4) == 2 || Self.word(bytes, at: 4) == 3) && Int(Self.word(bytes, at: 8)) == count
            if !valid { file = nil }
        }
        mapped = .some(file)
        return file?.bytes
    }

    /// Where the object `id` (20 bytes) begins in the pack; nil when this pack does not hold it.
    func offset(of id: ObjectID) -> Int? {
        guard id.count == 20 else { return nil }
        let bytes = index.bytes
        let first = Int(id.byte(0))
        let low = first == 0 ? 0 : Int(Self.word(bytes, at: 8 + 4 * (first - 1)))
        let high = Int(Self.word(bytes, at: 8 + 4 * first))
        return id.place(in: bytes, at: namesStart, from: low, to: high).flatMap(offset(at:))
    }

    /// The offset of the `i`th object: 31 bits in place, or a place in the table of large ones.
    private func offset(at i: Int) -> Int? {
        let small = Self.word(index.bytes, at: offsetsStart + 4 * i)
        if small & 0x8000_0000 == 0 { return Int(small) }
        let k = Int(small & 0x7FFF_FFFF)
        guard k < largeCount else { return nil }
        let high = UInt64(Self.word(index.bytes, at: largeStart + 8 * k))
        let low = UInt64(Self.word(index.bytes, at: largeStart + 8 * k + 4))
        let value = high << 32 | low
        return value < UInt64(Int.max) ? Int(value) : nil
    }

    /// A big-endian 32-bit word.
    static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
