import GTMCore
import YAMLSource

/// Recognises strategy documents by their `apiVersion` and `kind`, reporting a document that
/// declares neither, an unknown kind, or another API version at the position of the key.
public enum DocumentReader {
    public enum Outcome: Sendable {
        case document(GTMDocument)
        case rejected(Finding)
    }

    public static func read(_ yaml: YAMLDocument) -> Outcome {
        let root = yaml.root
        func at(_ node: YAMLNode) -> SourceLocation {
            SourceLocation(path: yaml.path, line: node.mark.line, column: node.mark.column)
        }
        guard root.mapping != nil else {
            return .rejected(Finding(
                rule: ToolCheck.documentShape.id, severity: .error,
                message: "a strategy document is a mapping with apiVersion and kind, got \(root.kindDescription)",
                location: at(root), pointer: .root
            ))
        }
        guard let kindNode = root["kind"] else {
            return .rejected(Finding(
                rule: ToolCheck.documentKind.id, severity: .error,
                message: "missing \"kind\"; expected one of \(knownKinds)",
                location: at(root), pointer: .root
            ))
        }
        guard let kindText = kindNode.string, let kind = DocumentKind(rawValue: kindText) else {
            let written = kindNode.text ?? kindNode.kindDescription
            let hint = Suggestion.closest(to: written, in: DocumentKind.allCases.map(\.rawValue))
                .map { "; did you mean \"\($0)\"?" } ?? "; expected one of \(knownKinds)"
            return .rejected(Finding(
                rule: ToolCheck.documentKind.id, severity: .error,
                message: "unknown kind \"\(written)\"\(hint)",
                location: at(kindNode), pointer: JSONPointer(tokens: ["kind"])
            ))
        }
        let versionNode = root["apiVersion"]
        guard let version = versionNode?.string.flatMap(ModelVersion.init(rawValue:)) else {
            let message = versionNode.map { "unsupported apiVersion \"\($0.text ?? $0.kindDescription)\"; this gtm reads \(ModelVersion.known)" }
                ?? "missing \"apiVersion\"; expected \(DocumentKind.apiVersion)"
            return .rejected(Finding(
                rule: ToolCheck.documentAPIVersion.id, severity: .error, message: message,
                location: at(versionNode ?? root), pointer: JSONPointer(tokens: ["apiVersion"])
            ))
        }
        let id = root["id"]?.string
        // An older document is read as the current model: rules and schemas know one model.
        let current = ModelUpgrade.upgraded(root, kind: kind, version: version)
        var document = GTMDocument(kind: kind, id: id, path: yaml.path, index: yaml.index, root: current)
        document.version = version
        return .document(document)
    }

    private static var knownKinds: String {
        DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
