#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches in raw object text, by the C library's `memchr` and a plain backward loop.
/// The collection searches they replace (`firstIndex(of:)`, `lastIndex(of:)`, `contains` on
/// a slice of raw bytes) went through a generic iterator a byte at a time, and reading the
/// names of two thousand commits spent more in them than in the rest of the parse.
extension UnsafeRawBufferPointer {
    /// The first place of `byte` in `from..<to` (the end by default), or nil.
    func firstPlace(of byte: UInt8, from: Int, to end: Int? = nil) -> Int? {
        let end = end ?? count
        precondition(from >= 0 && end <= count)
        guard from < end, let base = baseAddress, let found = memchr(base + from, Int32(byte), end - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// The last place of `byte` in `from..<to`, or nil.
    func lastPlace(of byte: UInt8, from: Int, to end: Int) -> Int? {
        precondition(from >= 0 && end <= count)
        var i = end
        while i > from {
            i -= 1
            if self[i] == byte { return i }
        }
        return nil
    }
}
