import GTMCore
import GTMModel

/// Why a finding went away. Only a finding whose subject is still there and now passes was
/// fixed; one that went away because the change removed or replaced what it judged no longer
/// applies. A review must never tell a team that moving the beachhead, or moving upmarket,
/// repaired their economics.
public enum Resolution: String, Sendable {
    case fixed
    case noLongerApplies = "no-longer-applies"

    /// How a finding of `before` that `after` no longer has went away.
    public static func of(_ finding: Finding, before: Workspace, after: Workspace, changes: [SemanticChange]) -> Resolution {
        // A finding about a file (unreadable, not YAML) is fixed while the file is still there.
        guard let id = finding.documentID else {
            return after.documents.contains { $0.path == finding.location.path } ? .fixed : .noLongerApplies
        }
        // The document it judged is gone.
        let old = document(of: finding.location.path, id: id, in: before)
        guard let now = after.documents.first(where: { $0.id == id && $0.kind == old?.kind ?? $0.kind }) else {
            return .noLongerApplies
        }
        // The value it judged is gone (a value it asked for and now has is a fix).
        if let pointer = finding.pointer, let old, old.root.node(at: pointer) != nil, now.root.node(at: pointer) == nil {
            return .noLongerApplies
        }
        // What it judged was replaced: removed or added wholesale, the beachhead swapped, the
        // segment re-targeted or moved toward larger companies, the motion moved up.
        var places: [(path: String, pointer: JSONPointer)] = []
        if let pointer = finding.pointer { places.append((finding.location.path, pointer)) }
        places += finding.related.compactMap { r in r.pointer.map { (r.location.path, $0) } }
        for change in changes where replaces(change) {
            if change.documentKind == .segment, change.summary != nil, change.document == id, now.kind == .segment { return .noLongerApplies }
            let changedPath = change.oldPath ?? change.path
            if places.contains(where: { ($0.path == change.path || $0.path == changedPath) && (change.pointer.isPrefix(of: $0.pointer) || $0.pointer.isPrefix(of: change.pointer)) && !$0.pointer.tokens.isEmpty }) {
                return .noLongerApplies
            }
        }
        return .fixed
    }

    static func document(of path: String, id: String?, in workspace: Workspace) -> GTMDocument? {
        workspace.documents.first { $0.path == path && (id == nil || $0.id == id) }
    }

    /// Changes that swap what a finding judged for something else.
    static func replaces(_ change: SemanticChange) -> Bool {
        if change.summary != nil { return change.classification == .icpRetargeted || change.towardLarger }
        switch change.classification {
        case .icpRetargeted? where change.documentKind == .strategy: return true  // the beachhead
        case .documentRemoved?: return true
        case .motionChanged?:
            return Motions.rank(change.new?.string) > Motions.rank(change.old?.string)
        default:
            return change.kind == .removed && change.pointer.tokens.count <= 1
        }
    }
}
