import GTMCore
import Synchronization
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
    /// The document as the current model reads it (an older one upgraded in memory, every
    /// node at the position it was written).
    public var root: YAMLNode
    /// The `apiVersion` the document was written in.
    public var version = ModelVersion.current
    /// Values that failed the schema (and properties a misspelt key most likely meant): no rule
    /// judges them, so a typo gives one schema finding, not a contradiction as well.
    public var invalid: [JSONPointer] = []
    /// Readings of this document made once and shared by its copies: history replays compare
    /// the same parsed document with its neighbours thousands of times.
    let memo = DocumentMemo()

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

extension GTMDocument {
    public static func == (a: GTMDocument, b: GTMDocument) -> Bool {
        a.kind == b.kind && a.id == b.id && a.path == b.path && a.index == b.index && a.root == b.root && a.invalid == b.invalid
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
        hasher.combine(path)
        hasher.combine(index)
    }
}

extension GTMDocument {
    /// A reading of this document made once and shared by its copies, under a key that names
    /// everything it depends on besides the document (a rule's id, its settings, the text it
    /// reads). History replays judge the same unchanged document at every commit.
    public func remembered<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        memo.reading(key, make)
    }
}

/// The memo a document and its copies share, written under a lock.
final class DocumentMemo: Sendable {
    private let profile = Mutex<ICPProfile?>(nil)
    private let readings = Mutex<[String: any Sendable]>([:])

    func reading<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        if let known = readings.withLock({ $0[key] }) as? T { return known }
        let made = make()
        readings.withLock { $0[key] = made }
        return made
    }

    func profile(_ make: () -> ICPProfile) -> ICPProfile {
        if let known = profile.withLock({ $0 }) { return known }
        let made = make()
        profile.withLock { $0 = made }
        return made
    }
}
