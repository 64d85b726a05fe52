#if canImport(Glibc)
import Glibc
#endif

/// Where the commands write, and whether the terminal gets colour.
enum Output {
    static func write(_ text: String) { writeAll(1, text) }

    static func error(_ line: String) { writeAll(2, line + "\n") }

    private static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe: nothing more can be said
                }
                offset += n
            }
        }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var useColour: Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(1) == 1
    }
}
