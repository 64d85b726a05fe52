import GTMCore
import GTMModel

/// Runs every enabled rule over the workspace.
public struct RuleEngine: Sendable {
    public var rules: [ConfiguredRule]
    public var today: CalendarDate
    public var lastChanged: [String: CalendarDate]

    public init(rules: [ConfiguredRule], today: CalendarDate, lastChanged: [String: CalendarDate] = [:]) {
        self.rules = rules
        self.today = today
        self.lastChanged = lastChanged
    }

    public func check(_ workspace: Workspace) -> [Finding] {
        rules.filter(\.enabled).flatMap { configured in
            let context = RuleContext(
                workspace: workspace, description: configured.description,
                settings: configured.settings, today: today, lastChanged: lastChanged
            )
            return configured.rule.check(context)
        }
    }
}
