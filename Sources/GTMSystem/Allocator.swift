#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The C allocator tuned for a process that lives for a moment. By default glibc gives the top
/// of a heap back to the system as soon as 128 KiB of it is free, and grows a heap a page range
/// at a time: a history command's threads then shrink and grow their heaps hundreds of times,
/// each a system call, and wait on each other's allocator locks meanwhile (`strace -c` of a
/// first `gtm log` on 10,000 commits: 885 `mprotect` and 2,758 `futex` calls; after: 7 and
/// under 1,300). Memory freed is kept for the next allocation and given back at exit, and a
/// heap grows 16 MiB at a time: address space, not memory used, so the peak stays as it was.
public enum Allocator {
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module leaves out: it is
        // looked up by name. Its parameters, from that header:
        let trimThreshold: Int32 = -1, topPad: Int32 = -2
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(topPad, Int32(pad))
        #endif
    }

    /// Asks the system to back the main thread's heap with huge pages where it lends them on
    /// request (`/sys/kernel/mm/transparent_hugepage/enabled` set to `madvise`; with `always`
    /// it does so anyway, with `never` not at all): the heap's next 16 MiB (`keepFreedMemory`'s
    /// pad), grown now by an allocation its top cannot hold, advised whole.
    ///
    /// A first `gtm log` puts megabytes of new heap to use, each 4 KiB page a fault of its own,
    /// zeroed and charged one at a time: on this project's build machine a tenth of its time,
    /// about 2.5 µs a page. In huge pages, with the comparing threads' heaps advised too
    /// (`hugePagesForThisThread`): 3,774 → 1,138 faults, and 0.956 of the time run by run; with
    /// the small-page block below each heap's first huge page left unused (`skip`), 1,300 → 565
    /// faults and 0.952 of the time. Only advice and address space: it changes where memory
    /// comes from, never what any of it holds. Called when a history session starts; a check,
    /// whose heap stays small, is left as it was.
    public static func hugePagesForTheHeap() {
        #if canImport(Glibc)
        guard let probe = malloc(96 << 10) else { return }
        let start = (Int(bitPattern: probe) + hugePage - 1) & ~(hugePage - 1)
        let end = Int(bitPattern: sbrk(0))
        // Not in the main heap (an allocator other than glibc's), or not grown by the pad: left as is.
        guard end > start + hugePage, end - start <= 2 * pad else { return free(probe) }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), (end - start) & ~(hugePage - 1), MADV_HUGEPAGE)
        // The probe stays: with the rest of its block, it keeps the allocations that follow
        // out of the small pages below the first huge one (once: a later session's probe lies
        // in memory already advised and in use).
        guard mainHeapSkipped.withLock({ skipped in defer { skipped = true }; return !skipped }) else { return free(probe) }
        skip(from: Int(bitPattern: probe) + (96 << 10), to: start)
        #endif
    }

    /// The same for the heap of the thread calling, once per heap: glibc gives a thread that
    /// allocates a heap of its own, reserved 64 MiB at a time at an address aligned to that
    /// size, and used from its start. Called by a thread before the work it was made for; a
    /// thread that allocates in the main heap (no heap of its own) is left as it is.
    public static func hugePagesForThisThread() {
        #if canImport(Glibc)
        guard let probe = malloc(64) else { return }
        defer { free(probe) }
        let address = Int(bitPattern: probe)
        guard address > Int(bitPattern: sbrk(0)) else { return }
        let base = address & ~(threadHeap - 1)
        guard advised.withLock({ $0.insert(base).inserted }) else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: base), threadHeap, MADV_HUGEPAGE)
        // The heap's first block was in use before the advice (the thread's first allocations
        // made the heap), so it stays in small pages: the allocations that follow are kept out
        // of the rest of it. (Making it one huge page instead, `MADV_COLLAPSE`, took from 0.5
        // to 2.3 ms, more than its 512 faults.)
        guard let top = malloc(skipPiece) else { return }
        skip(from: Int(bitPattern: top) + skipPiece, to: base + hugePage)
        #endif
    }

    /// Takes the heap's memory from `from` up to `to` (at most a block) out of use, in pieces
    /// glibc carves from the top of the heap (smaller than its 128 KiB threshold for memory of
    /// its own), never given back: the allocations that follow start at `to`, in huge pages,
    /// where each would otherwise have faulted the small pages below it one by one (a first
    /// `gtm log`: about 500 faults in the comparing thread's heap and 350 in the main one, each
    /// about 2.5 µs). Only the pages of the pieces' headers are touched; the rest stays address
    /// space. A piece not placed at the top, as a heap's top would place it, stops the taking.
    static func skip(from: Int, to: Int) {
        #if canImport(Glibc)
        var at = from
        while to - at > skipPiece, to - at <= hugePage {
            guard let piece = malloc(skipPiece) else { return }
            let address = Int(bitPattern: piece)
            // glibc puts a 16-byte header before each piece.
            guard address >= at, address <= at + 64 else { return free(piece) }
            at = address + skipPiece
        }
        #endif
    }

    /// The size of the pieces `skip` takes: under glibc's threshold for memory of its own.
    static let skipPiece = 120 << 10
    /// Whether the main heap's first small-page block has been taken out of use.
    private static let mainHeapSkipped = Mutex(false)

    /// How much a heap grows at a time.
    static let pad = 16 << 20
    static let hugePage = 2 << 20
    /// glibc's `HEAP_MAX_SIZE` on 64-bit systems: twice the largest mmap threshold, 32 MiB.
    static let threadHeap = 64 << 20
    /// The thread heaps advised so far, by their first address.
    private static let advised = Mutex<Set<Int>>([])
}
