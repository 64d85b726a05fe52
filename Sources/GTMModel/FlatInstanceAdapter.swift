import JSONSchema
import YAMLSource

extension YAMLNode {
    /// The node as a flat document for a validity program: the same value `jsonValue` gives,
    /// built without a dictionary per mapping or a `JSONValue` per node. A mapping that
    /// repeats a key keeps the key's first place and its last value in `jsonValue`; such a
    /// document (already an error of its own) is flattened from `jsonValue` to keep exactly that.
    public var flatInstance: FlatInstance {
        var flat = FlatInstance()
        var repeats = false
        flat.root = Self.append(self, to: &flat, repeats: &repeats)
        return repeats ? FlatInstance(jsonValue) : flat
    }

    private static func append(_ node: YAMLNode, to flat: inout FlatInstance, repeats: inout Bool) -> Int32 {
        // Most values are strings, and most numbers integers written as JSON writes them: their
        // bytes go across in place.
        if let index = node.withStringText({ flat.appendText(.string, $0) }) { return index }
        if let index = node.withJSONIntegerText({ flat.appendText(.integer, $0) }) { return index }
        switch node.content {
        case .scalar(let s):
            switch s.value {
            case .null:
                flat.nodes.append(FlatInstance.Node(kind: .null))
            case .bool(let b):
                flat.nodes.append(FlatInstance.Node(kind: .bool, flag: b))
            case .integer(let t), .float(let t):
                return number(JSONNumber(literal: t), text: s.text, to: &flat)
            case .nonFinite:
                return number(JSONNumber(literal: s.text), text: s.text, to: &flat)
            case .string(let t):
                return flat.appendText(.string, t)
            }
        case .sequence(let items):
            let me = flat.nodes.count
            flat.nodes.append(FlatInstance.Node(kind: .array))
            var members: [Int32] = []
            members.reserveCapacity(items.count)
            for item in items { members.append(append(item, to: &flat, repeats: &repeats)) }
            flat.close(me, members: members)
            return Int32(truncatingIfNeeded: me)
        case .mapping(let entries):
            let me = flat.nodes.count
            flat.nodes.append(FlatInstance.Node(kind: .object))
            var members: [Int32] = []
            members.reserveCapacity(entries.count * 2)
            // Keys are compared in place in a small mapping, through a set in a large one.
            var seen: Set<String>? = entries.count > 16 ? Set(minimumCapacity: entries.count) : nil
            for i in entries.indices {
                let entry = entries[i]
                let key: Int32
                if let index = entry.key.withScalarText({ flat.appendText(.string, $0) }) {
                    key = index
                } else if let text = entry.keyText {
                    key = flat.appendText(.string, text)
                } else {
                    continue  // a mapping or list as a key has no JSON form; reported elsewhere
                }
                if !repeats {
                    if seen != nil {
                        repeats = !seen!.insert(entry.keyText ?? "").inserted
                    } else {
                        repeats = entries.repeatsKey(at: i)
                    }
                }
                members.append(key)
                members.append(append(entry.value, to: &flat, repeats: &repeats))
            }
            flat.close(me, members: members)
            return Int32(truncatingIfNeeded: me)
        }
        return Int32(truncatingIfNeeded: flat.nodes.count - 1)
    }

    /// A number as JSON reads it, or its text as a string where it has no JSON form.
    private static func number(_ number: JSONNumber?, text: String, to flat: inout FlatInstance) -> Int32 {
        guard let number else { return flat.appendText(.string, text) }
        return flat.appendText(number.isInteger ? .integer : .number, number.description)
    }

}
