import GTMCore
import GTMGit
import GTMLint
import GTMModel

/// One commit in the life of the ICP.
public struct LogEntry: Sendable {
    public var commit: CommitInfo
    public var path: String
    public var changes: [SemanticChange]
    /// narrowed, broadened, re-targeted, added, removed or changed.
    public var classification: String
    /// The entry as an earlier run printed it, when it came from a `LogCache` (the changes are
    /// then not read again, and only the text output uses the cache).
    public var recalled: String?
    /// The entry in words, when the run was given a way to say it (`ICPLog.run`'s `render`):
    /// said on the thread that compared the commit, while the walk went on. As UTF-8 bytes:
    /// they go to the output and to the log's cache as they are, and making a `String` of them
    /// checked every byte again.
    public var text: [UInt8]?

    public init(commit: CommitInfo, path: String, changes: [SemanticChange], classification: String, recalled: String? = nil) {
        self.commit = commit
        self.path = path
        self.changes = changes
        self.classification = classification
        self.recalled = recalled
    }
}

/// What `gtm log` found: entries newest first, and whether history went on past the clone.
public struct LogResult: Sendable {
    public var entries: [LogEntry]
    public var stoppedAtShallowBoundary: Bool
    public var target: String
    /// The documents followed, by kind and id (found while the walk went on, when the log was
    /// asked to read them from HEAD's strategy).
    public var documents: [(DocumentKind, String)] = []
}

/// The history of one or more documents (the beachhead segments by default), commit by commit.
public enum ICPLog {
    public struct Target: Sendable {
        /// Documents followed, by kind and id: renames and moves do not lose them.
        public var documents: [(DocumentKind, String)]
        /// Only changes at or under this pointer.
        public var field: JSONPointer?

        public init(documents: [(DocumentKind, String)], field: JSONPointer? = nil) {
            self.documents = documents
            self.field = field
        }

        /// An ICP's change matches a field that any of its edits is at or under: it points at
        /// the first criterion edited, and `--field accounts` asked of an ICP whose employees
        /// and estimate changed together showed none of those commits.
        /// Whether the changes an entry shows keep the edits behind an ICP's change
        /// (`SemanticDiff.changes`' `details`): not for an entry put in words without a field,
        /// which shows the ICP's sentence alone.
        func keepsDetails(inWords: Bool) -> Bool { !inWords || field != nil }

        func matches(_ change: SemanticChange) -> Bool {
            guard documents.contains(where: { $0.0 == change.documentKind && $0.1 == change.document }) else { return false }
            guard let field else { return true }
            return change.pointer.tokens.starts(with: field.tokens) || (change.pointer.tokens.isEmpty && change.kind != .moved)
                || change.details.contains { $0.pointer.tokens.starts(with: field.tokens) }
        }
    }

    /// `cache`, when given, answers for the commits an earlier run compared and learns the
    /// others: what they showed (nothing, or the entry the caller renders and remembers).
    /// `render`, when given, puts each entry in words (`LogEntry.text`) on the core that
    /// compared it, while the walk goes on, rather than on every core once it has ended.
    public static func run(_ reader: HistoryReader, from start: ObjectID, target: Target, firstParent: Bool,
                           maxCount: Int?, since: Int?, cache: LogCache? = nil,
                           render: (@Sendable (LogEntry) -> [UInt8])? = nil) throws -> LogResult {
        try run(reader, from: start, following: .known(target), firstParent: firstParent, maxCount: maxCount, since: since,
                cache: cache, render: render)
    }

    /// `run`, with the target known or read while the walk goes on (`Following`).
    public static func run(_ reader: HistoryReader, from start: ObjectID, following: Following, firstParent: Bool,
                           maxCount: Int?, since: Int?, cache: LogCache? = nil,
                           render: (@Sendable (LogEntry) -> [UInt8])? = nil) throws -> LogResult {
        let store = ParsedFolders(reader)
        let followed = FollowedTarget(following, store: store)
        guard maxCount == nil else {
            return try stream(reader, from: start, target: followed.target(), firstParent: firstParent, maxCount: maxCount, since: since, cache: cache)
        }
        // The whole history is shown: each commit that changed the folder is compared with its
        // parent on another core while the walk goes on (its files read and parsed there too),
        // and what is left when the walk ends on every core.
        /// The commits compared, by id (their entries carry the rest).
        var compares: [ObjectID] = []
        /// The walk's order: a commit to compare (by its place in `compares`) or an entry recalled.
        var order: [Step] = []
        // Each comparison gives the commit's entry, or none when the followed documents did not change.
        let comparisons = ComparisonsAhead(reader, store: store) { before, after, commit -> LogEntry? in
            // Without a target (it could not be read) there is nothing to compare: the walk stops.
            guard let target = try? followed.target() else { return nil }
            // Put in words here, the entry shows an ICP's change as one sentence: the edits
            // behind it are not compared one by one unless a field is followed (which they
            // match) or the entry is given as data.
            let found = followedChanges(from: before, to: after, target, details: target.keepsDetails(inWords: render != nil))
            guard !found.isEmpty else { return nil }
            // The first change's path read in place: `first` would copy the whole change.
            var entry = LogEntry(commit: commit, path: found[0].path, changes: found, classification: classify(found))
            entry.text = render?(entry)
            return entry
        }
        defer { reader.finishedWork.append(comparisons) }
        let shallow = try reader.changes(
            from: start, firstParent: firstParent, since: since,
            recalled: { commit in recall(commit, from: cache, into: &order) ? .skip : .compare },
            unchanged: { cache?.remember($0.id, .nothing) }
        ) { commit, parent in
            guard !followed.hasFailed else { return false }
            order.append(.compared(compares.count))
            compares.append(commit.id)
            comparisons.add(before: try reader.side(parent), after: try reader.side(commit), of: commit)
            return true
        }
        let compared = try comparisons.finish()
        // Made here when no comparison needed it (nothing changed); its failure ends the log.
        let target = try followed.target()
        let documents = target.documents
        let name = documents.map(\.1).joined(separator: ", ")
        var entries: [LogEntry] = []
        entries.reserveCapacity(order.count)
        for step in order {
            switch step {
            case .recalled(let entry):
                entries.append(entry)
            case .compared(let i):
                // Moved out rather than copied: each entry is taken once.
                guard let entry = compared.take(i) else {
                    cache?.remember(compares[i], .nothing)
                    continue
                }
                entries.append(entry)
            }
        }
        compareReadableAgain(&entries, target: target, render: render)
        return LogResult(entries: entries, stoppedAtShallowBoundary: shallow, target: name, documents: documents)
    }

    /// A document whose file can be read again is compared with what it said when the file
    /// could last be read: the entry of the commit that made the file unreadable (older, further
    /// down the list) kept that version. Said with the profile alone, a repair hid what changed
    /// across the gap. An entry whose counterpart is not in the list (recalled from an earlier
    /// run, or past `--max-count`) keeps the profile alone.
    static func compareReadableAgain(_ entries: inout [LogEntry], target: Target, render: (@Sendable (LogEntry) -> [UInt8])?) {
        for i in entries.indices where entries[i].recalled == nil {
            guard entries[i].changes.contains(where: { $0.classification == .documentReadableAgain }) else { continue }
            var changes: [SemanticChange] = []
            for change in entries[i].changes {
                guard change.classification == .documentReadableAgain, let now = change.new,
                      let (hidden, brokenAt) = lastReadable(change, olderThan: i, in: entries), let before = hidden.old
                else {
                    changes.append(change)
                    continue
                }
                let old = GTMDocument(kind: change.documentKind, id: change.document, path: hidden.path, index: 0, root: before)
                let new = GTMDocument(kind: change.documentKind, id: change.document, path: change.path, index: 0, root: now)
                let found = followedChanges(from: Workspace(documents: [old]), to: Workspace(documents: [new]), target,
                                            details: target.keepsDetails(inWords: render != nil))
                var again = change
                // Made safe where it is shown, as every note is.
                let path = change.path
                again.note = found.isEmpty
                    ? "its file \(path) can be read again, and says what it said before \(brokenAt.short) made it unreadable"
                    : "its file \(path) can be read again; compared with what it said before \(brokenAt.short) made it unreadable:"
                changes.append(again)
                changes.append(contentsOf: found)
            }
            entries[i].changes = changes
            entries[i].classification = classify(changes)
            if let render { entries[i].text = render(entries[i]) }
        }
    }

    /// The change that hid a document (its `old` is the version its file held before), with
    /// the commit that made it: the first change of the document in an entry older than `index`.
    private static func lastReadable(_ change: SemanticChange, olderThan index: Int,
                                     in entries: [LogEntry]) -> (SemanticChange, ObjectID)? {
        for entry in entries[(index + 1)...] {
            // Known from an earlier run by its words alone: what it compared is not at hand.
            guard entry.recalled == nil else { return nil }
            guard let older = entry.changes.first(where: { $0.documentKind == change.documentKind && $0.document == change.document })
            else { continue }
            return older.classification == .documentUnreadable ? (older, entry.commit.id) : nil
        }
        return nil
    }

    /// A step of the walk: compared now, or known from an earlier run.
    enum Step {
        case compared(Int)
        case recalled(LogEntry)
    }

    /// Whether the cache knows the commit; its entry, if it showed one, joins `order`.
    private static func recall(_ commit: CommitInfo, from cache: LogCache?, into order: inout [Step]) -> Bool {
        guard let known = cache?.recall(commit.id) else { return false }
        if case .entry(let text) = known {
            order.append(.recalled(LogEntry(commit: commit, path: "", changes: [], classification: "", recalled: text)))
        }
        return true
    }

    /// The changes to the followed documents (under the field, if one is given); an ICP's
    /// change without the edits behind it unless `details` (see `SemanticDiff.changes`).
    static func followedChanges(from before: Workspace, to after: Workspace, _ target: Target, details: Bool = true) -> [SemanticChange] {
        let followed = target.documents
        var changes = SemanticDiff.changes(from: before, to: after, only: { kind, id in
            followed.contains { $0.0 == kind && $0.1 == id }
        }, details: details)
        // In place: the changes kept are not copied.
        changes.removeAll { !target.matches($0) }
        return changes
    }

    /// The first `maxCount` entries, found one commit at a time so that the walk stops at the
    /// last one shown instead of going on to the root.
    static func stream(_ reader: HistoryReader, from start: ObjectID, target: Target, firstParent: Bool,
                       maxCount: Int?, since: Int?, cache: LogCache?) throws -> LogResult {
        var entries: [LogEntry] = []
        var order: [Step] = []
        let shallow = try reader.changes(
            from: start, firstParent: firstParent, since: since,
            recalled: { commit in
                // Past the last entry shown, the walk stops.
                if let maxCount, entries.count >= maxCount { return .stop }
                guard recall(commit, from: cache, into: &order) else { return .compare }
                if case .recalled(let entry)? = order.popLast() { entries.append(entry) }
                return .skip
            },
            unchanged: { cache?.remember($0.id, .nothing) }
        ) { commit, parent in
            if let maxCount, entries.count >= maxCount { return false }
            let after = try reader.workspace(commit)
            let before = try parent.map { try reader.workspace($0) } ?? Workspace(documents: [])
            let changes = followedChanges(from: before, to: after, target)
            guard !changes.isEmpty else {
                cache?.remember(commit.id, .nothing)
                return true
            }
            let path = changes.first?.path ?? ""
            entries.append(LogEntry(commit: commit, path: path, changes: changes, classification: classify(changes)))
            return maxCount.map { entries.count < $0 } ?? true
        }
        let name = target.documents.map(\.1).joined(separator: ", ")
        compareReadableAgain(&entries, target: target, render: nil)
        return LogResult(entries: Array(entries.prefix(maxCount ?? .max)), stoppedAtShallowBoundary: shallow, target: name,
                         documents: target.documents)
    }

    /// One word for a commit's ICP changes. (Flags rather than a `Set`: a classification hashes
    /// as its text, and every entry of a history is classified.)
    static func classify(_ changes: [SemanticChange]) -> String {
        var unreadable = false, again = false, added = false, removed = false, others = false
        var broadened = false, narrowed = false, shifted = false, retargeted = false, moved = false
        for change in changes {
            switch change.classification {
            case .documentUnreadable?: unreadable = true
            case .documentReadableAgain?: again = true
            case .documentAdded?: added = true
            case .documentRemoved?: removed = true
            case .icpBroadened?: broadened = true
            case .icpNarrowed?: narrowed = true
            case .icpShifted?: shifted = true
            case .icpRetargeted?: retargeted = true
            case .documentMoved?: moved = true
            case nil: break
            default: others = true
            }
        }
        if unreadable { return "unreadable" }
        if again { return "readable again" }
        if added { return "added" }
        if removed { return "removed" }
        switch (broadened, narrowed, shifted, retargeted) {
        case (false, false, false, false): break
        case (true, false, false, false): return "broadened"
        case (false, true, false, false): return "narrowed"
        case (false, false, true, false): return "shifted"
        default: return "re-targeted"
        }
        if moved && !others { return "moved" }
        return "changed"
    }
}
