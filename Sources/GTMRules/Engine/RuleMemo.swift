import GTMCore
import GTMModel
import Synchronization

/// What a rule read besides documents: today's date and when files last changed.
final class RuleReads: Sendable {
    struct LastChange: Sendable, Equatable {
        var path: String
        var notBefore: CalendarDate
        var answer: CalendarDate?
    }

    struct Record: Sendable {
        var today = false
        var lastChanges: [LastChange] = []
    }

    let documents = WorkspaceReads()
    private let record = Mutex(Record())

    func readToday() { record.withLock { $0.today = true } }

    func askedLastChange(of path: String, notBefore: CalendarDate, answer: CalendarDate?) {
        record.withLock { $0.lastChanges.append(LastChange(path: path, notBefore: notBefore, answer: answer)) }
    }

    var recorded: Record { record.withLock { $0 } }
}

/// Each rule's findings on the last state it judged, with what it read to reach them. A
/// history replay (`gtm bugs`, `gtm review`) judges thousands of states that differ in one
/// file, and most rules read none of it: those give the findings they gave before. A rule's
/// findings depend only on its context (rules never read files), so the same documents, the
/// same settings and the same answers about time give the same findings.
final class RuleMemo: Sendable {
    struct Entry: Sendable {
        var id: String
        var severity: Severity
        var settings: [String: RuleSetting.Value]
        var documents: WorkspaceReading
        var today: CalendarDate?
        var lastChanges: [RuleReads.LastChange]
        var findings: [Finding]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The findings of `configured` on `context`, from the last state when they still hold.
    func findings(of configured: ConfiguredRule, on context: RuleContext) -> [Finding] {
        let id = configured.description.id
        if let entry = entries.withLock({ $0[id] }), Self.holds(entry, for: configured, on: context) {
            return entry.findings
        }
        let reads = RuleReads()
        var recording = context
        recording.workspace = context.workspace.recording(into: reads.documents)
        recording.reads = reads
        let findings = configured.rule.check(recording)
        let record = reads.recorded
        let entry = Entry(
            id: id, severity: configured.description.severity, settings: configured.settings,
            documents: WorkspaceReading(reads.documents, of: context.workspace),
            today: record.today ? context.today : nil, lastChanges: record.lastChanges, findings: findings
        )
        entries.withLock { $0[id] = entry }
        return findings
    }

    private static func holds(_ entry: Entry, for configured: ConfiguredRule, on context: RuleContext) -> Bool {
        guard entry.severity == configured.description.severity, entry.settings == configured.settings else { return false }
        if let today = entry.today, today != context.today { return false }
        guard entry.documents.holds(in: context.workspace) else { return false }
        return entry.lastChanges.allSatisfy {
            context.lastChangeUnrecorded(of: $0.path, notBefore: $0.notBefore) == $0.answer
        }
    }
}
