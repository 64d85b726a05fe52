import Dispatch

/// Maps in parallel over the cores when there is enough work to pay for the threads: `from`
/// items on (small files are not worth a thread each; a few large pieces of work are).
public func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], from minimum: Int = 8, _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < max(minimum, 2) { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let shared = results
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        shared[i] = transform(items[i])
    }
    return results.map { $0! }
}
