import GTMCore
import GTMModel

/// Runs every enabled rule over the workspace.
public struct RuleEngine: Sendable {
    public var rules: [ConfiguredRule]
    public var today: CalendarDate
    public var lastChanged: [String: CalendarDate]
    public var history: (any ChangeHistory)?

    public init(rules: [ConfiguredRule], today: CalendarDate, lastChanged: [String: CalendarDate] = [:]) {
        self.rules = rules
        self.today = today
        self.lastChanged = lastChanged
    }

    public func check(_ workspace: Workspace) -> [Finding] {
        rules.filter(\.enabled).flatMap { configured in
            var context = RuleContext(
                workspace: workspace, description: configured.description,
                settings: configured.settings, today: today, lastChanged: lastChanged
            )
            context.history = history
            return configured.rule.check(context)
        }
    }
}

/// When files last changed, from version control. The rules ask it lazily.
public protocol ChangeHistory: Sendable {
    /// The date of the last commit that changed the file at `path` (as the report shows it),
    /// or nil when none did on or after `notBefore`.
    func lastChange(of path: String, notBefore: CalendarDate) -> CalendarDate?
}
