/// Checks bytes before libyaml sees them, so that binary files and other encodings get a clear
/// message with the position of the first bad byte instead of a parser error.
enum ContentCheck {
    /// Returns a problem for binary content or invalid UTF-8; nil when the bytes are good text.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> YAMLProblem? {
        var line = 1
        var column = 1
        var i = 0
        let n = bytes.count
        // UTF-16/32 byte-order marks: libyaml would decode them, but strategy files are UTF-8.
        if n >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return YAMLProblem(.encoding, "the file is UTF-16 or UTF-32 encoded; save it as UTF-8", at: YAMLMark(line: 1, column: 1))
        }
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }  // UTF-8 BOM: accepted
        // Fast path: printable ASCII, tabs and line breaks need no further look; line and
        // column are counted only up to the first byte that does.
        let start = i
        // Eight bytes at a time while none is below 0x20, 0x7F or above (line breaks send a
        // word to the byte loop below, which lets it through).
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            while i + 8 <= n {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let del = w ^ 0x7F7F_7F7F_7F7F_7F7F
                let special = (w | ((w &- 0x2020_2020_2020_2020) & ~w) | ((del &- 0x0101_0101_0101_0101) & ~del)) & 0x8080_8080_8080_8080
                if special != 0 {
                    var k = i
                    while k < i + 8, (bytes[k] >= 0x20 && bytes[k] < 0x7F) || bytes[k] == 0x0A || bytes[k] == 0x09 || bytes[k] == 0x0D { k += 1 }
                    if k < i + 8 { i = k; break }
                }
                i += 8
            }
        }
        while i < n, (bytes[i] >= 0x20 && bytes[i] < 0x7F) || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        if i == n { return nil }
        for k in start..<i {
            if bytes[k] == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    return YAMLProblem(.binary, "the file holds a NUL byte: binary content, not YAML text", at: YAMLMark(line: line, column: column))
                }
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D || b == 0x7F {
                    let hex = String(b, radix: 16, uppercase: true)
                    return YAMLProblem(.binary, "control character 0x\(hex.count == 1 ? "0" + hex : hex) is not allowed in YAML text", at: YAMLMark(line: line, column: column))
                }
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            if b & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
            else { return invalid(line, column, b) }
            guard i + length <= n else { return invalid(line, column, b) }
            var scalar = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return invalid(line, column, b) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return invalid(line, column, b)
            }
            i += length
            column += 1
        }
        return nil
    }

    private static func invalid(_ line: Int, _ column: Int, _ byte: UInt8) -> YAMLProblem {
        let hex = String(byte, radix: 16, uppercase: true)
        return YAMLProblem(
            .encoding,
            "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8",
            at: YAMLMark(line: line, column: column)
        )
    }
}
