#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GTMSystem
import Synchronization
import Testing

/// A thread's heap, once advised, is a mapping the system may back with huge pages (`hg` among
/// its flags in /proc/self/smaps), and what it holds is untouched.
@Suite("The allocator's heaps")
struct AllocatorTests {
    @Test func aThreadsOwnHeapIsAdvisedForHugePages() throws {
        #if canImport(Glibc)
        let probe = try #require(malloc(64))
        defer { free(probe) }
        probe.storeBytes(of: 0x5EED_5EED, as: UInt32.self)
        let address = UInt(bitPattern: probe)
        guard address > UInt(bitPattern: sbrk(0)) else { return }  // this thread allocates in the main heap
        // A kernel without transparent huge pages takes no such advice.
        guard FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") else { return }
        Allocator.hugePagesForThisThread()
        Allocator.hugePagesForThisThread()  // once per heap: the second call changes nothing
        #expect(probe.load(as: UInt32.self) == 0x5EED_5EED)
        // Read to its end: a file in /proc says it is empty.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        var inside = false
        var flags: String?
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let low = UInt(line[..<dash], radix: 16), let high = UInt(line[line.index(after: dash)..<space], radix: 16) {
                inside = low <= address && address < high
            } else if inside, line.hasPrefix("VmFlags:") {
                flags = String(line)
                break
            }
        }
        let found = try #require(flags)
        #expect(found.split(separator: " ").contains("hg"))
        #endif
    }

    /// Once a new thread's heap is advised, what the thread allocates next comes from past the
    /// heap's first block, which was in small pages before the advice.
    @Test func allocationsAfterTheAdviceLeaveTheFirstBlock() {
        #if canImport(Glibc)
        let placed = Mutex<(before: Int, after: Int, base: Int)?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            guard let probe = malloc(64) else { return }
            defer { free(probe) }
            let address = Int(bitPattern: probe)
            guard address > Int(bitPattern: sbrk(0)) else { return }  // no heap of its own
            let base = address & ~((64 << 20) - 1)
            Allocator.hugePagesForThisThread()
            // Larger than any memory freed below the first block could be: taken from the top.
            guard let next = malloc(100 << 10) else { return }
            defer { free(next) }
            placed.withLock { $0 = (address, Int(bitPattern: next), base) }
        }
        thread.start()
        done.wait()
        // A thread that shares a heap another advised before, or has none, shows nothing here.
        guard let (before, after, base) = placed.withLock({ $0 }), before - base < 1 << 20 else { return }
        #expect(after - base > (2 << 20) - (128 << 10), "allocated at \(after - base) bytes into the heap")
        #endif
    }
}
