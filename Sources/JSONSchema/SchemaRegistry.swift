/// Everything compiled so far: resources by URI, subschemas by `uri#pointer`, anchors.
/// Owned by one compiler; frozen into the `Schema`s it hands out.
final class SchemaRegistry: @unchecked Sendable {
    struct Resource {
        var json: JSONValue
        var document: String
        var documentPointer: String
        var dialect: Dialect
    }

    var documents: [String: JSONDocument] = [:]
    var resources: [String: Resource] = [:]
    var nodes: [String: SchemaNode] = [:]
    var anchors: [String: SchemaNode] = [:]
    var dynamicAnchors: [String: [String: SchemaNode]] = [:]
    var unlinked: [SchemaNode] = []
    /// References nothing could resolve, in the order met.
    var unresolved: [SchemaError] = []
    /// Whether any compiled schema has `unevaluatedProperties`: only then must validation
    /// remember which properties it evaluated.
    var usesUnevaluatedProperties = false
    var anonymous = 0

    /// Every node is held in `nodes`, so once the compiler and the last schema it made are
    /// gone, the links between nodes are cut and the nodes go too, cycles included (found by
    /// `make fuzz`: LeakSanitizer saw each recursive schema leak).
    deinit {
        for node in nodes.values { node.unlink() }
    }

    /// Position of a pointer inside a registered document.
    func position(document: String, pointer: String) -> (line: Int, column: Int)? {
        documents[document]?.position(of: pointer)
    }
}

extension JSONValue {
    /// The value at an RFC 6901 pointer.
    func value(at pointer: String) -> JSONValue? {
        guard !pointer.isEmpty else { return self }
        guard pointer.hasPrefix("/") else { return nil }
        var current = self
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = Pointer.unescape(String(raw))
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let i = Int(token), a.indices.contains(i) else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }
}

/// RFC 6901 token escaping, the one implementation gtm has (GTMCore's `JSONPointer` uses it).
public enum Pointer {
    /// `~` → `~0`, `/` → `~1`; most tokens have neither and come back unchanged, cheaply.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == 0x7E || $0 == 0x2F }) else { return token }
        var out = ""
        for c in token.unicodeScalars {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    public static func unescape(_ token: String) -> String {
        guard token.utf8.contains(0x7E) else { return token }
        var out = ""
        var pending = false
        for c in token.unicodeScalars {
            if pending {
                out += c == "1" ? "/" : c == "0" ? "~" : "~" + String(c)
                pending = false
            } else if c == "~" {
                pending = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return pending ? out + "~" : out
    }
}
