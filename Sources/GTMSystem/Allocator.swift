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
    /// (`hugePagesForThisThread`): 3,774 → 1,138 faults, and 0.956 of the time run by run. Only
    /// advice: it changes where memory comes from, never what any of it holds. Called when a
    /// history session starts; a check, whose heap stays small, is left as it was.
    public static func hugePagesForTheHeap() {
        #if canImport(Glibc)
        guard let probe = malloc(96 << 10) else { return }
        defer { free(probe) }
        let start = (Int(bitPattern: probe) + hugePage - 1) & ~(hugePage - 1)
        let end = Int(bitPattern: sbrk(0))
        // Not in the main heap (an allocator other than glibc's), or not grown by the pad: left as is.
        guard end > start + hugePage, end - start <= 2 * pad else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), (end - start) & ~(hugePage - 1), MADV_HUGEPAGE)
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
        #endif
    }

    /// How much a heap grows at a time.
    static let pad = 16 << 20
    static let hugePage = 2 << 20
    /// glibc's `HEAP_MAX_SIZE` on 64-bit systems: twice the largest mmap threshold, 32 MiB.
    static let threadHeap = 64 << 20
    /// The thread heaps advised so far, by their first address.
    private static let advised = Mutex<Set<Int>>([])
}
