import GTMCore
import GTMModel
import GTMRules

/// A rule about a change rather than a state: it sees the strategy before and after, and the
/// semantic changes between them. Run by `gtm review` and `gtm diff`.
public protocol DiffRule: Sendable {
    static var description: DiffRuleDescription { get }
    init()
    func check(_ context: DiffContext) -> [Finding]
}

public struct DiffRuleDescription: Sendable {
    public var id: String
    public var name: String
    public var severity: Severity
    public var summary: String
    public var rationale: String
    public var seeds: [String]
    public var passing: [DiffExample]
    public var failing: [DiffExample]
}

/// A before and an after that a diff rule must pass or fail. In failing examples `↓` in the
/// after text marks where each finding belongs.
public struct DiffExample: Sendable {
    public var before: String
    public var after: String
    public var file: String
    public var line: Int

    public init(before: String, after: String, file: String = #filePath, line: Int = #line) {
        self.before = before
        self.after = after
        self.file = file
        self.line = line
    }

    public var unmarkedAfter: (text: String, marks: [(Int, Int)]) {
        let u = RuleExample(after).unmarked
        return (u.text, u.primary)
    }
}

/// What a diff rule sees.
public struct DiffContext: Sendable {
    public var before: Workspace
    public var after: Workspace
    public var changes: [SemanticChange]
    public var description: DiffRuleDescription

    public init(before: Workspace, after: Workspace, changes: [SemanticChange], description: DiffRuleDescription) {
        self.before = before
        self.after = after
        self.changes = changes
        self.description = description
    }

    /// A finding at a place in the after side.
    public func finding(_ message: String, at place: NodeRef, related: [(NodeRef, String)] = []) -> Finding {
        Finding(
            rule: description.id, severity: description.severity, message: message,
            location: place.location, pointer: place.pointer, documentID: place.document.id,
            related: related.map { RelatedLocation(location: $0.0.location, message: $0.1) }
        )
    }

    /// The stage of the strategy after the change; stages before GTM fit make upmarket moves risky.
    public var stageAfter: String? { after.strategy?.root["stage"]?.string }
}

public enum DiffRuleCatalog {
    public static let all: [any DiffRule.Type] = [
        UpmarketBeforeFitRule.self,
        BroadenedICPRule.self,
        DroppedExclusionRule.self,
        PriceChangeWithoutExperimentRule.self,
    ]

    public static func check(before: Workspace, after: Workspace, changes: [SemanticChange]) -> [Finding] {
        all.flatMap { type in
            type.init().check(DiffContext(before: before, after: after, changes: changes, description: type.description))
        }
    }
}
