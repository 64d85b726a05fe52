import Dispatch
import GTMSystem
import Synchronization

/// Work done on the other cores while the walk that finds it goes on. History commands walk
/// thousands of commits through libgit2 on one thread; the files the walk finds are read (each
/// worker with a repository handle of its own, `BlobReaders`) and parsed (`gtm log`) or linted
/// (`gtm bugs`) meanwhile, a batch at a time, instead of after the walk.
final class WorkAhead<Item: Sendable, Output: Sendable>: Sendable {
    private let work: @Sendable (Item) -> Output
    private let group = DispatchGroup()
    private let results = Mutex<[Output]>([])
    /// With one lane, batches wait here in order, and whichever thread is free takes the next.
    private let waiting = Mutex<[[Item]]>([])
    private let lane: DispatchQueue?

    /// `oneLane`: batches are done one at a time on one other thread while the walk goes on,
    /// so that the walk keeps a core of its own (on two cores, two workers and the walk took
    /// turns on them); at `finish` the caller takes its share of what still waits.
    init(oneLane: Bool = false, _ work: @escaping @Sendable (Item) -> Output) {
        self.work = work
        lane = oneLane ? DispatchQueue(label: "gtm.work-ahead") : nil
    }

    /// Does the work of a batch on a worker thread.
    func submit(_ batch: [Item]) {
        guard !batch.isEmpty else { return }
        if let lane {
            waiting.withLock { $0.append(batch) }
            lane.async(group: group) { [self] in _ = doNextWaiting() }
            return
        }
        DispatchQueue.global().async(group: group) { [self] in perform(batch) }
    }

    /// Does a batch's work on this thread and keeps its outputs. The heap of a thread that works
    /// here gets huge pages as the main thread's does (see `Allocator`).
    private func perform(_ batch: [Item]) {
        Allocator.hugePagesForThisThread()
        let done = batch.map(work)
        results.withLock { $0 += done }
    }

    /// Does the batch that has waited longest, if any; whether there was one.
    private func doNextWaiting() -> Bool {
        guard let batch = waiting.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { return false }
        perform(batch)
        return true
    }

    /// What is left, in pieces on every core, then every output: waits for the batches still
    /// running.
    func finish(_ rest: [Item], piece: Int = 4) -> [Output] {
        var left = rest[...]
        while !left.isEmpty {
            submit(Array(left.prefix(piece)))
            left = left.dropFirst(piece)
        }
        if lane != nil { while doNextWaiting() {} }
        group.wait()
        return results.withLock { $0 }
    }
}
