import GTMCore
import GTMModel

/// Runs every enabled rule over the workspace.
public struct RuleEngine: Sendable {
    public var rules: [ConfiguredRule]
    public var today: CalendarDate
    public var lastChanged: [String: CalendarDate]
    public var history: (any ChangeHistory)?
    /// Each rule's findings on the last state judged, shared by the engine's copies: a history
    /// replay asks again only the rules that read something that changed.
    let memo = RuleMemo()
    /// Whether rules' findings are kept for the next state (`memo`). Writing down what every
    /// rule reads costs a check of one state about a tenth more: only replays of history, which
    /// judge thousands of states, ask for it.
    public var remembers = false

    public init(rules: [ConfiguredRule], today: CalendarDate, lastChanged: [String: CalendarDate] = [:]) {
        self.rules = rules
        self.today = today
        self.lastChanged = lastChanged
    }

    /// The findings of the rules about a state, on one workspace. A finding that judges a
    /// value which failed the schema is left out: the schema finding already says what is
    /// wrong there, and a rule reading a misspelt or mistyped value would contradict what the
    /// person meant to write.
    public func check(_ workspace: Workspace) -> [Finding] {
        let findings = run(.state, on: workspace, change: nil)
        guard workspace.documents.contains(where: { !$0.invalid.isEmpty }) else { return findings }
        return findings.filter { !Self.judgesInvalid($0, in: workspace) }
    }

    static func judgesInvalid(_ finding: Finding, in workspace: Workspace) -> Bool {
        func invalid(_ path: String, _ pointer: JSONPointer?) -> Bool {
            guard let pointer else { return false }
            return workspace.documents.contains { $0.path == path && $0.judgesInvalid(pointer) }
        }
        return invalid(finding.location.path, finding.pointer)
            || finding.related.contains { invalid($0.location.path, $0.pointer) }
    }

    /// The findings of the rules about a change, on the step to `workspace`.
    public func check(_ workspace: Workspace, change: ChangeSet) -> [Finding] {
        run(.change, on: workspace, change: change)
    }

    private func run(_ kind: RuleKind, on workspace: Workspace, change: ChangeSet?) -> [Finding] {
        // One context, its rule's part replaced for each: a replay runs some forty rules at each
        // of thousands of states, and building a context copies the workspace's tables.
        guard let first = rules.first else { return [] }
        var context = RuleContext(workspace: workspace, description: first.description, today: today, lastChanged: lastChanged)
        context.history = history
        context.change = change
        var findings: [Finding] = []
        for index in rules.indices where rules[index].enabled && rules[index].description.kind == kind {
            context.description = rules[index].description
            context.settings = rules[index].settings
            // A rule about a change reads the step itself, which differs at every commit.
            findings += kind == .state && remembers
                ? memo.findings(of: rules[index], at: index, on: context) : rules[index].rule.check(context)
        }
        return findings
    }

    /// Whether the rule with this id runs in a pass of the given kind: waivers of rules that
    /// did not run are not called unused.
    public func runs(_ id: String, in kind: RuleKind) -> Bool {
        rules.contains { $0.description.id == id && $0.description.kind == kind }
    }
}

/// When files last changed, from version control. The rules ask it lazily.
public protocol ChangeHistory: Sendable {
    /// The date of the last commit that changed the file at `path` (as the report shows it),
    /// or nil when none did on or after `notBefore`.
    func lastChange(of path: String, notBefore: CalendarDate) -> CalendarDate?
}
