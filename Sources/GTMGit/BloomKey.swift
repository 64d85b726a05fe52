/// A path hashed the way git's changed-path Bloom filters hash it: two seeded murmur3 hashes,
/// combined as `hash0 + i * hash1` for each of the filter's hash functions (git's `bloom.c`).
/// Computed once per walk, then tested against each commit's filter.
public struct BloomKey: Sendable, Hashable {
    let hash0: UInt32
    let hash1: UInt32
    /// Version 1 filters hashed bytes as signed chars, so they agree with this (version 2,
    /// unsigned) hash only for ASCII paths; a non-ASCII key is only tested against version 2.
    let ascii: Bool

    /// A path without a leading or trailing slash, as git stores it (`strategy`, `gtm/strategy`).
    public init(path: String) {
        let bytes = Array(path.utf8)
        hash0 = Self.murmur3(seed: 0x293A_E76F, bytes)
        hash1 = Self.murmur3(seed: 0x7E64_6E2C, bytes)
        ascii = bytes.allSatisfy { $0 < 0x80 }
    }

    /// Murmur3 (32-bit), bytes read as unsigned: git's `murmur3_seeded_v2`.
    static func murmur3(seed: UInt32, _ data: [UInt8]) -> UInt32 {
        let c1: UInt32 = 0xCC9E_2D51, c2: UInt32 = 0x1B87_3593
        var h = seed
        let blocks = data.count / 4
        for i in 0..<blocks {
            var k = UInt32(data[4 * i]) | UInt32(data[4 * i + 1]) << 8 | UInt32(data[4 * i + 2]) << 16 | UInt32(data[4 * i + 3]) << 24
            k = k &* c1
            k = k.rotatedLeft(15)
            k = k &* c2
            h ^= k
            h = h.rotatedLeft(13) &* 5 &+ 0xE654_6B64
        }
        var k1: UInt32 = 0
        let tail = blocks * 4
        switch data.count & 3 {
        case 3:
            k1 ^= UInt32(data[tail + 2]) << 16
            fallthrough
        case 2:
            k1 ^= UInt32(data[tail + 1]) << 8
            fallthrough
        case 1:
            k1 ^= UInt32(data[tail])
            k1 = k1 &* c1
            k1 = k1.rotatedLeft(15)
            k1 = k1 &* c2
            h ^= k1
        default:
            break
        }
        h ^= UInt32(truncatingIfNeeded: data.count)
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }
}

extension UInt32 {
    @inline(__always)
    func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}
