import JSONSchema
import YAMLSource

extension YAMLNode {
    /// The node as a JSON value for schema validation. Positions stay in the node tree;
    /// validation errors come back as JSON Pointers, which `mark(at:)` turns into positions.
    public var jsonValue: JSONValue {
        switch content {
        case .scalar(let s):
            switch s.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .integer(let t), .float(let t):
                return JSONNumber(literal: t).map(JSONValue.number) ?? .string(s.text)
            // `1e400` is a number too large for a double; JSON reads it as the exact number it
            // writes, so YAML does the same. `.inf` and `.nan` have no JSON form: strings.
            case .nonFinite: return JSONNumber(literal: s.text).map(JSONValue.number) ?? .string(s.text)
            case .string(let t): return .string(t)
            }
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let entries):
            return .object(JSONObject(entries.compactMap { e in e.keyText.map { ($0, e.value.jsonValue) } }))
        }
    }
}
