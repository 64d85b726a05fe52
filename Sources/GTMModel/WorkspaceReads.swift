/// What one rule read of a workspace: every document, the documents of some kinds, or the
/// documents some ids resolve to. A history replay judges thousands of states that differ in
/// one file; a rule that read none of what changed gets its findings from the state before
/// (`WorkspaceReading.holds(in:)`), so the record must be complete: every way of reaching a
/// document through `Workspace` writes here.
///
/// Written by one rule's check, on the thread that runs it, and read after it returns: it
/// takes no lock, because a rule reads its workspace hundreds of times per state.
public final class WorkspaceReads: @unchecked Sendable {
    struct Record: Sendable {
        var all = false
        /// One bit per kind, in `DocumentKind.allCases` order.
        var kinds: UInt32 = 0
        var ids: Set<ResolvedID> = []
    }

    struct ResolvedID: Hashable, Comparable, Sendable {
        var kind: DocumentKind
        var id: String
        static func < (a: ResolvedID, b: ResolvedID) -> Bool { (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id) }
    }

    private(set) var recorded = Record()

    public init() {}

    func readAll() { recorded.all = true }
    func read(_ kind: DocumentKind) { recorded.kinds |= kind.bit }
    func resolved(_ id: String, _ kind: DocumentKind) { recorded.ids.insert(ResolvedID(kind: kind, id: id)) }
}

extension Workspace {
    /// This workspace, writing each read of its documents into `reads`.
    public func recording(into reads: WorkspaceReads) -> Workspace {
        var copy = self
        copy.reads = reads
        return copy
    }
}

/// The documents a rule read, as it read them: it holds in another workspace that gives the
/// same reads the same documents (the same parsed objects, so the same content, path and
/// positions). The documents are kept, so their identity cannot be reused by others.
public struct WorkspaceReading: Sendable {
    private let all: Bool
    private let kinds: [DocumentKind]
    private let ids: [WorkspaceReads.ResolvedID]
    private let seen: [GTMDocument?]

    public init(_ reads: WorkspaceReads, of workspace: Workspace) {
        let record = reads.recorded
        all = record.all
        kinds = all || record.kinds == 0 ? [] : DocumentKind.allCases.filter { record.kinds & $0.bit != 0 }
        ids = all ? [] : record.ids.sorted()
        var seen: [GTMDocument?] = []
        Self.visit(all: all, kinds: kinds, ids: ids, in: workspace) { seen.append($0); return true }
        self.seen = seen
    }

    /// Whether `workspace` gives every recorded read the same documents.
    public func holds(in workspace: Workspace) -> Bool {
        var i = 0
        let complete = Self.visit(all: all, kinds: kinds, ids: ids, in: workspace) { doc in
            guard i < seen.count else { return false }
            defer { i += 1 }
            switch (doc, seen[i]) {
            case (nil, nil): return true
            case (let a?, let b?): return a.isSameDocument(as: b)
            default: return false
            }
        }
        return complete && i == seen.count
    }

    /// Each document behind the reads, in a fixed order, with a nil closing each group so that
    /// groups of different sizes never line up by accident; stops when `body` says false.
    @discardableResult
    private static func visit(
        all: Bool, kinds: [DocumentKind], ids: [WorkspaceReads.ResolvedID], in workspace: Workspace,
        _ body: (GTMDocument?) -> Bool
    ) -> Bool {
        if all {
            for doc in workspace.stored where !body(doc) { return false }
            return body(nil)
        }
        for kind in kinds {
            for i in workspace.indices(of: kind) where !body(workspace.stored[i]) { return false }
            guard body(nil) else { return false }
        }
        for key in ids {
            for i in workspace.indices(of: key.id, kind: key.kind) where !body(workspace.stored[i]) { return false }
            guard body(nil) else { return false }
        }
        return true
    }
}

extension DocumentKind {
    /// The kind's bit in `WorkspaceReads.Record.kinds`.
    var bit: UInt32 { 1 << UInt32(ordinal) }
}
