/// An ECMA-262 regular expression, as JSON Schema's `pattern` and `patternProperties` use:
/// translated once to Swift's regex syntax, matched as a search (not a whole match), with
/// ASCII `\d` `\w` `\b` and Unicode-scalar semantics as ECMA-262 has them.
struct ECMARegex: @unchecked Sendable {
    let source: String
    private let regex: Regex<AnyRegexOutput>

    struct InvalidPattern: Error {
        var message: String
    }

    init(_ pattern: String) throws(InvalidPattern) {
        source = pattern
        let translated = try Self.translate(pattern)
        do {
            regex = try Regex(translated)
                .matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits()
                .asciiOnlyWordCharacters()
                .wordBoundaryKind(.simple)
        } catch {
            throw InvalidPattern(message: "\(error)")
        }
    }

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// Rewrites the parts of ECMA-262 syntax that Swift reads differently; rejects escapes that
    /// ECMA-262 (with the `u` flag) does not define.
    static func translate(_ pattern: String) throws(InvalidPattern) -> String {
        var out = ""
        var chars = Array(pattern.unicodeScalars)[...]
        var inClass = false
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "\\":
                guard let e = chars.first else { throw InvalidPattern(message: "pattern ends with a backslash") }
                chars = chars.dropFirst()
                switch e {
                case "s" where !inClass:
                    out += "[\\s\\u{FEFF}]"  // ECMA-262 counts the byte-order mark as white space
                case "S" where !inClass:
                    out += "[^\\s\\u{FEFF}]"
                case "d", "D", "w", "W", "s", "S", "b", "B", "n", "r", "t", "f", "v", "0",
                     "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/", "-":
                    if e == "b" && inClass { out += "\\u{8}" } else { out += "\\" + String(e) }
                case "c":
                    guard let letter = chars.first, letter.properties.isASCIIHexDigit || ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else {
                        throw InvalidPattern(message: "\\c must be followed by a letter")
                    }
                    chars = chars.dropFirst()
                    out += "\\u{" + String(letter.value % 32, radix: 16) + "}"
                case "u":
                    if chars.first == "{" {
                        let body = chars.dropFirst().prefix { $0 != "}" }
                        chars = chars.dropFirst(body.count + 2)
                        out += "\\u{" + String(String.UnicodeScalarView(body)) + "}"
                    } else {
                        let hex = String(String.UnicodeScalarView(chars.prefix(4)))
                        guard hex.count == 4, UInt32(hex, radix: 16) != nil else { throw InvalidPattern(message: "\\u needs four hex digits") }
                        chars = chars.dropFirst(4)
                        out += "\\u{" + hex + "}"
                    }
                case "x":
                    let hex = String(String.UnicodeScalarView(chars.prefix(2)))
                    guard hex.count == 2, UInt32(hex, radix: 16) != nil else { throw InvalidPattern(message: "\\x needs two hex digits") }
                    chars = chars.dropFirst(2)
                    out += "\\u{" + hex + "}"
                case "p", "P":
                    out += "\\" + String(e)
                case "k":
                    out += "\\k"
                case "1"..."9":
                    out += "\\" + String(e)
                default:
                    throw InvalidPattern(message: "\\\(e) is not an escape in ECMA-262 regular expressions")
                }
            case "[":
                if inClass {
                    out += "\\["
                } else if chars.starts(with: "^]".unicodeScalars) {
                    chars = chars.dropFirst(2)
                    out += "[\\s\\S]"
                } else if chars.first == "]" {
                    chars = chars.dropFirst()
                    out += "(?!)"
                } else {
                    inClass = true
                    out += "["
                    if chars.first == "^" { out += "^"; chars = chars.dropFirst() }
                }
            case "]":
                out += inClass ? "]" : "\\]"
                inClass = false
            case "$" where !inClass:
                out += "\\z"
            case "^" where !inClass:
                out += "\\A"
            case "&" where inClass, "~" where inClass:
                // Swift reads `&&` and `~~` in classes as set operations; ECMA does not.
                out += "\\" + String(c)
            case " ", "#":
                out += "\\" + String(c)
            case "(" where !inClass && chars.first == "?":
                // ECMA-262 groups: (?: (?= (?! (?<= (?<! (?<name>; no inline flags, no Python syntax.
                let next = chars.dropFirst()
                guard let k = next.first, k == ":" || k == "=" || k == "!" || (k == "<" && next.dropFirst().first != nil) else {
                    throw InvalidPattern(message: "(? must be followed by :, =, !, <= , <! or <name> in ECMA-262")
                }
                out += "("
            default:
                out.unicodeScalars.append(c)
            }
        }
        if inClass { throw InvalidPattern(message: "unterminated character class") }
        return out
    }
}
