import GTMCore
import GTMModel

/// A coherence rule: a static description (id, name, severity, rationale, settings, examples)
/// and a check over the whole workspace. One rule per file, like SwiftLint.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings for this workspace. Use `context.finding(…)` so ids, severity and document
    /// identity are filled in the same way for every rule.
    func check(_ context: RuleContext) -> [Finding]
}

/// Everything about a rule that is not its check: shown by `gtm rules`, used by the tests.
public struct RuleDescription: Sendable {
    /// Stable identifier, `GTM101`; never reused.
    public var id: String
    /// kebab-case name, usable wherever the id is.
    public var name: String
    public var severity: Severity
    public var summary: String
    /// Why the rule exists, in the seed's terms.
    public var rationale: String
    /// The seed documents the rationale cites (`003`).
    public var seeds: [String]
    public var settings: [RuleSetting]
    public var passing: [RuleExample]
    public var failing: [RuleExample]

    public init(
        id: String, name: String, severity: Severity, summary: String, rationale: String,
        seeds: [String], settings: [RuleSetting] = [], passing: [RuleExample], failing: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.seeds = seeds
        self.settings = settings
        self.passing = passing
        self.failing = failing
    }

    public func setting(_ name: String) -> RuleSetting? { settings.first { $0.name == name } }
}

/// A threshold or list a team may change in `.gtm.yaml` under `rules: {ID: {name: value}}`.
public struct RuleSetting: Sendable {
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        case number(Double)
        case strings([String])
        case bool(Bool)

        public var description: String {
            switch self {
            case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
            case .strings(let s): "[" + s.joined(separator: ", ") + "]"
            case .bool(let b): String(b)
            }
        }
    }

    public var name: String
    public var defaultValue: Value
    public var summary: String

    public init(_ name: String, _ defaultValue: Value, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
