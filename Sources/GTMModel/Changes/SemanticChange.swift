import GTMCore
import YAMLSource

/// One change in meaning between two revisions of the strategy: a value added, removed or
/// changed at a JSON Pointer, or a whole document moved to another file.
public struct SemanticChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed, moved
    }

    public var kind: Kind {
        get { fields.kind }
        set { unique().kind = newValue }
    }
    public var documentKind: DocumentKind {
        get { fields.documentKind }
        set { unique().documentKind = newValue }
    }
    /// The document's id (the identity that survives renames).
    public var document: String {
        get { fields.document }
        set { unique().document = newValue }
    }
    /// The file the document lives in after the change (before it, for a removal).
    public var path: String {
        get { fields.path }
        set { unique().path = newValue }
    }
    public var oldPath: String? {
        get { fields.oldPath }
        set { unique().oldPath = newValue }
    }
    public var pointer: JSONPointer {
        get { fields.pointer }
        set { unique().pointer = newValue }
    }
    public var old: YAMLNode? {
        get { fields.old }
        set { unique().old = newValue }
    }
    public var new: YAMLNode? {
        get { fields.new }
        set { unique().new = newValue }
    }
    /// The change in the strategy's own terms, when the model gives it one.
    public var classification: Classification? {
        get { fields.classification }
        set { unique().classification = newValue }
    }
    /// One sentence for a change of meaning that several edits make together ("the ICP went
    /// from … to … (broadened)"), with those edits, pointer by pointer, as its details.
    public var summary: String? { note ?? meaning?.sentence }
    public var details: [SemanticChange] {
        get { fields.details }
        set { unique().details = newValue }
    }
    /// For a change of a segment's ICP: the comparison of the two versions (its sentence is
    /// made only when someone reads it).
    public var meaning: ICPComparison? {
        get { fields.meaning }
        set { unique().meaning = newValue }
    }
    /// A sentence for a change that is not an ICP comparison (a segment added or removed).
    public var note: String? {
        get { fields.note }
        set { unique().note = newValue }
    }
    /// For a change of a segment's ICP: toward larger companies (a move upmarket).
    public var towardLarger: Bool { fields.meaning?.towardLarger ?? false }

    /// The fields behind one reference, copied when a change shared with another copy is
    /// written to. A history hands each change from the comparison to its entry, its words and
    /// its output: a copy of the fields themselves counted a dozen references each time.
    private final class Fields: @unchecked Sendable {
        var kind: Kind
        var documentKind: DocumentKind
        var document: String
        var path: String
        var oldPath: String?
        var pointer: JSONPointer
        var old: YAMLNode?
        var new: YAMLNode?
        var classification: Classification?
        var details: [SemanticChange] = []
        var meaning: ICPComparison?
        var note: String?

        init(kind: Kind, documentKind: DocumentKind, document: String, path: String, oldPath: String?,
             pointer: JSONPointer, old: YAMLNode?, new: YAMLNode?, classification: Classification?) {
            self.kind = kind
            self.documentKind = documentKind
            self.document = document
            self.path = path
            self.oldPath = oldPath
            self.pointer = pointer
            self.old = old
            self.new = new
            self.classification = classification
        }

        func copy() -> Fields {
            let copy = Fields(kind: kind, documentKind: documentKind, document: document, path: path, oldPath: oldPath,
                              pointer: pointer, old: old, new: new, classification: classification)
            copy.details = details
            copy.meaning = meaning
            copy.note = note
            return copy
        }
    }

    // Written only through `unique()`, which copies fields another change shares: no two
    // threads ever write the same fields, so the class can be sent as the struct was.
    private var fields: Fields

    /// The fields, made this change's own before a write.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public init(
        kind: Kind, documentKind: DocumentKind, document: String, path: String, oldPath: String? = nil,
        pointer: JSONPointer, old: YAMLNode?, new: YAMLNode?, classification: Classification? = nil
    ) {
        fields = Fields(kind: kind, documentKind: documentKind, document: document, path: path, oldPath: oldPath,
                        pointer: pointer, old: old, new: new, classification: classification)
    }

    public static func == (a: SemanticChange, b: SemanticChange) -> Bool {
        let x = a.fields, y = b.fields
        if x === y { return true }
        return x.kind == y.kind && x.documentKind == y.documentKind && x.document == y.document && x.path == y.path
            && x.oldPath == y.oldPath && x.pointer == y.pointer && x.old == y.old && x.new == y.new
            && x.classification == y.classification && x.details == y.details && x.meaning == y.meaning && x.note == y.note
    }

    public func hash(into hasher: inout Hasher) {
        let f = fields
        hasher.combine(f.kind)
        hasher.combine(f.documentKind)
        hasher.combine(f.document)
        hasher.combine(f.path)
        hasher.combine(f.oldPath)
        hasher.combine(f.pointer)
        hasher.combine(f.old)
        hasher.combine(f.new)
        hasher.combine(f.classification)
        hasher.combine(f.details)
        hasher.combine(f.meaning)
        hasher.combine(f.note)
    }
}

/// What a change means for the go-to-market strategy.
public enum Classification: String, Sendable, Hashable, CaseIterable {
    case icpNarrowed = "icp-narrowed"
    case icpBroadened = "icp-broadened"
    case icpRetargeted = "icp-retargeted"
    case icpShifted = "icp-shifted"
    case priceChanged = "price-changed"
    case motionChanged = "motion-changed"
    case exclusionAdded = "exclusion-added"
    case exclusionDropped = "exclusion-dropped"
    case stageMoved = "stage-moved"
    case documentAdded = "document-added"
    case documentRemoved = "document-removed"
    case documentMoved = "document-moved"
    /// The document's file cannot be read at the later revision: what it says there is
    /// unknown, which is not a removal.
    case documentUnreadable = "document-unreadable"
    /// The document's file could not be read at the earlier revision, and now can.
    case documentReadableAgain = "document-readable-again"
}

extension SemanticChange {
    /// What a price change moved, in words: "the ACV", "the price of the Team plan".
    public var priceSubject: String {
        let t = pointer.tokens
        if t.first == "economics" { return "the ACV the economics assume" }
        if t.contains("acv") { return "the ACV" }
        if t.count >= 3, t[1] == "plans", let name = new?["name"]?.text ?? old?["name"]?.text {
            return "the \(name) plan"
        }
        if t.count >= 3, t[1] == "plans" { return "a plan's price" }
        if t.last == "model" { return "the pricing model" }
        if t.last == "quoteOnly" { return "quote-only pricing" }
        return "pricing"
    }
}
