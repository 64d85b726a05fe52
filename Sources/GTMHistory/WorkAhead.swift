import Dispatch
import Synchronization

/// Work done on the other cores while the walk that finds it goes on. History commands walk
/// thousands of commits through libgit2 on one thread; the files the walk finds are read (each
/// worker with a repository handle of its own, `BlobReaders`) and parsed (`gtm log`) or linted
/// (`gtm bugs`) meanwhile, a batch at a time, instead of after the walk.
final class WorkAhead<Item: Sendable, Output: Sendable>: Sendable {
    private let work: @Sendable (Item) -> Output
    private let group = DispatchGroup()
    private let results = Mutex<[Output]>([])

    init(_ work: @escaping @Sendable (Item) -> Output) { self.work = work }

    /// Does the work of a batch on a worker thread.
    func submit(_ batch: [Item]) {
        guard !batch.isEmpty else { return }
        DispatchQueue.global().async(group: group) { [self] in
            let done = batch.map(work)
            results.withLock { $0 += done }
        }
    }

    /// What is left, in pieces on every core, then every output: waits for the batches still
    /// running.
    func finish(_ rest: [Item], piece: Int = 4) -> [Output] {
        var left = rest[...]
        while !left.isEmpty {
            submit(Array(left.prefix(piece)))
            left = left.dropFirst(piece)
        }
        group.wait()
        return results.withLock { $0 }
    }
}
