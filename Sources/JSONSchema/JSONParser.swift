/// A parsed JSON text with the position of every value, so that a problem in a schema or a
/// JSON instance can be reported at its line and column.
public struct JSONDocument: Sendable {
    public var value: JSONValue
    /// Pointer → 1-based (line, column): for an object member the position of its key, for any
    /// other value the position of the value.
    var positions: [String: Position]
    /// The text, kept when positions were not recorded up front: they are recomputed from it
    /// only when a problem needs one (compiling a valid schema never does).
    var source: [UInt8]?

    struct Position: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    public init(value: JSONValue) {
        self.value = value
        self.positions = [:]
        self.source = nil
    }

    /// A document whose positions come from elsewhere (a YAML tree), given as a function that
    /// the document asks once per pointer up front.
    public init(value: JSONValue, positions: [String: (line: Int, column: Int)]) {
        self.value = value
        self.positions = positions.mapValues { Position(line: $0.line, column: $0.column) }
        self.source = nil
    }

    /// The position of the value at a pointer, or of its nearest ancestor that has one.
    public func position(of pointer: String) -> (line: Int, column: Int)? {
        if positions.isEmpty, let source, let full = try? JSONParser.parse(source, recordPositions: true) {
            return full.position(of: pointer)
        }
        var p = pointer
        while true {
            if let found = positions[p] { return (found.line, found.column) }
            guard let slash = p.lastIndex(of: "/") else { return nil }
            p = String(p[..<slash])
        }
    }
}

public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column): \(message)" }
}

/// A strict RFC 8259 parser (a UTF-8 byte-order mark is tolerated).
public enum JSONParser {
    /// Parses JSON text. With `recordPositions` false the parse is several times cheaper and
    /// positions are worked out later, only if asked for.
    public static func parse(_ bytes: [UInt8], recordPositions: Bool = true) throws(JSONSyntaxError) -> JSONDocument {
        var parser = Parser(bytes: bytes, recordPositions: recordPositions)
        var document = try parser.document()
        if !recordPositions { document.source = bytes }
        return document
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONDocument {
        try parse(Array(text.utf8))
    }
}

private struct Parser {
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var lineStart = 0
    var positions: [String: JSONDocument.Position] = [:]
    var depth = 0
    let recordPositions: Bool

    init(bytes: [UInt8], recordPositions: Bool) {
        self.bytes = bytes
        self.recordPositions = recordPositions
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3; lineStart = 3 }
    }

    mutating func document() throws(JSONSyntaxError) -> JSONDocument {
        skipSpace()
        let value = try parseValue(pointer: "", recordPosition: true)
        skipSpace()
        guard i == bytes.count else { throw error("unexpected text after the JSON value") }
        var doc = JSONDocument(value: value)
        doc.positions = positions
        return doc
    }

    var column: Int {
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        var c = 1
        var k = lineStart
        while k < i { if bytes[k] & 0xC0 != 0x80 { c += 1 }; k += 1 }
        return c
    }

    /// Where the last column was counted, so that counting goes on from there: a minified
    /// document is one line, and counting each column from the line's start is quadratic.
    var counted = (index: 0, column: 1, lineStart: 0)

    mutating func currentColumn() -> Int {
        var (k, c) = counted.lineStart == lineStart && counted.index <= i ? (counted.index, counted.column) : (lineStart, 1)
        while k < i { if bytes[k] & 0xC0 != 0x80 { c += 1 }; k += 1 }
        counted = (i, c, lineStart)
        return c
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, line: line, column: column)
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    mutating func parseValue(pointer: String, recordPosition: Bool) throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of input, expected a value") }
        if recordPosition && recordPositions { positions[pointer] = .init(line: line, column: currentColumn()) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(pointer: pointer)
        case UInt8(ascii: "["): return try parseArray(pointer: pointer)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 48...57: return .number(try parseNumber())
        default: throw error("unexpected character, expected a value")
        }
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw error("invalid literal, expected \(word)") }
            i += 1
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 512 { throw error("nesting deeper than 512 levels") }
    }

    mutating func parseObject(pointer: String) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(String, JSONValue)] = []
        // Duplicates are found by comparing with the keys so far while the object is small,
        // by a set once it grows (a long object must not cost a quadratic number of compares).
        var seen: Set<String>?
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject()) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a property name in double quotes") }
            let keyPosition = recordPositions ? JSONDocument.Position(line: line, column: currentColumn()) : nil
            let key = try parseString()
            if seen == nil, members.count >= 16 { seen = Set(members.map(\.0)) }
            let duplicate = if let seen { seen.contains(key) } else { members.contains { $0.0 == key } }
            guard !duplicate else { throw error("duplicate key \"\(key)\"") }
            seen?.insert(key)
            let child = recordPositions ? pointer + "/" + Pointer.escape(key) : pointer
            if let keyPosition { positions[child] = keyPosition }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the property name") }
            i += 1
            skipSpace()
            members.append((key, try parseValue(pointer: child, recordPosition: false)))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject(members)) }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func parseArray(pointer: String) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
        while true {
            skipSpace()
            items.append(try parseValue(pointer: recordPositions ? pointer + "/" + String(items.count) : pointer, recordPosition: true))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else { throw error("invalid number") }
        if bytes[i] == 48 {
            i += 1
        } else {
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else { throw error("invalid number: digits expected after '.'") }
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else { throw error("invalid number: digits expected in the exponent") }
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        guard let n = JSONNumber(literal: String(decoding: bytes[start..<i], as: UTF8.self)) else { throw error("invalid number") }
        return n
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        i += 1
        // Most strings hold no escape: they are made straight from the bytes between the quotes.
        var end = i
        var high: UInt8 = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            high |= bytes[end]
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let start = i
            // From a buffer, not a slice: the generic path for a slice appends byte by byte.
            let s = bytes.withUnsafeBufferPointer { buffer -> String? in
                let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
                return high < 0x80 ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            guard let s else { throw error("invalid UTF-8 in a string") }
            i = end + 1
            return s
        }
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error("control character in a string; escape it") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        code = 0xFFFD
                    }
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape \\\(Character(Unicode.Scalar(e)))")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return s
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw error("invalid \\u escape")
        }
        i += 4
        return v
    }
}
