#if canImport(Glibc)
import Glibc
#endif

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
        _ = mallopt(topPad, 16 << 20)
        #endif
    }
}
