#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's clock, environment and standard streams. Straight on libc, for the same
/// reason as `FileSystem`: the hook pays for every library it starts.
public enum ProcessServices {
    /// Seconds since 1970, UTC.
    public static func unixTime() -> Int { Int(time(nil)) }

    /// An environment variable, nil when unset.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The names of every variable in the environment.
    public static func environmentNames() -> [String] {
        var names: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            names.append(String(text.prefix { $0 != "=" }))
            entry += 1
        }
        return names
    }

    /// The user the process acts as.
    public static func effectiveUser() -> UInt32 { UInt32(geteuid()) }

    /// Whether a file descriptor is a terminal (colour, prompts).
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// One line of standard input without its line break; nil at the end of the input.
    public static func readLine() -> String? { Swift.readLine(strippingNewline: true) }

    /// Ends the process at once with a status.
    public static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }

    /// Why writing to a standard stream failed.
    public enum WriteFailure: Error, Sendable {
        /// The reader went away (`| head`): not an error worth a message.
        case closedPipe
        case failed(String)
    }

    /// Writes all of `text` to a file descriptor, retrying after interruptions.
    public static func write(_ text: String, to fd: Int32) throws(WriteFailure) {
        var text = text
        let failure: WriteFailure? = text.withUTF8 { buffer in
            do throws(WriteFailure) { try write(UnsafeRawBufferPointer(buffer), to: fd) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// The same, for bytes in place.
    public static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) throws(WriteFailure) {
        guard let failed = writeAll(bytes, to: fd) else { return }
        throw failed == EPIPE ? .closedPipe : .failed(String(cString: strerror(failed)))
    }

    /// Writes every byte to `fd`, again after an interrupted call; the `errno` of a failed
    /// write, or nil. (A write may take fewer bytes than it is given: pipes, full disks.)
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let n = Darwin.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }
}
