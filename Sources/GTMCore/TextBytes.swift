/// Text put together as UTF-8 bytes and made a `String` once at the end. `gtm log` writes a
/// sentence and a line for each of thousands of commits out of a dozen pieces each; appending
/// a piece to a `String` cost several hundred instructions (a check that the string is not
/// shared, room, its counts and flags).
///
/// The bytes are kept in memory of the text's own (`Storage`), not in an array: an array's
/// generic `append(contentsOf:)` cost about 85 instructions a piece, most of a short piece's
/// whole cost, where a copy into room already made is a few. Copies of a `TextBytes` share
/// that memory until one of them is written to, as an array's would.
public struct TextBytes: Sendable {
    private var storage: Storage

    public init(capacity: Int = 128) { storage = Storage(capacity: capacity) }

    /// The bytes, as an array (a copy).
    public var bytes: [UInt8] { storage.withBytes { Array($0) } }
    public var count: Int { storage.count }
    public var last: UInt8? { storage.count == 0 ? nil : storage.base[storage.count - 1] }
    public var string: String { storage.withBytes { String(decoding: $0, as: UTF8.self) } }

    public mutating func append(_ text: String) {
        // A native string's own buffer is read in place; only another kind is copied to a
        // var for `withUTF8`.
        if text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) != nil { return }
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(bytes: $0) }
    }
    public mutating func append(byte: UInt8) {
        room(for: 1)
        storage.base[storage.count] = byte
        storage.count += 1
    }
    public mutating func append(_ other: TextBytes) { other.storage.withBytes { append(bytes: $0) } }
    public mutating func removeLast() {
        precondition(storage.count > 0, "removeLast from empty text")
        room(for: 0)
        storage.count -= 1
    }

    /// A whole number with thousands separators, as `Figures.grouped` writes it.
    public mutating func append(grouped whole: Int) {
        Figures.withGroupedDigits(whole) { append(bytes: $0) }
    }

    /// The bytes from `start` on, replaced by what `transform` makes of them as a string
    /// (escaping, say), when `needed` says the transform would change them.
    public mutating func rewrite(from start: Int, if needed: (UnsafeBufferPointer<UInt8>) -> Bool,
                                 _ transform: (String) -> String) {
        precondition(start >= 0 && start <= storage.count, "rewrite from outside the text")
        let change = storage.withBytes { needed(UnsafeBufferPointer(rebasing: $0[start...])) }
        guard change else { return }
        let rewritten = transform(storage.withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) })
        room(for: 0)
        storage.count = start
        append(rewritten)
    }

    /// Appends a run of bytes.
    @inline(__always)
    public mutating func append(bytes source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress, !source.isEmpty else { return }
        room(for: source.count)
        (storage.base + storage.count).update(from: from, count: source.count)
        storage.count += source.count
    }

    /// Memory of this text's own (copied when shared), with room for `extra` more bytes.
    @inline(__always)
    private mutating func room(for extra: Int) {
        let needed = storage.count + extra
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: max(needed, storage.capacity))
        } else if needed > storage.capacity {
            storage.grow(to: max(needed, storage.capacity * 2))
        }
    }

    /// The bytes and their room. Written only through a `TextBytes` that holds the one
    /// reference to it (`room(for:)` copies it first otherwise), so shared, it is only read.
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            body(UnsafeBufferPointer(start: base, count: count))
        }

        func copy(capacity: Int) -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.update(from: base, count: count)
            copy.count = count
            return copy
        }

        func grow(to capacity: Int) {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            self.capacity = capacity
        }
    }
}
