/// Everything compiled so far: resources by URI, subschemas by `uri#pointer`, anchors.
/// Owned by one compiler; frozen into the `Schema`s it hands out.
final class SchemaRegistry: @unchecked Sendable {
    struct Resource {
        var json: JSONValue
        var document: String
        var documentPointer: String
        var validation: Bool
    }

    var documents: [String: JSONDocument] = [:]
    var resources: [String: Resource] = [:]
    var nodes: [String: SchemaNode] = [:]
    var anchors: [String: SchemaNode] = [:]
    var dynamicAnchors: [String: [String: SchemaNode]] = [:]
    var unlinked: [SchemaNode] = []
    var anonymous = 0

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
            let token = String(raw).replacing("~1", with: "/").replacing("~0", with: "~")
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

enum Pointer {
    static func escape(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
