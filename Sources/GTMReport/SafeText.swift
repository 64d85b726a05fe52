import GTMCore

/// Values from documents (names, messages that quote them, file names, commit subjects) are
/// written by people gtm does not know. Every reporter passes them through here, so that no
/// value can move a terminal's cursor, start a GitHub workflow command on a line of its own,
/// or hide the rest of a pull-request comment.
public enum SafeText {
    /// One line of terminal or log text: control characters (C0, DEL, C1), line and paragraph
    /// separators and bidirectional overrides are shown as escapes, so a finding stays one line.
    public static func line(_ s: String) -> String {
        // Most values need nothing: a read-only pass over the bytes says so without copying.
        // Looking at the bytes after a lead byte matters: "≈" and "›" start with 0xE2 too, and
        // every ICP line of `gtm log` has them.
        if !needsEscapes(s) { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `line` would change anything: a C0 control or DEL, a C1 control (C2 80–9F), a
    /// line or paragraph separator or bidirectional embedding (E2 80 A8–AE), or an isolate
    /// (E2 81 A6–A9), found in the UTF-8 bytes.
    static func needsEscapes(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { needsEscapes(bytes: $0) }
    }

    static func needsEscapes(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress.map(UnsafeRawPointer.init) else { return false }
        var i = 0
        while i < b.count {
            // Eight bytes at a time past printable ASCII (0x20–0x7E), which most text is: a
            // history checks every line of two thousand entries.
            if i + 8 <= b.count, Self.isPrintableASCII(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x20 || c == 0x7F { return true }
            if c == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) { return true }
            if c == 0xE2, i + 2 < b.count {
                if b[i + 1] == 0x80, (0xA8...0xAE).contains(b[i + 2]) { return true }
                if b[i + 1] == 0x81, (0xA6...0xA9).contains(b[i + 2]) { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether all eight bytes of a word lie in 0x20–0x7E: none below 0x20 (a borrow reaches
    /// its top bit), none at 0x7F (adding one reaches it) or above (it is set).
    @inline(__always)
    static func isPrintableASCII(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (w &- ones &* 0x20) & ~w & highs
        let deleteOrHigh = (((w & ~highs) &+ ones) | w) & highs
        return control | deleteOrHigh == 0
    }

    /// The text from `start` on made one line, as `line` makes a string.
    static func makeLine(_ text: inout TextBytes, from start: Int) {
        text.rewrite(from: start, if: { needsEscapes(bytes: $0) }, line)
    }

    /// Several lines of terminal text: each line made safe as `line` does, the line breaks kept,
    /// and no line that a CI log reads as a workflow command.
    public static func block(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { raw in let safe = line(String(raw)); return safe.hasPrefix("::") ? " " + safe : safe }
            .joined(separator: "\n")
    }

    /// A path at the start of a text line: never one that a CI log reads as a workflow command.
    public static func leadingPath(_ path: String) -> String {
        let safe = line(path)
        return safe.hasPrefix("::") ? "./" + safe : safe
    }

    /// Text inside a Markdown table cell or paragraph: one line, HTML and Markdown syntax
    /// escaped (so `<!--` cannot hide what follows), `@mentions` broken, and at most `limit`
    /// characters, cut with an ellipsis.
    public static func markdown(_ s: String, limit: Int = 300) -> String {
        var flat = ""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09, 0x2028, 0x2029: flat += " "
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: continue
            default: flat.unicodeScalars.append(scalar)
            }
        }
        if flat.count > limit { flat = String(flat.prefix(limit - 1)) + "…" }
        var out = ""
        for ch in flat {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "[", "]", "#", "~": out += "\\" + String(ch)
            // A zero-width space after @ keeps the text but mentions nobody.
            case "@": out += "@\u{200B}"
            default: out.append(ch)
            }
        }
        return out
    }

    /// An inline code span (paths, pointers, commit ids) that its content cannot close, safe in
    /// a table cell.
    public static func code(_ s: String, limit: Int = 200) -> String {
        var flat = line(s)
        if flat.count > limit { flat = String(flat.prefix(limit - 1)) + "…" }
        flat = flat.replacing("|", with: "\\|")
        var longest = 0, run = 0
        for ch in flat {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = longest > 0 || flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// GitHub workflow-command data: `%`, CR and LF escaped scalar by scalar (a CR LF pair is
    /// one Character in Swift and would slip past a Character-level replacement).
    public static func workflowData(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A workflow-command property (`file=`, `title=`): data escaping plus `:` and `,`.
    public static func workflowProperty(_ s: String) -> String {
        var out = ""
        for scalar in workflowData(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text inside HTML or SVG, in an element or a quoted attribute: `&`, `<`, `>`, `"` and `'`
    /// as entities, so no value can open a tag, close an attribute or start a comment; line
    /// breaks and tabs as spaces, and other control characters and bidirectional overrides
    /// shown as escapes, so no value can reorder what a reader sees.
    public static func html(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&#39;"
            case 0x0A, 0x0D, 0x09, 0x2028, 0x2029: out += " "
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
