#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file mapped into memory, read-only, for as long as this object lives (one owner, one
/// `munmap`). git's pack files run to gigabytes; a history reads a few hundred bytes here and
/// there in them, which a mapping pages in on demand where a read would copy the whole file.
/// The bytes are the file's as it was mapped: git never rewrites a pack in place (a new one
/// is written beside it and the old one deleted, which leaves this mapping whole).
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer

    /// Maps the open file `fd`, described by `st`; nil when it is not a regular file, or is empty.
    private init?(_ fd: Int32, _ st: stat) {
        guard st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// The mapping of `path` (nil when it cannot be opened, is not a regular file, or is empty)
    /// that another reader in the process holds, when the file is still
    /// the one it mapped (the same device, inode, size and change time); mapped now otherwise,
    /// and held here while some reader holds it. A history's threads each open the repository,
    /// and each mapped the same pack, index and commit-graph: every page one of them read was
    /// faulted into each mapping, and taken apart again at exit.
    public static func shared(_ path: String) -> MappedFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let key = Identity(path: path, device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                           changed: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
        return held.withLock { held in
            if let file = held[key]?.file { return file }
            // Mappings no reader holds any more are forgotten as new ones come.
            held = held.filter { $0.value.file != nil }
            guard let file = MappedFile(fd, st) else { return nil }
            held[key] = Held(file: file)
            return file
        }
    }

    private struct Identity: Hashable {
        var path: String
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var changed: Int64
    }

    private struct Held: @unchecked Sendable {
        weak var file: MappedFile?
    }

    private static let held = Mutex<[Identity: Held]>([:])

    /// Bytes from elsewhere in memory of the same kind, so that a reader of mapped files
    /// reads them too (tests hand a reader damaged copies of a file); nil when empty.
    public init?(copying source: [UInt8]) {
        guard !source.isEmpty,
              let address = mmap(nil, source.count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), address != MAP_FAILED
        else { return nil }
        source.withUnsafeBytes { address.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        bytes = UnsafeRawBufferPointer(start: address, count: source.count)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
