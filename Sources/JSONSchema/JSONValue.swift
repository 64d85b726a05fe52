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

/// An object with its keys in document order and lookup by key.
public struct JSONObject: Sendable, Sequence {
    public private(set) var keys: [String]
    private var storage: [String: JSONValue]

    public init(_ members: [(String, JSONValue)] = []) {
        keys = []
        storage = [:]
        keys.reserveCapacity(members.count)
        for (k, v) in members where storage.updateValue(v, forKey: k) == nil {
            keys.append(k)
        }
    }

    public subscript(key: String) -> JSONValue? { storage[key] }
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], storage[keys[i]]!)
        }
    }
}

enum JSONText {
    static func quote(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
