import GTMModel

/// The step a rule about a change judges: the workspace before it and the changes in meaning
/// that lead to the workspace the context holds.
public struct ChangeSet: Sendable {
    public var before: Workspace
    public var changes: [SemanticChange]

    public init(before: Workspace, changes: [SemanticChange]) {
        self.before = before
        self.changes = changes
    }

    /// The changes between two workspaces, read by meaning.
    public init(from before: Workspace, to after: Workspace) {
        self.init(before: before, changes: SemanticDiff.changes(from: before, to: after))
    }
}

extension RuleContext {
    /// The workspace after the change (the one every rule sees).
    public var after: Workspace { workspace }
    /// The workspace before the change; empty for a rule about a state.
    public var before: Workspace { change?.before ?? Workspace(documents: []) }
    /// The changes in meaning; empty for a rule about a state.
    public var changes: [SemanticChange] { change?.changes ?? [] }
}
