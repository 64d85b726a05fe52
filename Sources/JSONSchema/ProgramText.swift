/// Integers and byte strings written as printable ASCII, so that a compiled schema fits in a
/// Swift string literal: the bundled schemas' validity programs are compiled when gtm is
/// built (`Plugins/SchemaPrograms`) and read back at start instead of parsing and compiling
/// the schemas' JSON.
///
/// Each integer is zigzag-encoded (small negatives such as the -1 of "absent" stay short),
/// then written five bits a character, lowest first: `?` (0x3F) plus the five bits, plus 32
/// when more characters follow. Every character is thus between `?` and `~`; only `\` needs
/// escaping in a literal.
struct ProgramTextWriter {
    private(set) var bytes: [UInt8] = []

    static let base: UInt8 = 0x3F
    static let more: UInt8 = 0x20

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 32 {
            bytes.append(Self.base + Self.more + UInt8(v & 31))
            v >>= 5
        }
        bytes.append(Self.base + UInt8(v))
    }

    mutating func int32(_ value: Int32) { int(Int(value)) }

    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    /// A string: its length in bytes, then each byte as two characters (`?` plus each half).
    mutating func string(_ text: String) {
        int(text.utf8.count)
        for b in text.utf8 {
            bytes.append(Self.base + (b >> 4))
            bytes.append(Self.base + (b & 15))
        }
    }

    mutating func optionalString(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }
}

/// Reads what `ProgramTextWriter` wrote. Text that ends early or holds a character outside
/// the alphabet marks the reader failed; the caller then compiles the schemas instead.
struct ProgramTextReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private(set) var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { at == bytes.count }

    mutating func int() -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count, shift < 64 {
            let c = bytes[at]
            at += 1
            guard c >= ProgramTextWriter.base, c <= 0x7E else { break }
            let digit = c - ProgramTextWriter.base
            v |= UInt64(digit & 31) << shift
            shift += 5
            if digit & ProgramTextWriter.more == 0 {
                return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
            }
        }
        failed = true
        return 0
    }

    /// Marks the text as not a program (a value the reader cannot use).
    mutating func fail() { failed = true }

    /// An integer that must lie in `0 ..< bound` (a count or an index): anything else fails.
    mutating func index(below bound: Int) -> Int {
        let v = int()
        guard v >= 0, v < bound else { failed = true; return 0 }
        return v
    }

    mutating func int32() -> Int32 { Int32(truncatingIfNeeded: int()) }

    mutating func bool() -> Bool { int() != 0 }

    mutating func string() -> String {
        let count = int()
        guard !failed, count >= 0, count <= (bytes.count - at) / 2 else { failed = true; return "" }
        let start = at
        at += 2 * count
        var bad = false
        let text = String(unsafeUninitializedCapacity: count) { out in
            for i in 0 ..< count {
                let high = bytes[start + 2 * i] &- ProgramTextWriter.base, low = bytes[start + 2 * i + 1] &- ProgramTextWriter.base
                if high > 15 || low > 15 { bad = true }
                out[i] = high << 4 | (low & 15)
            }
            return count
        }
        if bad { failed = true }
        return text
    }

    mutating func optionalString() -> String? {
        bool() ? string() : nil
    }
}
