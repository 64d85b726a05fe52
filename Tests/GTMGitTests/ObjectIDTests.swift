import Testing
@testable import GTMGit

/// Ids are parsed a word at a time and copied into libgit2's `git_oid` a word at a time: each
/// way must agree with the bytes, digit for digit.
@Suite struct ObjectIDTests {
    /// Bytes from a fixed linear congruential sequence: varied digits, the same every run.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test(arguments: [(20, 1), (20, 2), (20, 3), (32, 4), (32, 5), (20, 6)] as [(Int, UInt64)])
    func hexRoundTrip(count: Int, seed: UInt64) throws {
        let raw = Self.bytes(count, seed: seed)
        let id = raw.withUnsafeBytes { ObjectID(bytes: $0) }
        #expect(id.hex == Self.hex(raw))
        #expect(id.short == String(Self.hex(raw).prefix(7)))
        #expect(ObjectID(hex: Self.hex(raw)) == id)
        #expect(ObjectID(hex: Self.hex(raw).uppercased()) == id)
        for i in 0..<count { #expect(id.byte(i) == raw[i]) }
        // Appended after what a buffer already holds, which stays as it was.
        var buffer = Array("id ".utf8)
        id.appendHex(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "id " + Self.hex(raw))
    }

    /// Every digit and letter, in every place of a word, and the ends of the range.
    @Test(arguments: ["0123456789abcdeffedcba98765432100f1e2d3c", "ffffffffffffffffffffffffffffffffffffffff",
                      "0000000000000000000000000000000000000000", "a0b1c2d3e4f5061728394a5b6c7d8e9fa9b8c7d6",
                      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"])
    func everyDigitIsWrittenInItsPlace(hex: String) throws {
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.short == String(hex.prefix(7)))
        var buffer: [UInt8] = []
        id.appendHex(to: &buffer)
        #expect(buffer == Array(hex.utf8))
    }

    @Test(arguments: [1, 2, 3, 4])
    func oidHoldsTheSameBytes(seed: UInt64) {
        let raw = Self.bytes(20, seed: seed)
        let id = raw.withUnsafeBytes { ObjectID(bytes: $0) }
        var oid = id.oid
        let copied = withUnsafeBytes(of: &oid.id) { Array($0.prefix(20)) }
        #expect(copied == raw)
        #expect(ObjectID(oid) == id)
    }

    @Test(arguments: [
        "",
        "0123456789abcdef0123456789abcdef0123456",  // 39 digits
        "0123456789abcdef0123456789abcdef012345678",  // 41
        "0123456789abcdef0123456789abcdef0123456g",  // a letter past f, last
        "g123456789abcdef0123456789abcdef01234567",  // first
        "0123456789abcdef 123456789abcdef01234567",  // a space in the second word
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde:",  // 64, a colon
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",  // 65
    ])
    func malformedDigitsAreRefused(text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    @Test func equalIdsHashAlike() {
        let a = ObjectID(hex: "00112233445566778899aabbccddeeff00112233")!
        let b = ObjectID(hex: "00112233445566778899AABBCCDDEEFF00112233")!
        let c = ObjectID(hex: "00112233445566778899aabbccddeeff00112234")!
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
        #expect(a < c)
    }
}
