import GTMCore
import YAMLSource

/// What one rule read of a workspace: every document, the documents of some kinds, or the
/// documents some ids resolve to; and of each document it was given, the values it read (by
/// pointer), or the whole document. A history replay judges thousands of states that differ in
/// one file; a rule that read none of what changed gets its findings from the state before
/// (`WorkspaceReading.holds(in:)`), so the record must be complete: every way of reaching a
/// document through `Workspace` writes here, and every way into a document's tree (a field,
/// a place, a location, the root, a reading kept with the document) too.
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

    /// What was read of one document: the values at some pointers, or all of it.
    enum ValueReads: Sendable {
        case pointers([JSONPointer])
        case whole
    }

    private(set) var recorded = Record()
    /// By document (`GTMDocument.identity`); a document handed out and never looked into has none.
    private(set) var values: [ObjectIdentifier: ValueReads] = [:]

    public init() {}

    func readAll() { recorded.all = true }
    func read(_ kind: DocumentKind) { recorded.kinds |= kind.bit }
    func resolved(_ id: String, _ kind: DocumentKind) { recorded.ids.insert(ResolvedID(kind: kind, id: id)) }

    /// The value at `pointer` (everything under it), or where its nearest parent is.
    func read(_ pointer: JSONPointer, of document: GTMDocument) {
        switch values[document.identity] {
        case .whole?: break
        case .pointers(var list)?:
            // Taken out of the table while it grows, so that appending does not copy it.
            values[document.identity] = nil
            list.append(pointer)
            values[document.identity] = .pointers(list)
        case nil: values[document.identity] = .pointers([pointer])
        }
    }

    func readWhole(_ document: GTMDocument) { values[document.identity] = .whole }
}

extension Workspace {
    /// This workspace, writing each read of its documents, and of what is in them, into `reads`.
    public func recording(into reads: WorkspaceReads) -> Workspace {
        var copy = self
        copy.reads = reads
        copy.tagDocuments(with: reads)
        return copy
    }
}

/// The documents a rule read, as it read them: it holds in another workspace whose reads give
/// the same documents, or documents that are the same where the rule looked. The same parsed
/// object holds at once. Another one (the file was edited) holds when its kind, id, path,
/// place in the file, version and failed values are the same, and so is every value the rule
/// read: equal with every node at the same line and column, so that the findings are worded
/// and placed as they would be anew. Where a read value is absent on both sides, the nearest
/// parent, where a finding about it is placed, must be at the same place. A document the rule
/// read whole must be the same object. The documents are kept, so their identity cannot be
/// reused by others.
public struct WorkspaceReading: Sendable {
    private let all: Bool
    private let kinds: [DocumentKind]
    private let ids: [WorkspaceReads.ResolvedID]
    private let seen: [GTMDocument?]
    /// Their identities (`GTMDocument.identity`): most documents of the next state are the
    /// same objects, found without copying a document.
    private let seenIdentities: [ObjectIdentifier?]
    /// What the rule read in each of `seen`: nothing (nil, or no document), the whole document,
    /// or values, each with the node it found and where a finding about it was placed.
    private let values: [ReadValues?]

    enum ReadValues: Sendable {
        case whole
        case values([(pointer: JSONPointer, node: YAMLNode?, mark: YAMLMark)])
    }

    public init(_ reads: WorkspaceReads, of workspace: Workspace) {
        let record = reads.recorded
        all = record.all
        kinds = all || record.kinds == 0 ? [] : DocumentKind.allCases.filter { record.kinds & $0.bit != 0 }
        ids = all ? [] : record.ids.sorted()
        var seen: [GTMDocument?] = []
        Self.visit(all: all, kinds: kinds, ids: ids, in: workspace) { seen.append($0.map { workspace.stored[$0] }); return true }
        self.seen = seen
        seenIdentities = seen.map { $0?.identity }
        values = seen.map { doc -> ReadValues? in
            guard let doc, let read = reads.values[doc.identity] else { return nil }
            guard case .pointers(let list) = read else { return .whole }
            let tree = doc.tree
            return .values(Set(list).map { pointer in
                let node = tree.node(at: pointer)
                return (pointer, node, node?.mark ?? tree.mark(at: pointer))
            })
        }
    }

    /// Whether `workspace` gives every recorded read the same documents, or documents the same
    /// where the rule looked.
    public func holds(in workspace: Workspace) -> Bool {
        workspace.stored.withUnsafeBufferPointer { stored in
            var i = 0
            let complete = Self.visit(all: all, kinds: kinds, ids: ids, in: workspace) { index in
                guard i < seen.count else { return false }
                defer { i += 1 }
                switch (index, seenIdentities[i]) {
                case (nil, nil): return true
                case (let k?, let identity?): return stored[k].identity == identity || Self.sameWhereRead(stored[k], seen[i]!, values[i])
                default: return false
                }
            }
            return complete && i == seen.count
        }
    }

    private static func sameWhereRead(_ new: GTMDocument, _ old: GTMDocument, _ read: ReadValues?) -> Bool {
        guard new.kind == old.kind, new.id == old.id, new.path == old.path, new.index == old.index,
              new.version == old.version, new.invalid == old.invalid else { return false }
        switch read {
        case nil:
            return true
        case .whole:
            return false
        case .values(let values):
            let tree = new.tree
            return values.allSatisfy { value in
                let node = tree.node(at: value.pointer)
                return node == value.node && (node != nil || tree.mark(at: value.pointer) == value.mark)
            }
        }
    }

    /// The place in `workspace.stored` of each document behind the reads, in a fixed order, with
    /// a nil closing each group so that groups of different sizes never line up by accident;
    /// stops when `body` says false.
    @discardableResult
    private static func visit(
        all: Bool, kinds: [DocumentKind], ids: [WorkspaceReads.ResolvedID], in workspace: Workspace,
        _ body: (Int?) -> Bool
    ) -> Bool {
        if all {
            for i in workspace.stored.indices where !body(i) { return false }
            return body(nil)
        }
        for kind in kinds {
            for i in workspace.indices(of: kind) where !body(i) { return false }
            guard body(nil) else { return false }
        }
        for key in ids {
            for i in workspace.indices(of: key.id, kind: key.kind) where !body(i) { return false }
            guard body(nil) else { return false }
        }
        return true
    }
}

extension DocumentKind {
    /// The kind's bit in `WorkspaceReads.Record.kinds`.
    var bit: UInt32 { 1 << UInt32(ordinal) }
}
