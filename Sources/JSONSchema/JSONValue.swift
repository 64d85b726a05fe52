/// A JSON value: what schemas and instances are made of. YAML documents map onto it; the
/// validator knows nothing else.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type name used by the `type` keyword (`integer` only through `isInteger`).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// "the string \"200\"", "an integer 3", "an object": how messages name what was found.
    public var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "the boolean \(b)"
        case .number(let n): return n.isInteger ? "the integer \(n)" : "the number \(n)"
        case .string(let s):
            let shown = s.count > 40 ? String(s.prefix(39)) + "…" : s
            return "the string \"\(shown)\""
        case .array(let a): return "an array of \(a.count) item\(a.count == 1 ? "" : "s")"
        case .object: return "an object"
        }
    }

    /// Compact JSON text, for messages (`const`, `enum`).
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return JSONText.quote(s)
        case .array(let a): return "[" + a.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.map { JSONText.quote($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    /// A string in JSON syntax, escaped as RFC 8259 requires.
    public static func quote(_ s: String) -> String { JSONText.quote(s) }

    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }

    /// Equality as JSON Schema defines it: numbers by value, objects regardless of key order.
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)  // code points, not canonical equivalence
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { key, value in y[key].map { $0 == value } ?? false }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            // Order-independent: the sum of the members' hashes.
            var total = 0
            for (k, v) in o { total &+= (k.hashValue &* 31) ^ v.hashValue }
            hasher.combine(total)
        }
    }
}

/// An object with its keys in document order and lookup by key. Most objects in schemas
/// and strategy documents have a handful of members: those are found by comparing keys in
/// order, which costs less than hashing the key; a larger object keeps an index by key.
public struct JSONObject: Sendable, Sequence {
    public private(set) var keys: [String]
    private var values: [JSONValue]
    /// Key → position in `keys`, built only for objects above `indexedFrom` members.
    private var index: [String: Int]?
    /// One bit per key, chosen by its length and first byte: a key whose bit is clear is not
    /// here, known without comparing strings. A schema reader asks each object for some forty
    /// keywords and finds three or four.
    private var signature: UInt64 = 0

    /// Up to this many members, a lookup compares keys instead of hashing.
    static let indexedFrom = 12

    /// The members in order; a repeated key keeps its first place and its last value, as a
    /// dictionary built in order would.
    public init(_ members: [(String, JSONValue)] = []) {
        keys = []
        values = []
        keys.reserveCapacity(members.count)
        values.reserveCapacity(members.count)
        for (k, v) in members {
            if let at = position(of: k) {
                values[at] = v
            } else {
                keys.append(k)
                values.append(v)
                signature |= Self.bit(k)
                if index != nil {
                    index![k] = keys.count - 1
                } else if keys.count > Self.indexedFrom {
                    index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
                }
            }
        }
    }

    private static func bit(_ key: String) -> UInt64 {
        let utf8 = key.utf8
        return 1 << ((UInt64(utf8.count) &* 7 &+ UInt64(utf8.first ?? 0)) & 63)
    }

    private func position(of key: String) -> Int? {
        guard signature & Self.bit(key) != 0 else { return nil }
        if let index { return index[key] }
        // Lengths first: comparing two different short strings goes through the runtime's
        // slow path, comparing their byte counts does not.
        let length = key.utf8.count
        return keys.firstIndex { $0.utf8.count == length && $0 == key }
    }

    public subscript(key: String) -> JSONValue? {
        position(of: key).map { values[$0] }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }
}

enum JSONText {
    /// A string as JSON text, escaped byte by byte: a report quotes thousands of messages, most
    /// with a quoted name in them, and a character at a time cost more than the rest of
    /// writing the report.
    static func quote(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        out.append(0x22)
        let hex: StaticString = "0123456789abcdef"
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hex.utf8Start[Int(byte >> 4)])
                out.append(hex.utf8Start[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
