import GTMCore
import YAMLSource

/// One change in meaning between two revisions of the strategy: a value added, removed or
/// changed at a JSON Pointer, or a whole document moved to another file.
public struct SemanticChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed, moved
    }

    public var kind: Kind
    public var documentKind: DocumentKind
    /// The document's id (the identity that survives renames).
    public var document: String
    /// The file the document lives in after the change (before it, for a removal).
    public var path: String
    public var oldPath: String?
    public var pointer: JSONPointer
    public var old: YAMLNode?
    public var new: YAMLNode?
    /// The change in the strategy's own terms, when the model gives it one.
    public var classification: Classification?
    /// One sentence for a change of meaning that several edits make together ("the ICP went
    /// from … to … (broadened)"), with those edits, pointer by pointer, as its details.
    public var summary: String? { note ?? meaning?.sentence }
    public var details: [SemanticChange] = []
    /// For a change of a segment's ICP: the comparison of the two versions (its sentence is
    /// made only when someone reads it).
    public var meaning: ICPComparison?
    /// A sentence for a change that is not an ICP comparison (a segment added or removed).
    public var note: String?
    /// For a change of a segment's ICP: toward larger companies (a move upmarket).
    public var towardLarger: Bool { meaning?.towardLarger ?? false }

    public init(
        kind: Kind, documentKind: DocumentKind, document: String, path: String, oldPath: String? = nil,
        pointer: JSONPointer, old: YAMLNode?, new: YAMLNode?, classification: Classification? = nil
    ) {
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
