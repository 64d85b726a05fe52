#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable run of plain values in memory of its own, freed by the one object that holds it
/// (`NodeTree`, in its `deinit`): the owner calls `deallocate()`, nothing else does.
///
/// A Swift array that is a class's stored property is retained and released at every read
/// through the object, since another reference could replace it meanwhile. A history compares
/// thousands of versions of a file node by node, and those counts (two per array per key
/// looked up, per value compared, per node read) were more of its time than the comparing.
/// This is a pointer, a count and a capacity: read through the object, nothing is counted.
/// Reads are checked against the count, as an array's are.
struct FlatBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var count = 0
    private(set) var capacity = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return base.unsafelyUnwrapped[position]
        }
        set {
            precondition(position >= 0 && position < count, "index out of range")
            base.unsafelyUnwrapped[position] = newValue
        }
    }

    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Room for at least `minimum` values in all.
    mutating func reserveCapacity(_ minimum: Int) {
        guard minimum > capacity else { return }
        resize(to: minimum)
    }

    mutating func append(_ value: Element) {
        if count == capacity { resize(to: max(16, capacity + capacity / 2 + 1)) }
        base.unsafelyUnwrapped[count] = value
        count += 1
    }

    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress, !values.isEmpty else { return }
        if count + values.count > capacity { resize(to: max(count + values.count, capacity + capacity / 2 + 1)) }
        (base.unsafelyUnwrapped + count).update(from: source, count: values.count)
        count += values.count
    }

    mutating func append(contentsOf values: [Element]) {
        values.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf other: FlatBuffer<Element>) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Gives back the spare room.
    mutating func shrinkToFit() {
        guard capacity > count else { return }
        if count == 0 {
            deallocate()
            self = FlatBuffer()
        } else {
            resize(to: count)
        }
    }

    /// A copy in memory of its own, for another owner.
    func copied() -> FlatBuffer<Element> {
        var copy = FlatBuffer()
        copy.append(contentsOf: self)
        return copy
    }

    /// Frees the memory; called once, by the owner, when it goes.
    func deallocate() {
        free(base)
    }

    private mutating func resize(to newCapacity: Int) {
        let bytes = newCapacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        precondition(!bytes.overflow, "a buffer larger than memory")
        guard let grown = realloc(base, max(bytes.partialValue, 1)) else { fatalError("out of memory") }
        base = grown.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }
}
