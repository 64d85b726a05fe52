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
/// A replay of history hands it to some forty rules at each of thousands of states: what only
/// `gtm rules` and the tests read (the words, settings and examples) is kept in one shared
/// object, so that a copy takes three references instead of nine.
public struct RuleDescription: Sendable {
    /// Stable identifier, `GTM101`; never reused.
    public var id: String
    /// kebab-case name, usable wherever the id is.
    public var name: String
    public var kind: RuleKind
    public var severity: Severity
    private var details: Details

    /// The part read only by `gtm rules`, settings and tests; replaced whole when one of them is set.
    private final class Details: Sendable {
        let summary: String
        let rationale: String
        let seeds: [String]
        let settings: [RuleSetting]
        let passing: [RuleExample]
        let failing: [RuleExample]
        let renamedSettings: [String: String]

        init(summary: String, rationale: String, seeds: [String], settings: [RuleSetting], passing: [RuleExample],
             failing: [RuleExample], renamedSettings: [String: String]) {
            self.summary = summary
            self.rationale = rationale
            self.seeds = seeds
            self.settings = settings
            self.passing = passing
            self.failing = failing
            self.renamedSettings = renamedSettings
        }

        func with(summary: String? = nil, rationale: String? = nil, seeds: [String]? = nil, settings: [RuleSetting]? = nil,
                  passing: [RuleExample]? = nil, failing: [RuleExample]? = nil, renamedSettings: [String: String]? = nil) -> Details {
            Details(summary: summary ?? self.summary, rationale: rationale ?? self.rationale, seeds: seeds ?? self.seeds,
                    settings: settings ?? self.settings, passing: passing ?? self.passing, failing: failing ?? self.failing,
                    renamedSettings: renamedSettings ?? self.renamedSettings)
        }
    }

    public var summary: String {
        get { details.summary }
        set { details = details.with(summary: newValue) }
    }
    /// Why the rule exists, in the seed's terms.
    public var rationale: String {
        get { details.rationale }
        set { details = details.with(rationale: newValue) }
    }
    /// The seed documents the rationale cites (`003`).
    public var seeds: [String] {
        get { details.seeds }
        set { details = details.with(seeds: newValue) }
    }
    public var settings: [RuleSetting] {
        get { details.settings }
        set { details = details.with(settings: newValue) }
    }
    public var passing: [RuleExample] {
        get { details.passing }
        set { details = details.with(passing: newValue) }
    }
    public var failing: [RuleExample] {
        get { details.failing }
        set { details = details.with(failing: newValue) }
    }
    /// Old setting names and the ones that replaced them, still read.
    public var renamedSettings: [String: String] {
        get { details.renamedSettings }
        set { details = details.with(renamedSettings: newValue) }
    }

    public init(
        id: String, name: String, kind: RuleKind = .state, severity: Severity, summary: String, rationale: String,
        seeds: [String], settings: [RuleSetting] = [], renamedSettings: [String: String] = [:], passing: [RuleExample], failing: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.severity = severity
        self.details = Details(summary: summary, rationale: rationale, seeds: seeds, settings: settings, passing: passing,
                               failing: failing, renamedSettings: renamedSettings)
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
