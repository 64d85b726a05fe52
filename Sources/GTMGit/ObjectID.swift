internal import CLibGit2

/// A git object id, copied out of libgit2 or a commit-graph file. Held inline, four words
/// and a length, not as an array: a history walk makes tens of thousands of them and keys
/// dictionaries by them, and an id on the heap cost an allocation each and a hash byte by byte.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The bytes in order, big-endian in each word (so words compare as the bytes do), zero
    /// past `count`.
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    /// 20 for SHA-1, 32 for SHA-256.
    let count: UInt8

    init(_ oid: git_oid) {
        var copy = oid
        self = withUnsafeBytes(of: &copy.id) { ObjectID(bytes: $0) }
    }

    /// An id from its raw bytes (20 for SHA-1, at most 32), as a commit-graph file stores it.
    init(bytes: UnsafeRawBufferPointer) {
        let n = min(bytes.count, 32)
        count = UInt8(n)
        // Whole words straight from memory; the tail (4 bytes of a SHA-1) byte by byte.
        func word(_ k: Int) -> UInt64 { UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
        let whole = n / 8
        if whole > 0 { w0 = word(0) }
        if whole > 1 { w1 = word(1) }
        if whole > 2 { w2 = word(2) }
        if whole > 3 { w3 = word(3) }
        if n == 20 {
            w2 = UInt64(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))) << 32
        } else {
            for i in (8 * whole)..<n { setByte(i, bytes[i]) }
        }
    }

    /// Parses a full hexadecimal id (40 or 64 digits, either case).
    public init?(hex: String) {
        let parsed = hex.utf8.withContiguousStorageIfAvailable { ObjectID(hexDigits: UnsafeRawBufferPointer($0)) }
            ?? Array(hex.utf8).withUnsafeBytes { ObjectID(hexDigits: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses 40 or 64 hexadecimal digits, sixteen to a word, each digit's value from a table
    /// (with a high bit for a byte that is not a digit): a walk parses two ids per commit from
    /// its header.
    public init?(hexDigits digits: UnsafeRawBufferPointer) {
        guard digits.count == 40 || digits.count == 64 else { return nil }
        count = UInt8(digits.count / 2)
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let valid = Self.digitValues.withUnsafeBufferPointer { table in
            var seen: UInt8 = 0
            func word(_ k: Int, digits n: Int) -> UInt64 {
                var w: UInt64 = 0
                for i in 16 * k..<16 * k + n {
                    let v = table[Int(digits[i])]
                    seen |= v
                    w = w << 4 | UInt64(v & 0xF)
                }
                return w << UInt64(4 * (16 - n))
            }
            words.0 = word(0, digits: 16)
            words.1 = word(1, digits: 16)
            if digits.count == 40 {
                words.2 = word(2, digits: 8)
            } else {
                words.2 = word(2, digits: 16)
                words.3 = word(3, digits: 16)
            }
            return seen & 0x80 == 0
        }
        guard valid else { return nil }
        (w0, w1, w2, w3) = words
    }

    /// Each byte's value as a hexadecimal digit, either case; 0x80 for any other byte.
    private static let digitValues: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        case 0x41...0x46: UInt8(byte - 0x41 + 10)
        default: 0x80
        }
    }

    private mutating func setByte(_ i: Int, _ b: UInt8) {
        let shift = UInt64(56 - 8 * (i % 8))
        switch i / 8 {
        case 0: w0 |= UInt64(b) << shift
        case 1: w1 |= UInt64(b) << shift
        case 2: w2 |= UInt64(b) << shift
        default: w3 |= UInt64(b) << shift
        }
    }

    /// The first eight bytes as one word: ids are ordered by it first (`SortedIDs.swift`).
    var leadingWord: UInt64 { w0 }

    func byte(_ i: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: word(i / 8) >> UInt64(56 - 8 * (i % 8)))
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { dst in
            let n = min(Int(count), dst.count)
            // Whole words where they fit, as `init(bytes:)` reads them; the rest a byte at a time.
            let whole = n / 8
            for k in 0..<whole { dst.storeBytes(of: word(k).bigEndian, toByteOffset: 8 * k, as: UInt64.self) }
            for i in 8 * whole..<n { dst[i] = byte(i) }
        }
        return oid
    }

    private func word(_ k: Int) -> UInt64 {
        switch k {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    /// The first sixteen bytes of a hash already spread keys evenly: hashing two words instead
    /// of five values halves what a walk's dictionaries of ids pay to hash.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(w0)
        hasher.combine(w1)
    }

    /// The full hexadecimal id.
    public var hex: String { hexDigits(Int(count) * 2) }

    /// The first seven digits, as git abbreviates an id.
    public var short: String { hexDigits(7) }

    /// The first `n` hexadecimal digits.
    private func hexDigits(_ n: Int) -> String {
        String(unsafeUninitializedCapacity: n) { out in
            writeHexDigits(n, to: out, at: 0)
            return n
        }
    }

    /// The first `n` hexadecimal digits written at `start`, eight at a time (`hexDigits(of:)`).
    private func writeHexDigits(_ n: Int, to out: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        precondition(start >= 0 && start + n <= out.count)
        let base = UnsafeMutableRawPointer(out.baseAddress! + start)
        var j = 0
        while j < n {
            let w = word(j / 16)
            let half = UInt32(truncatingIfNeeded: j % 16 == 0 ? w >> 32 : w)
            let digits = Self.hexDigits(of: half)
            if n - j >= 8 {
                base.storeBytes(of: digits, toByteOffset: j, as: UInt64.self)
            } else {
                withUnsafeBytes(of: digits) { for k in 0..<(n - j) { base.storeBytes(of: $0[k], toByteOffset: j + k, as: UInt8.self) } }
            }
            j += 8
        }
    }

    /// The eight hexadecimal digits of 32 bits, most significant first, as the bytes of a word
    /// in memory order: each nibble spread to a byte, then made a digit or a letter, all eight
    /// at once. (A digit at a time, an id's forty took most of the time of writing `gtm log`'s
    /// cache of thousands of commits.)
    @inline(__always)
    static func hexDigits(of half: UInt32) -> UInt64 {
        var x = UInt64(half)
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // 1 in each byte holding 10 or more.
        let letters = ((x &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let ascii = x &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
        // The most significant nibble is the first digit: first in memory.
        return UInt64(littleEndian: ascii.byteSwapped)
    }
    public var description: String { hex }

    /// The full hexadecimal id appended to `bytes`: a file of thousands of ids (`LogCache`) is
    /// written without a `String` per id.
    public func appendHex(to bytes: inout [UInt8]) {
        let n = 2 * Int(count)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits in
            writeHexDigits(n, to: digits, at: 0)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<n]))
        }
    }

    public static func < (a: ObjectID, b: ObjectID) -> Bool {
        (a.w0, a.w1, a.w2, a.w3, a.count) < (b.w0, b.w1, b.w2, b.w3, b.count)
    }
}
