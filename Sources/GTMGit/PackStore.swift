internal import CDeflate
import GTMSystem

/// The repository's pack files, read directly: an object's bytes found through the pack
/// indexes, inflated with libdeflate and rebuilt from its deltas, with no lock taken. libgit2
/// shares each pack between every handle in the process and takes the pack's locks and a
/// global one several times per object; a history reads tens of thousands of small objects on
/// two threads, and a fifth of its time went to those locks, to setting up a zlib stream per
/// object and to libgit2's caches. libdeflate inflates a whole object in one call, the size
/// of which the pack says, with a decompressor for each type of object: most small objects
/// use the same fixed codes as the one before of their type, and a decompressor keeps the
/// tables of the last codes it used. Over every object of the bench's pack, 371 M instructions
/// with zlib, 286 M with one decompressor (and more time than zlib: tables rebuilt at almost
/// every object), 214 M and a tenth less time than zlib with one per type. One store per
/// repository handle, so per thread.
///
/// Only what is in a pack is answered: a loose object, one in an alternate, one whose delta
/// base is elsewhere, anything malformed gives nil, and libgit2 reads it as before (and
/// reports what is wrong). Every size and offset read from the files is checked before use;
/// an object or delta larger than `maximumSize` is left to libgit2 too.
final class PackStore {
    private let packs: [PackIndex]
    /// A decompressor for commits, trees, blobs, tags and deltas (in that order), made on first use.
    private var inflaters: [OpaquePointer?] = Array(repeating: nil, count: 5)
    /// Objects rebuilt lately, by pack and offset: the delta bases of the next objects read (a
    /// history reads each file's versions one after another, each mostly a delta of the next).
    /// A slot per place, by a hash of it, and a newer object takes the slot: a lookup and a
    /// keep cost a multiplication, where a dictionary's hashing cost more than a small tree's
    /// whole read.
    private var slots: [Slot?] = Array(repeating: nil, count: PackStore.slotCount)
    private var cachedBytes = 0
    /// Where objects are inflated and deltas applied, then copied into an array of their size.
    /// An array made at its size to be written in place (`Array(unsafeUninitializedCapacity:)`)
    /// looked its storage's type up in the runtime at every object, about 55 ns; one copied
    /// from a buffer, 200 bytes and all, took 46 ns in all. Grown as needed, never shrunk.
    private var scratch = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    private struct Slot {
        var place: Place
        var object: Object
    }

    /// Slots, what is kept at most in them, and the largest object kept there.
    static let slotCount = 4096
    static let cacheBytes = 16 << 20
    static let largestCached = 1 << 20
    /// The largest object or delta read here.
    static let maximumSize = 1 << 30
    /// The longest chain of deltas followed (git writes at most 4,095).
    static let longestChain = 10_000

    struct Place: Hashable {
        var pack: Int
        var offset: Int
    }

    /// An object's type (git's numbers: 1 commit, 2 tree, 3 blob, 4 tag) and bytes.
    struct Object {
        var type: UInt8
        var bytes: [UInt8]
    }

    enum Read {
        case object(Object)
        /// The object is larger than the limit asked for: its type and size, its bytes not read.
        case tooLarge(type: UInt8, size: Int)
    }

    /// The packs of the object folder `objects`; nil when there is none.
    init?(objects: String) {
        let folder = objects + "/pack"
        let names = FileSystem.entries(of: folder).filter { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") }.sorted()
        let packs = names.compactMap { name in
            PackIndex(path: folder + "/" + name, packPath: folder + "/" + name.dropLast(4) + ".pack")
        }
        guard !packs.isEmpty else { return nil }
        self.packs = packs
    }

    deinit {
        for case let inflater? in inflaters { libdeflate_free_decompressor(inflater) }
        scratch.deallocate()
    }

    /// The scratch buffer, at least `count` bytes long.
    private func scratch(_ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        if scratch.count < count {
            scratch.deallocate()
            scratch = .allocate(capacity: max(count, 2 * scratch.count, 4096))
        }
        return scratch
    }

    /// The object `id`, or its size alone when the object is larger than `limit`; nil when no
    /// pack holds it or it cannot be read here.
    func read(_ id: ObjectID, limit: Int = .max) -> Read? {
        guard let place = find(id) else { return nil }
        return read(at: place, limit: limit)
    }

    private func find(_ id: ObjectID) -> Place? {
        for (i, pack) in packs.enumerated() {
            if let offset = pack.offset(of: id) { return Place(pack: i, offset: offset) }
        }
        return nil
    }

    /// A delta met on the way to an object: where it is, where its data begins, and its size
    /// inflated.
    private struct Delta {
        var place: Place
        var start: Int
        var size: Int
    }

    private func read(at place: Place, limit: Int) -> Read? {
        var deltas: [Delta] = []
        var at = place
        var base: Object
        while true {
            if let known = cached(at) {
                if deltas.isEmpty {
                    return known.bytes.count > limit ? .tooLarge(type: known.type, size: known.bytes.count) : .object(known)
                }
                base = known
                break
            }
            guard deltas.count <= Self.longestChain, let data = packs[at.pack].data,
                  let header = Self.header(data, at: at.offset) else { return nil }
            switch header.type {
            case 1...4:
                if deltas.isEmpty, header.size > limit { return .tooLarge(type: header.type, size: header.size) }
                guard let bytes = inflate(data, from: header.dataStart, size: header.size, type: header.type) else { return nil }
                base = Object(type: header.type, bytes: bytes)
                if !deltas.isEmpty { keep(base, at: at) }
            case 6:
                // The base is earlier in the same pack, this far back.
                guard let (distance, start) = Self.baseDistance(data, at: header.dataStart),
                      distance > 0, distance <= at.offset - 12 else { return nil }
                deltas.append(Delta(place: at, start: start, size: header.size))
                at = Place(pack: at.pack, offset: at.offset - distance)
                continue
            case 7:
                // The base by id, in any pack (a thin pack's base outside every pack is left
                // to libgit2).
                let start = header.dataStart + 20
                guard start <= data.count,
                      let next = find(ObjectID(bytes: UnsafeRawBufferPointer(rebasing: data[header.dataStart..<start])))
                else { return nil }
                deltas.append(Delta(place: at, start: start, size: header.size))
                at = next
                continue
            default:
                return nil
            }
            break
        }
        // The deltas, from the base's end of the chain to the object asked for.
        for (k, delta) in deltas.enumerated().reversed() {
            guard let data = packs[delta.place.pack].data,
                  let instructions = inflate(data, from: delta.start, size: delta.size, type: 6) else { return nil }
            if k == 0, let size = Self.resultSize(instructions), size > limit {
                return .tooLarge(type: base.type, size: size)
            }
            guard let bytes = apply(instructions, to: base.bytes) else { return nil }
            base = Object(type: base.type, bytes: bytes)
            keep(base, at: delta.place)
        }
        // An object read whole is kept when small: the next version of the file is mostly a
        // delta of it, and a commit a walk reads for its parents is read again for its names
        // and message when it changed the folder.
        if deltas.isEmpty, base.bytes.count <= 4096 { keep(base, at: place) }
        return .object(base)
    }

    /// The slot of a place: the bits of a multiplication that depend on all of the offset.
    private static func slot(_ place: Place) -> Int {
        let key = UInt64(truncatingIfNeeded: place.offset) &+ UInt64(truncatingIfNeeded: place.pack) << 48
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52) & (slotCount - 1)
    }

    private func cached(_ place: Place) -> Object? {
        guard let slot = slots[Self.slot(place)], slot.place == place else { return nil }
        return slot.object
    }

    /// Keeps an object rebuilt at `place` for the reads that follow; every slot is emptied
    /// when the objects kept would grow past `cacheBytes` (a history moves on, it seldom goes back).
    private func keep(_ object: Object, at place: Place) {
        guard object.bytes.count <= Self.largestCached else { return }
        let i = Self.slot(place)
        if let old = slots[i] { cachedBytes -= old.object.bytes.count }
        slots[i] = nil
        if cachedBytes + object.bytes.count > Self.cacheBytes {
            for k in slots.indices { slots[k] = nil }
            cachedBytes = 0
        }
        slots[i] = Slot(place: place, object: object)
        cachedBytes += object.bytes.count
    }

    /// An object's header: its type, its size inflated (for a delta, the delta's), and where
    /// what follows it begins.
    private static func header(_ data: UnsafeRawBufferPointer, at offset: Int) -> (type: UInt8, size: Int, dataStart: Int)? {
        // The pack's own header is 12 bytes and its checksum 20.
        guard offset >= 12, offset < data.count - 20 else { return nil }
        var k = offset
        var byte = data[k]
        let type = (byte >> 4) & 7
        var size = Int(byte & 0x0F)
        var shift = 4
        while byte & 0x80 != 0 {
            k += 1
            guard k < data.count, shift <= 56 else { return nil }
            byte = data[k]
            size |= Int(byte & 0x7F) << shift
            shift += 7
        }
        guard size <= maximumSize else { return nil }
        return (type, size, k + 1)
    }

    /// How far back an offset delta's base is, and where its data begins: seven bits a byte,
    /// each continuation adding one before the shift (git's encoding, with no two ways to
    /// write a number).
    private static func baseDistance(_ data: UnsafeRawBufferPointer, at start: Int) -> (Int, Int)? {
        var k = start
        guard k < data.count else { return nil }
        var byte = data[k]
        var distance = Int(byte & 0x7F)
        while byte & 0x80 != 0 {
            k += 1
            guard k < data.count, distance < (Int.max >> 8) else { return nil }
            byte = data[k]
            distance = ((distance + 1) << 7) | Int(byte & 0x7F)
        }
        return (distance, k + 1)
    }

    /// `size` bytes inflated from the zlib stream at `start`; nil when the stream is damaged
    /// (its checksum included) or holds another number of bytes. The rest of the pack is
    /// given as input: the stream's end is where inflating stops.
    private func inflate(_ data: UnsafeRawBufferPointer, from start: Int, size: Int, type: UInt8) -> [UInt8]? {
        let kind = min(Int(type), 5) - 1
        guard start < data.count, kind >= 0 else { return nil }
        if inflaters[kind] == nil { inflaters[kind] = libdeflate_alloc_decompressor() }
        guard let inflater = inflaters[kind] else { return nil }
        // One byte more than the size: a stream holding more than it said is noticed.
        let out = scratch(size + 1)
        var read = 0, made = 0
        let result = libdeflate_zlib_decompress_ex(inflater, data.baseAddress! + start, data.count - start,
                                                   out.baseAddress, size + 1, &read, &made)
        guard result == LIBDEFLATE_SUCCESS, made == size else { return nil }
        return Array(UnsafeBufferPointer(rebasing: out[..<size]))
    }

    /// The size a delta builds, from its header (the base's size, then the result's).
    static func resultSize(_ delta: [UInt8]) -> Int? {
        var k = 0
        guard varint(delta, at: &k) != nil else { return nil }
        return varint(delta, at: &k)
    }

    /// A delta's result: its instructions copy ranges of `base` or insert bytes of their own.
    /// nil when the delta is not for a base of this size, reaches outside it, or builds
    /// another number of bytes than it says.
    func apply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        var k = 0
        guard let baseSize = Self.varint(delta, at: &k), baseSize == base.count,
              let size = Self.varint(delta, at: &k), size <= Self.maximumSize else { return nil }
        var failed = false
        var written = 0
        let out = scratch(size)
        delta.withUnsafeBufferPointer { d in
            base.withUnsafeBufferPointer { b in
                var at = 0
                while k < d.count {
                    let op = d[k]
                    k += 1
                    if op & 0x80 != 0 {
                        // Copy: which offset and size bytes follow is in the low seven bits.
                        var offset = 0, length = 0
                        for bit in 0..<4 where op & (1 << bit) != 0 {
                            guard k < d.count else { failed = true; return }
                            offset |= Int(d[k]) << (8 * bit)
                            k += 1
                        }
                        for bit in 0..<3 where op & (0x10 << bit) != 0 {
                            guard k < d.count else { failed = true; return }
                            length |= Int(d[k]) << (8 * bit)
                            k += 1
                        }
                        if length == 0 { length = 0x10000 }
                        guard offset + length <= b.count, at + length <= size else { failed = true; return }
                        out.baseAddress!.advanced(by: at).update(from: b.baseAddress!.advanced(by: offset), count: length)
                        at += length
                    } else if op != 0 {
                        // Insert the next `op` bytes.
                        let length = Int(op)
                        guard k + length <= d.count, at + length <= size else { failed = true; return }
                        out.baseAddress!.advanced(by: at).update(from: d.baseAddress!.advanced(by: k), count: length)
                        k += length
                        at += length
                    } else {
                        failed = true
                        return
                    }
                }
                written = at
            }
        }
        guard !failed, written == size else { return nil }
        return Array(UnsafeBufferPointer(rebasing: out[..<size]))
    }

    /// A size in a delta's header: seven bits a byte, least significant first.
    private static func varint(_ bytes: [UInt8], at k: inout Int) -> Int? {
        var value = 0, shift = 0
        while k < bytes.count {
            let byte = bytes[k]
            k += 1
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
            guard shift <= 56 else { return nil }
        }
        return nil
    }
}
