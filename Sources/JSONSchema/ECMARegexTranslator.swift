/// Reads an ECMA-262 pattern, as JSON Schema's `pattern` and `patternProperties` hold it (the
/// `u` flag's grammar, no other flag), and writes the same expression in PCRE2's syntax. Syntax
/// ECMA-262 does not have is refused here, before PCRE2 sees it: PCRE2 would accept much of it
/// (`a++`, `(?>…)`, `(?i)`, `\A`, `\Q…\E`, `\K`, `(?R)`, `(*VERB)`) with a meaning of its own.
///
/// What is rewritten, and why:
/// - every character escape (`\uXXXX`, `\u{…}`, `\xHH`, `\cX`, `\0`, `\v`) becomes `\x{…}`:
///   PCRE2 reads `\v` as a class and `\0` as octal, and a surrogate pair `\uD83D\uDE00` is one
///   code point in ECMA-262;
/// - `\s` and `\S` become ECMA-262's white space and line terminators spelled out: PCRE2's `\s`
///   without Unicode properties is ASCII, and with them misses U+FEFF;
/// - `.` becomes "any code point but a line terminator" (`\n`, `\r`, U+2028, U+2029);
/// - `\1` becomes `\g{1}`: PCRE2 reads `\10` as octal when there are fewer than ten groups;
/// - `[]` and `[^]` become classes that match nothing and anything;
/// - inside a class every literal is written `\x{…}`, so `[` or `^` there means itself.
/// `\d`, `\w` and `\b` keep PCRE2's spelling: without PCRE2_UCP they are ASCII, as in ECMA-262.
struct ECMARegexTranslator {
    typealias InvalidPattern = ECMARegex.InvalidPattern

    private let input: [Unicode.Scalar]
    private var i = 0
    private var out = ""

    /// What came last, for the quantifier that may follow it.
    private enum Last { case nothing, atom, assertion, quantifier }

    /// One item of a character class: a single code point, which may end a range, or a set.
    private enum ClassAtom {
        case scalar(UInt32)
        case set(String)
    }

    static func translate(_ pattern: String) throws(InvalidPattern) -> String {
        var translator = ECMARegexTranslator(input: Array(pattern.unicodeScalars))
        return try translator.run()
    }

    private init(input: [Unicode.Scalar]) {
        self.input = input
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        i + offset < input.count ? input[i + offset] : nil
    }

    private mutating func next() -> Unicode.Scalar? {
        guard i < input.count else { return nil }
        defer { i += 1 }
        return input[i]
    }

    private func invalid(_ message: String) -> InvalidPattern {
        InvalidPattern(message: message)
    }

    private mutating func run() throws(InvalidPattern) -> String {
        var groups: [Bool] = []  // one per open group: whether it is a lookahead or lookbehind
        var last = Last.nothing
        while let c = next() {
            switch c {
            case "\\":
                last = try escape()
            case "[":
                try characterClass()
                last = .atom
            case "(":
                groups.append(try groupOpening())
                last = .nothing
            case ")":
                guard let lookaround = groups.popLast() else { throw invalid("unmatched )") }
                out += ")"
                last = lookaround ? .assertion : .atom
            case "|":
                out += "|"
                last = .nothing
            case "*", "+", "?":
                try quantifier(String(c), after: last)
                last = .quantifier
            case "{":
                guard let bounds = try bounds() else {
                    throw invalid("{ does not start a quantifier {n}, {n,} or {n,m}; write \\{ for a brace")
                }
                try quantifier(bounds, after: last)
                last = .quantifier
            case "}":
                throw invalid("} closes no quantifier; write \\} for a brace")
            case "]":
                throw invalid("] closes no character class; write \\] for a bracket")
            case "^", "$":
                out.unicodeScalars.append(c)
                last = .assertion
            case ".":
                out += "[^\\n\\r\\x{2028}\\x{2029}]"
                last = .atom
            default:
                out.unicodeScalars.append(c)
                last = .atom
            }
        }
        if !groups.isEmpty { throw invalid("a group ( is not closed") }
        return out
    }

    /// `*`, `+`, `?` or `{…}`, and the `?` that makes it lazy. ECMA-262 has nothing else after
    /// a quantifier: `a++` (PCRE2's possessive) and `a**` are errors.
    private mutating func quantifier(_ q: String, after last: Last) throws(InvalidPattern) {
        switch last {
        case .nothing:
            throw invalid("the quantifier \(q) has nothing to repeat")
        case .assertion:
            throw invalid("the quantifier \(q) follows an assertion (^, $, \\b, \\B, a lookahead or a lookbehind), which ECMA-262 does not repeat")
        case .quantifier:
            throw invalid("the quantifier \(q) follows another quantifier; possessive quantifiers such as a++ are not ECMA-262")
        case .atom:
            out += q
            if peek() == "?" {
                out += "?"
                i += 1
            }
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` after the `{` just read; nil, reading nothing, when it is not one.
    private mutating func bounds() throws(InvalidPattern) -> String? {
        var j = i
        func number() -> Int? {
            let start = j
            while j < input.count, ("0"..."9").contains(input[j]) { j += 1 }
            guard j > start else { return nil }
            return Int(String(String.UnicodeScalarView(input[start..<j]))) ?? .max
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if j < input.count, input[j] == "," {
            j += 1
            high = number()
        }
        guard j < input.count, input[j] == "}" else { return nil }
        let text = String(String.UnicodeScalarView(input[(i - 1)...j]))
        i = j + 1
        if let high, high < low { throw invalid("the quantifier \(text) has its numbers out of order") }
        return text
    }

    /// After `(`: `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>` or a plain capture group.
    /// Returns whether the group is a lookahead or lookbehind.
    private mutating func groupOpening() throws(InvalidPattern) -> Bool {
        guard peek() == "?" else {
            out += "("
            return false
        }
        i += 1
        guard let kind = next() else { throw invalid("the pattern ends after (?") }
        switch kind {
        case ":":
            out += "(?:"
            return false
        case "=", "!":
            out += "(?" + String(kind)
            return true
        case "<" where peek() == "=" || peek() == "!":
            out += "(?<" + String(next()!)
            return true
        case "<":
            let name = try groupName()
            out += "(?<" + name + ">"
            return false
        default:
            throw invalid("(?\(kind) is not ECMA-262: after (? come only :, =, !, <=, <! or <name> (no inline flags, atomic groups, comments or recursion)")
        }
    }

    /// A group name after `(?<` or `\k<`, through the closing `>`.
    private mutating func groupName() throws(InvalidPattern) -> String {
        var name = String.UnicodeScalarView()
        var closed = false
        while let c = next() {
            if c == ">" { closed = true; break }
            name.append(c)
        }
        guard closed, let first = name.first else {
            throw invalid("a group name must be written <name>")
        }
        let valid = (first.properties.isIDStart || first == "$" || first == "_")
            && name.dropFirst().allSatisfy { $0.properties.isIDContinue || $0 == "$" || $0 == "\u{200C}" || $0 == "\u{200D}" }
        guard valid else { throw invalid("<\(String(name))> is not a valid group name") }
        guard name.allSatisfy({ $0.isASCII && $0 != "$" }) else {
            throw InvalidPattern(message: "the group name <\(String(name))> is valid ECMA-262, but PCRE2 takes only ASCII letters, digits and _ in names", beyondEngine: true)
        }
        return String(name)
    }

    /// An escape outside a character class, after its backslash.
    private mutating func escape() throws(InvalidPattern) -> Last {
        guard let e = next() else { throw invalid("the pattern ends with a backslash") }
        switch e {
        case "d", "D", "w", "W":
            out += "\\" + String(e)
        case "s":
            out += "[" + Self.whiteSpace + "]"
        case "S":
            out += "[^" + Self.whiteSpace + "]"
        case "b", "B":
            out += "\\" + String(e)
            return .assertion
        case "1"..."9":
            var digits = String(e)
            while let d = peek(), ("0"..."9").contains(d) { digits.unicodeScalars.append(d); i += 1 }
            out += "\\g{" + digits + "}"
        case "k":
            guard next() == "<" else { throw invalid("\\k must be followed by <name>") }
            out += "\\k<" + (try groupName()) + ">"
        case "p", "P":
            out += try property(negated: e == "P")
        default:
            out += Self.hex(try character(e, inClass: false))
        }
        return .atom
    }

    /// `[…]`, after its `[`.
    private mutating func characterClass() throws(InvalidPattern) {
        let negated = peek() == "^"
        if negated { i += 1 }
        if peek() == "]" {
            i += 1
            out += negated ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]"
            return
        }
        var body = ""
        while true {
            guard let c = peek() else { throw invalid("a character class [ is not closed") }
            if c == "]" {
                i += 1
                break
            }
            let first = try classAtom()
            guard peek() == "-", let after = peek(1), after != "]" else {
                body += Self.text(first)
                continue
            }
            i += 1
            let second = try classAtom()
            guard case .scalar(let low) = first, case .scalar(let high) = second else {
                throw invalid("a range in a character class cannot start or end with a class escape such as \\d or \\s")
            }
            guard low <= high else { throw invalid("the range \(Self.shown(low))-\(Self.shown(high)) in a character class is out of order") }
            body += Self.hex(low) + "-" + Self.hex(high)
        }
        out += "[" + (negated ? "^" : "") + body + "]"
    }

    private mutating func classAtom() throws(InvalidPattern) -> ClassAtom {
        guard let c = next() else { throw invalid("a character class [ is not closed") }
        guard c == "\\" else { return .scalar(c.value) }
        guard let e = next() else { throw invalid("the pattern ends with a backslash") }
        switch e {
        case "d", "D", "w", "W": return .set("\\" + String(e))
        case "s": return .set(Self.whiteSpace)
        case "S": return .set(Self.notWhiteSpace)
        case "p", "P": return .set(try property(negated: e == "P"))
        case "b": return .scalar(0x08)  // backspace, in a class
        case "-": return .scalar(0x2D)
        default: return .scalar(try character(e, inClass: true))
        }
    }

    /// A character escape, after its backslash: the code point it stands for.
    private mutating func character(_ e: Unicode.Scalar, inClass: Bool) throws(InvalidPattern) -> UInt32 {
        switch e {
        case "t": return 0x09
        case "n": return 0x0A
        case "v": return 0x0B
        case "f": return 0x0C
        case "r": return 0x0D
        case "0":
            if let d = peek(), ("0"..."9").contains(d) { throw invalid("\\0 followed by a digit (an octal escape) is not ECMA-262") }
            return 0
        case "c":
            guard let letter = peek(), ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else {
                throw invalid("\\c must be followed by a letter")
            }
            i += 1
            return letter.value % 32
        case "x":
            guard let value = hexDigits(count: 2) else { throw invalid("\\x needs two hex digits") }
            return value
        case "u":
            return try unicodeEscape()
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return e.value
        case "-":
            throw invalid("\\- is an escape only inside a character class; outside one, write - alone")
        case "1"..."9" where inClass:
            throw invalid("a backreference \\\(e) cannot stand in a character class")
        default:
            throw invalid("\\\(e) is not an escape in ECMA-262 regular expressions")
        }
    }

    /// After `\u`: `{…}` or four hex digits; a surrogate pair written as two escapes is one
    /// code point. A lone surrogate stays a surrogate, which PCRE2 accepts and never matches.
    private mutating func unicodeEscape() throws(InvalidPattern) -> UInt32 {
        if peek() == "{" {
            let start = i + 1
            guard let end = input[start...].firstIndex(of: "}"), end > start, end - start <= 8,
                  let value = UInt32(String(String.UnicodeScalarView(input[start..<end])), radix: 16), value <= 0x10FFFF
            else { throw invalid("\\u{…} needs a hex code point up to 10FFFF") }
            i = end + 1
            return value
        }
        guard let unit = hexDigits(count: 4) else { throw invalid("\\u needs four hex digits") }
        if (0xD800...0xDBFF).contains(unit), peek() == "\\", peek(1) == "u" {
            let saved = i
            i += 2
            if let low = hexDigits(count: 4), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            i = saved
        }
        return unit
    }

    private mutating func hexDigits(count: Int) -> UInt32? {
        guard i + count <= input.count else { return nil }
        let digits = input[i..<(i + count)]
        guard digits.allSatisfy(\.properties.isASCIIHexDigit), let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16) else { return nil }
        i += count
        return value
    }

    /// After `\p` or `\P`: `{name}` or `{name=value}`, in PCRE2's spelling.
    private mutating func property(negated: Bool) throws(InvalidPattern) -> String {
        let letter = negated ? "\\P" : "\\p"
        guard peek() == "{", let end = input[i...].firstIndex(of: "}") else {
            throw invalid("\(letter) must be followed by {name} or {name=value}")
        }
        let body = String(String.UnicodeScalarView(input[(i + 1)..<end]))
        i = end + 1
        guard let translated = try ECMAPropertyNames.pcre(body, negated: negated) else {
            throw invalid("\(letter){\(body)} names no Unicode property ECMA-262 knows")
        }
        return translated
    }

    private static func hex(_ value: UInt32) -> String {
        "\\x{" + String(value, radix: 16, uppercase: true) + "}"
    }

    /// A code point as a message shows it: itself when printable ASCII, U+XXXX otherwise.
    private static func shown(_ value: UInt32) -> String {
        (0x21...0x7E).contains(value) ? String(UnicodeScalar(UInt8(value))) : "U+" + String(value, radix: 16, uppercase: true)
    }

    private static func text(_ atom: ClassAtom) -> String {
        switch atom {
        case .scalar(let value): hex(value)
        case .set(let text): text
        }
    }

    /// ECMA-262's WhiteSpace and LineTerminator, as the inside of a PCRE2 class: tab, line feed,
    /// vertical tab, form feed, carriage return, U+FEFF and the space separators (Zs), U+2028
    /// and U+2029.
    static let whiteSpaceRanges: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]

    static let whiteSpace = ranges(whiteSpaceRanges)

    /// Every code point but those, for `\S` inside a class, where `[^…]` cannot nest.
    static let notWhiteSpace: String = {
        var complement: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in whiteSpaceRanges {
            if r.lowerBound > next { complement.append(next...(r.lowerBound - 1)) }
            next = r.upperBound + 1
        }
        complement.append(next...0x10FFFF)
        return ranges(complement)
    }()

    private static func ranges(_ list: [ClosedRange<UInt32>]) -> String {
        list.map { $0.count == 1 ? hex($0.lowerBound) : hex($0.lowerBound) + "-" + hex($0.upperBound) }.joined()
    }
}
