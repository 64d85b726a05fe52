import GTMCore
import YAMLSource

/// All strategy documents of one revision (a folder, the index, or a commit), with their ids
/// indexed so that cross-document rules can follow references.
public struct Workspace: Sendable {
    /// The documents in path order. Read through `documents` and the other accessors, which
    /// say to `reads` what was read.
    private(set) var stored: [GTMDocument]
    /// By kind (`DocumentKind.ordinal`): rules look kinds up hundreds of times per state, and
    /// a history replay checks each rule's reads at every commit.
    private var byKind: [[Int]] = []
    /// How many kinds there are, counted once (`allCases` makes its array at every call).
    private static let kinds = DocumentKind.allCases.count
    /// Each document with an id, by kind, id and place: an id is resolved by halving. One
    /// sorted array rather than a dictionary per kind: a history puts together a workspace for
    /// each of thousands of versions, mostly of a few documents, and the dictionaries and their
    /// hashing were most of that.
    private var byKindAndID: [IDPlace] = []

    struct IDPlace {
        var kind: DocumentKind
        var id: String
        var index: Int

        static func before(_ a: IDPlace, _ b: IDPlace) -> Bool {
            if a.kind != b.kind { return a.kind.ordinal < b.kind.ordinal }
            if a.id != b.id { return a.id < b.id }
            return a.index < b.index
        }
    }
    /// Where a rule's reads are written, when the rule engine asks (see `WorkspaceReads`).
    var reads: WorkspaceReads?
    /// Files of this revision that could not be read, or not wholly (by path, with why and
    /// where): a document missing from one of them is unknown here, not removed
    /// (`SemanticDiff` says so).
    public var unreadable: [String: String] = [:]

    public init(documents: [GTMDocument]) {
        self.stored = documents.sorted { ($0.path, $0.index) < ($1.path, $1.index) }
        // Grown to its size rather than made at it (`Array(repeating:count:)`), which looked the
        // storage's type up in the runtime for each of a history's thousands of workspaces.
        byKind.reserveCapacity(Self.kinds)
        for _ in 0..<Self.kinds { byKind.append([]) }
        for (i, doc) in self.stored.enumerated() {
            byKind[Int(doc.kind.ordinal)].append(i)
            guard let id = doc.id else { continue }
            byKindAndID.append(IDPlace(kind: doc.kind, id: id, index: i))
        }
        if byKindAndID.count > 1 { byKindAndID.sort(by: IDPlace.before) }
    }

    /// Every document, in path order.
    public var documents: [GTMDocument] {
        reads?.readAll()
        return stored
    }

    public func documents(of kind: DocumentKind) -> [GTMDocument] {
        reads?.read(kind)
        return byKind[Int(kind.ordinal)].map { stored[$0] }
    }

    /// The functional plans (marketing, sales, product, success), in path order.
    public var functionalPlans: [GTMDocument] {
        DocumentKind.allCases.filter(\.isFunctionalPlan).forEach { reads?.read($0) }
        return stored.filter(\.kind.isFunctionalPlan)
    }

    /// The one Strategy document, when there is exactly one (several are reported elsewhere).
    public var strategy: GTMDocument? {
        reads?.read(.strategy)
        return byKind[Int(DocumentKind.strategy.ordinal)].first.map { stored[$0] }
    }

    func indices(of kind: DocumentKind) -> [Int] { byKind[Int(kind.ordinal)] }

    /// Every document as a copy that writes what is read of it into `reads`.
    mutating func tagDocuments(with reads: WorkspaceReads) {
        for i in stored.indices { stored[i].reads = reads }
    }

    /// The places of the documents of this kind with this id, in path order.
    func indices(of id: String, kind: DocumentKind) -> LazyMapCollection<ArraySlice<IDPlace>, Int> {
        let k = kind.ordinal
        let low = byKindAndID.partitionPoint { $0.kind.ordinal < k || ($0.kind.ordinal == k && $0.id < id) }
        var end = low
        while end < byKindAndID.count, byKindAndID[end].kind == kind, byKindAndID[end].id == id { end += 1 }
        return byKindAndID[low..<end].lazy.map(\.index)
    }

    public enum Resolution: Sendable {
        case found(GTMDocument)
        case missing
        case ambiguous([GTMDocument])
    }

    public func resolve(_ id: String, kind: DocumentKind) -> Resolution {
        reads?.resolved(id, kind)
        let indices = indices(of: id, kind: kind)
        guard let first = indices.first else { return .missing }
        if indices.count > 1 { return .ambiguous(indices.map { stored[$0] }) }
        return .found(stored[first])
    }

    public func document(_ id: String, kind: DocumentKind) -> GTMDocument? {
        if case .found(let doc) = resolve(id, kind: kind) { return doc }
        return nil
    }

    /// Two documents of one kind with one id: every reference to that id is ambiguous.
    public var duplicateIDFindings: [Finding] {
        var findings: [Finding] = []
        // Runs of one kind and id, in order of kind, then id.
        var start = 0
        while start < byKindAndID.count {
            var end = start + 1
            while end < byKindAndID.count, byKindAndID[end].kind == byKindAndID[start].kind,
                  byKindAndID[end].id == byKindAndID[start].id { end += 1 }
            defer { start = end }
            guard end - start > 1 else { continue }
            let kind = byKindAndID[start].kind, id = byKindAndID[start].id
            let first = stored[byKindAndID[start].index]
            let firstLocation = first.location(of: JSONPointer(tokens: ["id"]))
            for place in byKindAndID[(start + 1)..<end] {
                let doc = stored[place.index]
                findings.append(Finding(
                    rule: ToolCheck.duplicateID.id, severity: .error,
                    message: "\(kind.rawValue) id \"\(id)\" is already used by another document; ids must be unique",
                    location: doc.location(of: JSONPointer(tokens: ["id"])),
                    pointer: JSONPointer(tokens: ["id"]), documentID: id,
                    related: [RelatedLocation(location: firstLocation, message: "\"\(id)\" is first defined here")]
                ))
            }
        }
        return findings
    }
}
