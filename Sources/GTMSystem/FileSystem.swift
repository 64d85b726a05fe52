#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read; carries the path so the report can point at it.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// The few file-system calls gtm needs, straight on libc (this module is the only one that calls
/// libc): Foundation's start-up cost would be
/// paid on every commit by the pre-commit hook.
public enum FileSystem {
    public enum EntryKind { case file, directory, other, missing }

    public static func kind(of path: String) -> EntryKind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(of: path) != .missing }

    /// The device a path lies on and the user who owns it, following links; nil when it is missing.
    public static func owner(of path: String) -> (device: UInt64, user: UInt32)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (UInt64(st.st_dev), UInt32(st.st_uid))
    }

    /// Reads a whole file, refusing one larger than `limit` without reading it (the caller
    /// reports the size) — returns the size in that case instead of the bytes.
    public static func read(_ path: String, limit: Int = .max) throws(FileError) -> ReadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, message: errorText()) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(path: path, message: errorText()) }
        if st.st_mode & S_IFMT == S_IFDIR { throw FileError(path: path, message: "is a directory") }
        let size = Int(st.st_size)
        if size > limit { return .tooLarge(size: size) }
        // One spare byte: a file that grew since fstat is noticed without a second buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, message: errorText())
            }
            if n == 0 { break }
            total += n
            if total > limit { return .tooLarge(size: total) }
        }
        bytes.removeSubrange(total...)
        return .bytes(bytes)
    }

    public enum ReadResult: Sendable {
        case bytes([UInt8])
        case tooLarge(size: Int)
    }

    /// Reads standard input completely.
    public static func readStandardInput(limit: Int) throws(FileError) -> ReadResult {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: "-", message: errorText())
            }
            if n == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { return .tooLarge(size: bytes.count) }
        }
    }

    /// Every `*.yaml` / `*.yml` file under a folder, recursively, sorted; hidden folders are
    /// skipped, and symbolic links to folders are not followed (no cycles, no escapes).
    public static func yamlFiles(under directory: String) -> [String] {
        files(under: directory, where: isYAMLName)
    }

    /// Every file under a folder whose name ends with `suffix`, recursively, sorted.
    public static func files(under directory: String, suffix: String) -> [String] {
        files(under: directory) { $0.hasSuffix(suffix) }
    }

    public static func files(under directory: String, where accept: (String) -> Bool) -> [String] {
        var result: [String] = []
        walk(directory, accept, confinedTo: realPath(directory) ?? directory, into: &result)
        return result.sorted()
    }

    /// What a walk of a strategy folder finds, so that the working tree is judged as git would
    /// judge the same files: links are not followed, submodules are not entered, and what
    /// cannot be read is said, never skipped in silence.
    public enum TreeEntry: Sendable, Hashable {
        case file(String)
        /// A symbolic link with an accepted name (git stores the link, not the file).
        case link(String)
        /// A folder that cannot be listed, and why.
        case unreadableFolder(String, String)
        /// A name that is not UTF-8, shown with replacement characters.
        case badName(String)
    }

    /// The entries under a folder whose names `accept` takes, recursively, sorted by path.
    /// Hidden names are skipped, as are folders holding a `.git` (submodules, nested clones).
    public static func tree(under directory: String, accept: (String) -> Bool) -> [TreeEntry] {
        var result: [TreeEntry] = []
        tree(directory, accept, top: true, into: &result)
        return result.sorted { $0.path < $1.path }
    }

    private static func tree(_ directory: String, _ accept: (String) -> Bool, top: Bool, into result: inout [TreeEntry]) {
        guard let names = rawNames(directory) else {
            result.append(.unreadableFolder(directory, errorText()))
            return
        }
        let entries = names.map { (name: String(decoding: $0, as: UTF8.self), valid: String(validating: $0, as: UTF8.self) != nil) }
        if !top, entries.contains(where: { $0.name == ".git" }) { return }
        for (name, valid) in entries where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            // The shown name is not the stored one: it cannot be opened, only reported.
            guard valid else {
                if accept(name) { result.append(.badName(path)) }
                continue
            }
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                tree(path, accept, top: false, into: &result)
            case S_IFREG where accept(name):
                result.append(.file(path))
            case S_IFLNK where accept(name):
                result.append(.link(path))
            default:
                continue
            }
        }
    }

    /// The canonical path, symbolic links resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Symbolic links are followed only when they stay inside `root`: a link to /etc/passwd in
    /// a strategy folder is never read.
    private static func walk(_ directory: String, _ accept: (String) -> Bool, confinedTo root: String, into result: inout [String]) {
        for name in (rawNames(directory) ?? []).map({ String(decoding: $0, as: UTF8.self) }) {
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, accept, confinedTo: root, into: &result)
            case S_IFREG:
                if accept(name) { result.append(path) }
            case S_IFLNK:
                guard accept(name), kind(of: path) == .file, let target = realPath(path),
                      target.hasPrefix(root + "/") else { continue }
                result.append(path)
            default:
                continue
            }
        }
    }

    /// `.yaml` and `.yml` in any case (`.YAML`, `.Yml`): the same test for the working tree,
    /// the index and every commit.
    ///
    /// Told from the last bytes, ASCII letters in any case (no other character lowers to one
    /// of these): lowering the whole path first cost more than the rest of listing a folder,
    /// which a history does for every version of the strategy.
    public static func isYAMLName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            func ends(with suffix: StaticString) -> Bool {
                let n = suffix.utf8CodeUnitCount
                guard bytes.count >= n else { return false }
                for k in 0..<n {
                    let b = bytes[bytes.count - n + k]
                    guard (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == suffix.utf8Start[k] else { return false }
                }
                return true
            }
            return ends(with: ".yaml") || ends(with: ".yml")
        }
    }

    public static func currentDirectory() -> String {
        guard let p = getcwd(nil, 0) else { return "." }
        defer { free(p) }
        return String(cString: p)
    }

    /// The nearest folder at or above `start` that holds `.git` (a folder or a worktree's
    /// file), or is itself a git folder (a bare repository, a `.git` folder), as git finds
    /// them; nil outside a repository. Cheap: no libgit2 needed for a working-tree check.
    public static func repositoryRoot(from start: String) -> String? {
        var dir = absolute(start)
        while true {
            if exists(dir + "/.git") || isGitFolder(dir) { return dir }
            guard let up = parent(of: dir) else { return nil }
            dir = up
        }
    }

    /// Whether a folder is a git folder itself (`HEAD` and `objects` in it): a bare repository,
    /// or the `.git` folder of a working tree. It has no working tree to read or write files in.
    public static func isGitFolder(_ dir: String) -> Bool {
        kind(of: dir + "/HEAD") == .file && kind(of: dir + "/objects") == .directory
    }

    /// The folder holding an absolute path (`/a/b` → `/a`, `/a` → `/`); nil for `/` itself.
    public static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        return normalize(joined)
    }

    /// Removes `.`, `..` and repeated slashes without touching the file system.
    public static func normalize(_ path: String) -> String {
        // Most paths are normal already: checked as bytes, since splitting by characters cost
        // every path shown in a report 16 k instructions.
        isNormal(path) ? path : normalizedByParts(path)
    }

    /// `normalize` the long way: every part looked at.
    static func normalizedByParts(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        let body = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + body : (body.isEmpty ? "." : body)
    }

    /// Whether `normalize` would give the path back as it is: not empty, and no empty, `.` or
    /// `..` part (so no repeated or trailing slash), `/` alone excepted.
    static func isNormal(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let first = bytes.first else { return false }
        if bytes.count == 1 { return first != UInt8(ascii: ".") }
        var part = 0  // bytes in the current part
        var dots = 0  // of which dots
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "/") {
                // A part ends: it must not be empty (a leading slash excepted), `.` or `..`.
                if part == 0 && i != 0 { return false }
                if part > 0 && part == dots && dots <= 2 { return false }
                part = 0
                dots = 0
            } else {
                part += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return part > 0 && !(part == dots && dots <= 2)
    }

    /// `path` relative to `base` when it lies under it, else `path` unchanged; for short
    /// paths in reports.
    public static func relative(_ path: String, to base: String) -> String {
        let abs = absolute(path)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return abs.hasPrefix(prefix) ? String(abs.dropFirst(prefix.count)) : path
    }

    /// Writes a whole file (created or replaced) with the given permissions; for the commands
    /// whose job is to write (`gtm hook install`).
    public static func write(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws(FileError) {
        try write(bytes, to: path, flags: O_TRUNC, mode: mode)
        guard chmod(path, mode_t(mode)) == 0 else { throw FileError(path: path, message: errorText()) }
    }

    /// Creates a file that must not exist yet (`O_EXCL`): for `gtm init`, which never
    /// overwrites anything, not even a file that appeared after it looked.
    public static func create(_ bytes: [UInt8], at path: String, mode: UInt32 = 0o644) throws(FileError) {
        try write(bytes, to: path, flags: O_EXCL, mode: mode)
    }

    private static func write(_ bytes: [UInt8], to path: String, flags: Int32, mode: UInt32) throws(FileError) {
        try inPlace(bytes) { buffer throws(FileError) in try write(buffer, to: path, flags: flags, mode: mode) }
    }

    /// `body` over an array's bytes, its error kept typed (`withUnsafeBytes` throws untyped).
    private static func inPlace(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(FileError) -> Void) throws(FileError) {
        let failure: FileError? = bytes.withUnsafeBytes { buffer in
            do throws(FileError) { try body(buffer) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String, flags: Int32, mode: UInt32) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, mode_t(mode))
        guard fd >= 0 else { throw FileError(path: path, message: errorText()) }
        defer { close(fd) }
        if let failed = ProcessServices.writeAll(bytes, to: fd) { throw FileError(path: path, message: String(cString: strerror(failed))) }
    }

    /// Replaces an existing file's content all at once, keeping its permissions: the new
    /// content goes to a file beside it, which is then renamed over it, so a reader (or a crash)
    /// sees the old file or the new one, never half of each. For `gtm migrate`.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(FileError) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw FileError(path: path, message: errorText()) }
        let mode = UInt32(st.st_mode) & 0o7777
        let temporary = path + ".gtm-migrate-\(getpid())"
        do throws(FileError) {
            try write(bytes, to: temporary, flags: O_EXCL, mode: mode)
            guard chmod(temporary, mode_t(mode)) == 0 else { throw FileError(path: temporary, message: errorText()) }
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes a whole file so that a reader sees the old content or the new, never a part:
    /// the bytes go to a new file beside it, renamed over it. For caches that several runs may
    /// write at once (the last rename wins, and each is whole).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws(FileError) {
        try inPlace(bytes) { buffer throws(FileError) in try writeAtomically(buffer, to: path, mode: mode) }
    }

    /// The same, from bytes in place.
    public static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String, mode: UInt32 = 0o644) throws(FileError) {
        let temporary = path + ".tmp-\(getpid())"
        do throws(FileError) {
            try write(bytes, to: temporary, flags: O_EXCL, mode: mode)
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Size and modification time of the running executable: a new build of gtm has another,
    /// so caches it writes are not read by a build whose code may judge differently.
    public static func executableStamp() -> String {
        #if canImport(Glibc)
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
        #else
        return "unknown"
        #endif
    }

    /// Removes a file; one already gone is not an error.
    public static func removeFile(_ path: String) throws(FileError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw FileError(path: path, message: errorText()) }
    }

    /// Renames a file within one file system.
    public static func rename(_ from: String, to: String) throws(FileError) {
        #if canImport(Glibc)
        let code = Glibc.rename(from, to)
        #else
        let code = Darwin.rename(from, to)
        #endif
        guard code == 0 else { throw FileError(path: from, message: errorText()) }
    }

    /// The names in a folder (not recursive, hidden ones included), sorted.
    public static func entries(of directory: String) -> [String] {
        (rawNames(directory) ?? []).map { String(decoding: $0, as: UTF8.self) }.sorted()
    }

    /// The names in a folder as the file system stores them (bytes, not always UTF-8), without
    /// `.` and `..`; nil when the folder cannot be listed (`errno` says why).
    private static func rawNames(_ directory: String) -> [[UInt8]]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if bytes != [0x2E] && bytes != [0x2E, 0x2E] { names.append(bytes) }
        }
        return names
    }

    /// Whether a file can be run by its owner.
    public static func isExecutable(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG && st.st_mode & 0o100 != 0
    }

    /// Creates a folder if it does not exist.
    public static func makeDirectory(_ path: String) throws(FileError) {
        if kind(of: path) == .directory { return }
        guard mkdir(path, 0o755) == 0 else { throw FileError(path: path, message: errorText()) }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

extension FileSystem.TreeEntry {
    public var path: String {
        switch self {
        case .file(let p), .link(let p), .badName(let p), .unreadableFolder(let p, _): p
        }
    }
}
