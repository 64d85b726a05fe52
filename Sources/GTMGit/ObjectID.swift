internal import CLibGit2

/// A git object id, copied out of libgit2.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    let raw: [UInt8]

    init(_ oid: git_oid) {
        var copy = oid
        raw = withUnsafeBytes(of: &copy.id) { Array($0) }
    }

    /// An id from its raw bytes (20 for SHA-1), as a commit-graph file stores it.
    init(raw: [UInt8]) {
        self.raw = raw
    }

    /// Parses a full hexadecimal id.
    public init?(hex: String) {
        guard hex.count == 40 || hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var chars = Array(hex.utf8)[...]
        while chars.count >= 2 {
            guard let b = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            bytes.append(b)
            chars = chars.dropFirst(2)
        }
        raw = bytes
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { dst in
            for (i, b) in raw.prefix(dst.count).enumerated() { dst[i] = b }
        }
        return oid
    }

    /// The full hexadecimal id.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count * 2)
        for b in raw {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var short: String { String(hex.prefix(7)) }
    public var description: String { hex }
    public static func < (a: ObjectID, b: ObjectID) -> Bool { a.raw.lexicographicallyPrecedes(b.raw) }
}
