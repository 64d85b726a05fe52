/// Text put together as UTF-8 bytes and made a `String` once at the end. `gtm log` writes a
/// sentence and a line for each of thousands of commits out of a dozen pieces each; appending
/// a piece to a `String` cost several hundred instructions (a check that the string is not
/// shared, room, its counts and flags), to an array of bytes a copy.
public struct TextBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

    public var count: Int { bytes.count }
    public var last: UInt8? { bytes.last }
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func append(_ text: String) {
        // Through a buffer: appending the UTF-8 view as a sequence cost three times as much.
        // A native string's own buffer is read in place; only another kind is copied to a
        // var for `withUTF8` (the copy counted a reference for every piece appended).
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) != nil { return }
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    public mutating func append(byte: UInt8) { bytes.append(byte) }
    public mutating func append(_ other: TextBytes) { bytes.append(contentsOf: other.bytes) }
    public mutating func removeLast() { bytes.removeLast() }

    /// A whole number with thousands separators, as `Figures.grouped` writes it.
    public mutating func append(grouped whole: Int) {
        Figures.withGroupedDigits(whole) { bytes.append(contentsOf: $0) }
    }

    /// The bytes from `start` on, replaced by what `transform` makes of them as a string
    /// (escaping, say), when `needed` says the transform would change them.
    public mutating func rewrite(from start: Int, if needed: (UnsafeBufferPointer<UInt8>) -> Bool,
                                 _ transform: (String) -> String) {
        let change = bytes.withUnsafeBufferPointer { needed(UnsafeBufferPointer(rebasing: $0[start...])) }
        guard change else { return }
        let rewritten = transform(String(decoding: bytes[start...], as: UTF8.self))
        bytes.removeSubrange(start...)
        append(rewritten)
    }
}
