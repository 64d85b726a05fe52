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
    private var byKind: [[Int]] = Array(repeating: [], count: DocumentKind.allCases.count)
    private var byKindAndID: [[String: [Int]]] = Array(repeating: [:], count: DocumentKind.allCases.count)
    /// Where a rule's reads are written, when the rule engine asks (see `WorkspaceReads`).
    var reads: WorkspaceReads?
    /// Files of this revision that could not be read, or not wholly (by path, with why and
    /// where): a document missing from one of them is unknown here, not removed
    /// (`SemanticDiff` says so).
    public var unreadable: [String: String] = [:]

    public init(documents: [GTMDocument]) {
        self.stored = documents.sorted { ($0.path, $0.index) < ($1.path, $1.index) }
        for (i, doc) in self.stored.enumerated() {
            byKind[Int(doc.kind.ordinal)].append(i)
            guard let id = doc.id else { continue }
            byKindAndID[Int(doc.kind.ordinal)][id, default: []].append(i)
        }
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

    func indices(of id: String, kind: DocumentKind) -> [Int] {
        byKindAndID[Int(kind.ordinal)][id] ?? []
    }

    public enum Resolution: Sendable {
        case found(GTMDocument)
        case missing
        case ambiguous([GTMDocument])
    }

    public func resolve(_ id: String, kind: DocumentKind) -> Resolution {
        reads?.resolved(id, kind)
        let indices = indices(of: id, kind: kind)
        guard !indices.isEmpty else { return .missing }
        if indices.count > 1 { return .ambiguous(indices.map { stored[$0] }) }
        return .found(stored[indices[0]])
    }

    public func document(_ id: String, kind: DocumentKind) -> GTMDocument? {
        if case .found(let doc) = resolve(id, kind: kind) { return doc }
        return nil
    }

    /// Two documents of one kind with one id: every reference to that id is ambiguous.
    public var duplicateIDFindings: [Finding] {
        var findings: [Finding] = []
        for kind in DocumentKind.allCases {
            for (id, indices) in byKindAndID[Int(kind.ordinal)] where indices.count > 1 {
                let first = stored[indices[0]]
                let firstLocation = first.location(of: JSONPointer(tokens: ["id"]))
                for i in indices.dropFirst() {
                    let doc = stored[i]
                    findings.append(Finding(
                        rule: ToolCheck.duplicateID.id, severity: .error,
                        message: "\(kind.rawValue) id \"\(id)\" is already used by another document; ids must be unique",
                        location: doc.location(of: JSONPointer(tokens: ["id"])),
                        pointer: JSONPointer(tokens: ["id"]), documentID: id,
                        related: [RelatedLocation(location: firstLocation, message: "\"\(id)\" is first defined here")]
                    ))
                }
            }
        }
        return findings
    }
}
