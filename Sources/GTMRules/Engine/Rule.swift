import GTMCore
import GTMModel

/// A rule: a static description (id, name, kind, severity, rationale, settings, examples) and a
/// check. One rule per file, like SwiftLint. A rule about a state judges one workspace; a rule
/// about a change judges the step from an earlier workspace to a later one (`context.change`).
/// Both are configured, waived, documented and tested the same way.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings for this workspace, or for this change when the rule is about changes. Use
    /// `context.finding(…)` so ids, severity and document identity are filled in the same way
    /// for every rule.
    func check(_ context: RuleContext) -> [Finding]
}

/// What a rule judges: one revision of the strategy, or the change between two.
public enum RuleKind: String, Sendable, CaseIterable {
    /// Run by `gtm check`, the hook, and on both sides of a review.
    case state
    /// Run by `gtm review` and `gtm diff`, on the step from the base to the head.
    case change
}

/// Everything about a rule that is not its check: shown by `gtm rules`, used by the tests.
public struct RuleDescription: Sendable {
    /// Stable identifier, `GTM101`; never reused.
    public var id: String
    /// kebab-case name, usable wherever the id is.
    public var name: String
    public var kind: RuleKind
    public var severity: Severity
    public var summary: String
    /// Why the rule exists, in the seed's terms.
    public var rationale: String
    /// The seed documents the rationale cites (`003`).
    public var seeds: [String]
    public var settings: [RuleSetting]
    public var passing: [RuleExample]
    public var failing: [RuleExample]
    /// Old setting names and the ones that replaced them, still read.
    public var renamedSettings: [String: String]

    public init(
        id: String, name: String, kind: RuleKind = .state, severity: Severity, summary: String, rationale: String,
        seeds: [String], settings: [RuleSetting] = [], renamedSettings: [String: String] = [:], passing: [RuleExample], failing: [RuleExample]
    ) {
        self.renamedSettings = renamedSettings
        self.id = id
        self.name = name
        self.kind = kind
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
    /// The values a number may take: no setting can make a rule trap or run away. Counts of
    /// days and words start at 1, every other number at 0; none exceeds a trillion.
    public var range: ClosedRange<Double>
    /// The values a list of strings may hold, when they come from the model (stages): a
    /// misspelt one would switch the rule off without a word.
    public var allowed: [String]?

    public init(_ name: String, _ defaultValue: Value, _ summary: String, range: ClosedRange<Double>? = nil, allowed: [String]? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.allowed = allowed
        self.range = range ?? (name.hasSuffix("-days") || name.hasSuffix("-length") ? 1...1e12 : 0...1e12)
    }
}
