import GTMCore
import YAMLSource

/// A strategy document: one YAML document that declared a known `apiVersion` and `kind`.
/// Rules read the node tree directly, so every value they look at still knows its position.
public struct GTMDocument: Sendable, Hashable {
    public var kind: DocumentKind
    /// The document's `id`; nil when it has none (the schema reports that).
    public var id: String?
    public var path: String
    /// 0-based index of the document in its file.
    public var index: Int
    public var root: YAMLNode
    /// Values that failed the schema (and properties a misspelt key most likely meant): no rule
    /// judges them, so a typo gives one schema finding, not a contradiction as well.
    public var invalid: [JSONPointer] = []

    public init(kind: DocumentKind, id: String?, path: String, index: Int, root: YAMLNode) {
        self.kind = kind
        self.id = id
        self.path = path
        self.index = index
        self.root = root
    }

    /// The position of the value at a pointer, or of its nearest existing ancestor.
    public func location(of pointer: JSONPointer) -> SourceLocation {
        let mark = root.mark(at: pointer)
        return SourceLocation(path: path, line: mark.line, column: mark.column)
    }

    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.mark.line, column: node.mark.column)
    }

    /// Whether a finding at `pointer` judges a value that failed the schema: the value itself or
    /// one inside it, or (below the document itself) an object holding one.
    public func judgesInvalid(_ pointer: JSONPointer) -> Bool {
        invalid.contains { bad in
            bad.isPrefix(of: pointer) || (!pointer.tokens.isEmpty && pointer.isPrefix(of: bad))
        }
    }

    /// A name for messages: `Strategy "acme"`.
    public var displayName: String {
        id.map { "\(kind.rawValue) \"\($0)\"" } ?? kind.rawValue
    }
}
