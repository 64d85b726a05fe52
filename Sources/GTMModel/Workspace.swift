import GTMCore
import YAMLSource

/// All strategy documents of one revision (a folder, the index, or a commit), with their ids
/// indexed so that cross-document rules can follow references.
public struct Workspace: Sendable {
    public private(set) var documents: [GTMDocument]
    private var byKindAndID: [DocumentKind: [String: [Int]]] = [:]

    public init(documents: [GTMDocument]) {
        self.documents = documents.sorted { ($0.path, $0.index) < ($1.path, $1.index) }
        for (i, doc) in self.documents.enumerated() {
            guard let id = doc.id else { continue }
            byKindAndID[doc.kind, default: [:]][id, default: []].append(i)
        }
    }

    public func documents(of kind: DocumentKind) -> [GTMDocument] {
        documents.filter { $0.kind == kind }
    }

    /// The one Strategy document, when there is exactly one (several are reported elsewhere).
    public var strategy: GTMDocument? { documents(of: .strategy).first }

    public enum Resolution: Sendable {
        case found(GTMDocument)
        case missing
        case ambiguous([GTMDocument])
    }

    public func resolve(_ id: String, kind: DocumentKind) -> Resolution {
        guard let indices = byKindAndID[kind]?[id], !indices.isEmpty else { return .missing }
        if indices.count > 1 { return .ambiguous(indices.map { documents[$0] }) }
        return .found(documents[indices[0]])
    }

    public func document(_ id: String, kind: DocumentKind) -> GTMDocument? {
        if case .found(let doc) = resolve(id, kind: kind) { return doc }
        return nil
    }

    /// Two documents of one kind with one id: every reference to that id is ambiguous.
    public var duplicateIDFindings: [Finding] {
        var findings: [Finding] = []
        for (kind, ids) in byKindAndID {
            for (id, indices) in ids where indices.count > 1 {
                let first = documents[indices[0]]
                let firstLocation = first.location(of: JSONPointer(tokens: ["id"]))
                for i in indices.dropFirst() {
                    let doc = documents[i]
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
