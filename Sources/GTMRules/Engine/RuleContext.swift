import GTMCore
import GTMModel

/// What a rule sees: the workspace, its settings, and today's date. Rules never read files.
public struct RuleContext: Sendable {
    public var workspace: Workspace
    public var description: RuleDescription
    public var settings: [String: RuleSetting.Value]
    /// Today's date, for rules about time (overdue reviews, roadmap dates).
    public var today: CalendarDate {
        get {
            reads?.readToday()
            return day
        }
        set { day = newValue }
    }
    private var day: CalendarDate
    /// The last commit date that touched each file, when history is known (path → date).
    /// Rules ask `lastChange(of:notBefore:)`; a rule reading the whole table is recorded as
    /// depending on all of it.
    public var lastChanged: [String: CalendarDate] {
        get {
            reads?.readAllChanges(changeDates)
            return changeDates
        }
        set { changeDates = newValue }
    }
    private var changeDates: [String: CalendarDate]
    /// Where to ask, when `lastChanged` does not say, when a file last changed. A rule that
    /// asks it directly, rather than through `lastChange(of:notBefore:)`, is asked again at
    /// every state.
    public var history: (any ChangeHistory)? {
        get {
            reads?.readHistory()
            return asked
        }
        set { asked = newValue }
    }
    private var asked: (any ChangeHistory)?
    /// For a rule about a change: where the workspace came from.
    public var change: ChangeSet?
    /// Where the rule engine records what a rule read besides documents, to know when its
    /// findings still hold for the next state (see `RuleMemo`).
    var reads: RuleReads?

    public init(
        workspace: Workspace, description: RuleDescription, settings: [String: RuleSetting.Value] = [:],
        today: CalendarDate, lastChanged: [String: CalendarDate] = [:]
    ) {
        self.workspace = workspace
        self.description = description
        self.settings = settings
        self.day = today
        self.changeDates = lastChanged
    }

    public var strategy: GTMDocument? { workspace.strategy }

    /// The date of the last commit that changed a file, if it is on or after `notBefore`.
    /// Asks git only when asked: most runs never need history.
    public func lastChange(of path: String, notBefore: CalendarDate) -> CalendarDate? {
        let answer = lastChangeUnrecorded(of: path, notBefore: notBefore)
        reads?.askedLastChange(of: path, notBefore: notBefore, answer: answer)
        return answer
    }

    func lastChangeUnrecorded(of path: String, notBefore: CalendarDate) -> CalendarDate? {
        if let known = changeDates[path] { return known >= notBefore ? known : nil }
        return asked?.lastChange(of: path, notBefore: notBefore)
    }

    public func number(_ name: String) -> Double {
        if case .number(let d)? = value(name) { return d }
        return 0
    }

    public func strings(_ name: String) -> [String] {
        if case .strings(let s)? = value(name) { return s }
        return []
    }

    public func flag(_ name: String) -> Bool {
        if case .bool(let b)? = value(name) { return b }
        return false
    }

    private func value(_ name: String) -> RuleSetting.Value? {
        settings[name] ?? description.setting(name)?.defaultValue
    }

    /// A finding of this rule at a place in a document, with the other places it involves.
    public func finding(_ message: String, at place: NodeRef, related: [(NodeRef, String)] = []) -> Finding {
        Finding(
            rule: description.id,
            severity: description.severity,
            message: message,
            location: place.location,
            pointer: place.pointer,
            documentID: place.document.id,
            related: related.map { RelatedLocation(location: $0.0.location, message: $0.1, pointer: $0.0.pointer) }
        )
    }

    /// The segments a Strategy names as its beachhead (one id or a list), resolved.
    public func beachheadSegments() -> [(ref: NodeRef, segment: GTMDocument?)] {
        workspace.beachheads
    }
}
