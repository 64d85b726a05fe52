import GTMCore
import GTMModel
import Synchronization

/// What a rule read besides documents: today's date and when files last changed. Written by
/// one rule's check, on the thread that runs it, and read after it returns.
final class RuleReads: @unchecked Sendable {
    struct LastChange: Sendable, Equatable {
        var path: String
        var notBefore: CalendarDate
        var answer: CalendarDate?
    }

    struct Record: Sendable {
        var today = false
        var lastChanges: [LastChange] = []
        /// The whole table of change dates, when the rule read it.
        var allChanges: [String: CalendarDate]?
        /// Whether the rule asked git's history itself: its findings are not kept.
        var history = false
    }

    let documents = WorkspaceReads()
    private(set) var recorded = Record()

    func readToday() { recorded.today = true }
    func readAllChanges(_ table: [String: CalendarDate]) { recorded.allChanges = table }
    func readHistory() { recorded.history = true }

    func askedLastChange(of path: String, notBefore: CalendarDate, answer: CalendarDate?) {
        recorded.lastChanges.append(LastChange(path: path, notBefore: notBefore, answer: answer))
    }
}

/// Each rule's findings on the last state it judged, with what it read to reach them. A
/// history replay (`gtm bugs`, `gtm review`) judges thousands of states that differ in one
/// file, and most rules read none of it: those give the findings they gave before. A rule's
/// findings depend only on its context (rules never read files), so the same documents, the
/// same settings and the same answers about time give the same findings.
final class RuleMemo: Sendable {
    /// One run: shared, not copied, by the lists that hold it.
    final class Entry: Sendable {
        /// The rule's id: an engine's copies share their memo, and a copy may list other rules.
        let id: String
        let severity: Severity
        let settings: [String: RuleSetting.Value]
        let documents: WorkspaceReading
        let today: CalendarDate?
        let lastChanges: [RuleReads.LastChange]
        let allChanges: [String: CalendarDate]?
        let findings: [Finding]

        init(id: String, severity: Severity, settings: [String: RuleSetting.Value], documents: WorkspaceReading,
             today: CalendarDate?, lastChanges: [RuleReads.LastChange], allChanges: [String: CalendarDate]?, findings: [Finding]) {
            self.id = id
            self.severity = severity
            self.settings = settings
            self.documents = documents
            self.today = today
            self.lastChanges = lastChanges
            self.allChanges = allChanges
            self.findings = findings
        }
    }

    /// The last few runs of each rule, newest first: a replay judged on several cores has each
    /// core's run of neighbouring states, and a review alternates between two sides. With them,
    /// how many states in a row the rule had to be asked again.
    struct Slot {
        var entries: [Entry] = []
        var misses = 0
    }

    /// By the rule's place in its engine's list, which does not change.
    private let slots = Mutex<[Slot]>([])
    static let kept = 4
    /// After this many states in a row where no run held, only the newest run is tried: a rule
    /// that reads what every commit edits (the ICP's criteria, in a history of ICP edits) would
    /// otherwise have each of its runs compared, and fail, at every state.
    static let streak = 8

    /// The findings of `configured`, the engine's rule at `index`, on `context`, from a recent
    /// state when they still hold.
    func findings(of configured: ConfiguredRule, at index: Int, on context: RuleContext) -> [Finding] {
        let slot = slots.withLock { index < $0.count ? $0[index] : Slot() }
        let tried = slot.misses >= Self.streak ? slot.entries.prefix(1) : slot.entries[...]
        if let entry = tried.first(where: { Self.holds($0, for: configured, on: context) }) {
            if slot.misses > 0 { slots.withLock { $0[index].misses = 0 } }
            return entry.findings
        }
        let reads = RuleReads()
        var recording = context
        recording.workspace = context.workspace.recording(into: reads.documents)
        recording.reads = reads
        let findings = configured.rule.check(recording)
        let record = reads.recorded
        guard !record.history else { return findings }
        let entry = Entry(
            id: configured.description.id, severity: configured.description.severity, settings: configured.settings,
            documents: WorkspaceReading(reads.documents, of: context.workspace),
            today: record.today ? context.today : nil, lastChanges: record.lastChanges, allChanges: record.allChanges,
            findings: findings
        )
        slots.withLock { table in
            if index >= table.count { table += Array(repeating: Slot(), count: index + 1 - table.count) }
            table[index].entries = [entry] + table[index].entries.prefix(Self.kept - 1)
            table[index].misses += 1
        }
        return findings
    }

    private static func holds(_ entry: Entry, for configured: ConfiguredRule, on context: RuleContext) -> Bool {
        guard entry.id == configured.description.id, entry.severity == configured.description.severity, entry.settings == configured.settings else { return false }
        if let today = entry.today, today != context.today { return false }
        if let table = entry.allChanges, table != context.lastChanged { return false }
        guard entry.documents.holds(in: context.workspace) else { return false }
        return entry.lastChanges.allSatisfy {
            context.lastChangeUnrecorded(of: $0.path, notBefore: $0.notBefore) == $0.answer
        }
    }
}
