import GTMCore
import Synchronization
import YAMLSource

/// A strategy document: one YAML document that declared a known `apiVersion` and `kind`.
/// Rules read the node tree directly, so every value they look at still knows its position.
///
/// The fields live in one shared object: rules pass documents around by value thousands of
/// times per history replay (a `NodeRef` holds one), and a copy is then one reference count
/// rather than one per field. Only the version and the failed values are set after a document
/// is made, by the reader and the linter that make it.
public struct GTMDocument: Sendable, Hashable {
    private var storage: Storage
    /// Where a rule's reads of this document are written: set on the copies a recording
    /// workspace hands out (`Workspace.recording(into:)`), so that a rule that read none of
    /// what changed in a document keeps its findings (see `WorkspaceReads`).
    var reads: WorkspaceReads?

    public var kind: DocumentKind { storage.fields.kind }
    /// The document's `id`; nil when it has none (the schema reports that).
    public var id: String? { storage.fields.id }
    public var path: String { storage.fields.path }
    /// 0-based index of the document in its file.
    public var index: Int { storage.fields.index }
    /// The document as the current model reads it (an older one upgraded in memory, every
    /// node at the position it was written). A rule that reads it whole depends on all of it.
    public var root: YAMLNode {
        reads?.readWhole(self)
        return storage.fields.root
    }

    /// The tree, for readers that say themselves what they read (`NodeRef`, fields, locations).
    var tree: YAMLNode { storage.fields.root }

    /// One parsed document and its copies share this identity.
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }
    /// The `apiVersion` the document was written in (set by the reader that upgraded it).
    public var version: ModelVersion {
        get { storage.fields.version }
        set { storage = storage.copy { $0.version = newValue } }
    }
    /// Values that failed the schema (and properties a misspelt key most likely meant): no rule
    /// judges them, so a typo gives one schema finding, not a contradiction as well. Set by the
    /// linter that validated the document.
    public var invalid: [JSONPointer] {
        get { storage.fields.invalid }
        set { storage = storage.copy { $0.invalid = newValue } }
    }
    /// Readings of this document made once and shared by its copies: history replays compare
    /// the same parsed document with its neighbours thousands of times.
    /// A reading kept here may depend on any part of the document.
    var memo: DocumentMemo {
        reads?.readWhole(self)
        return storage.memo
    }

    public init(kind: DocumentKind, id: String?, path: String, index: Int, root: YAMLNode) {
        storage = Storage(Fields(kind: kind, id: id, path: path, index: index, root: root), memo: DocumentMemo())
    }

    /// The fields as they are set while a document is made.
    struct Fields: Sendable {
        var kind: DocumentKind
        var id: String?
        var path: String
        var index: Int
        var root: YAMLNode
        var version = ModelVersion.current
        var invalid: [JSONPointer] = []
    }

    /// The fields, frozen, with the memo every copy of the document shares (a field set while
    /// the document is made keeps the memo, as a copy of the struct would).
    final class Storage: Sendable {
        let fields: Fields
        let memo: DocumentMemo

        init(_ fields: Fields, memo: DocumentMemo) {
            self.fields = fields
            self.memo = memo
        }

        func copy(_ change: (inout Fields) -> Void) -> Storage {
            var f = fields
            change(&f)
            return Storage(f, memo: memo)
        }
    }

    /// Whether both are copies of one parsed document (so equal in every field).
    public func isSameDocument(as other: GTMDocument) -> Bool { storage === other.storage }

    /// The position of the value at a pointer, or of its nearest existing ancestor.
    public func location(of pointer: JSONPointer) -> SourceLocation {
        reads?.read(pointer, of: self)
        let mark = tree.mark(at: pointer)
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
        a.storage === b.storage || a.kind == b.kind && a.id == b.id && a.path == b.path && a.index == b.index && a.root == b.root && a.invalid == b.invalid
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

/// The memo a document and its copies share, written under a lock. Every document has one
/// (a workspace of 20,000 files keeps 20,000), most never read: the profile is kept behind a
/// reference, so that an empty memo is a few words.
final class DocumentMemo: Sendable {
    private final class Profile: Sendable {
        let value: ICPProfile
        init(_ value: ICPProfile) { self.value = value }
    }

    private let profile = Mutex<Profile?>(nil)
    private let readings = Mutex<[String: any Sendable]>([:])

    func reading<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        if let known = readings.withLock({ $0[key] }) as? T { return known }
        let made = make()
        readings.withLock { $0[key] = made }
        return made
    }

    func profile(_ make: () -> ICPProfile) -> ICPProfile {
        if let known = profile.withLock({ $0 }) { return known.value }
        let made = make()
        profile.withLock { $0 = Profile(made) }
        return made
    }
}
