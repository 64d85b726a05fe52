import GTMCore
import GTMRules

/// What `gtm rules` renders: the rules listed, or one explained.
public struct RuleListing: Sendable {
    public var rules: [RuleDoc]
    public var explain: Bool

    public init(rules: [RuleDoc], explain: Bool) {
        self.rules = rules
        self.explain = explain
    }
}

/// What the documentation shows of a rule.
public struct RuleDoc: Sendable {
    public var id, name, summary, rationale: String
    /// `state` or `change` for a rule; `input` for one of the tool's own checks.
    public var kind: String
    public var severity: Severity
    public var seeds: [String]
    public var settings: [RuleSetting]
    public var passing: [String]
    public var failing: [String]

    /// The rules in id order, then the tool's own checks.
    public static var all: [RuleDoc] {
        RuleCatalog.all.map { type -> RuleDoc in
            let d = type.description
            return RuleDoc(id: d.id, name: d.name, summary: d.summary, rationale: d.rationale, kind: d.kind.rawValue,
                           severity: d.severity, seeds: d.seeds, settings: d.settings,
                           passing: d.passing.map(\.documentation), failing: d.failing.map(\.documentation))
        } + ToolCheck.allCases.map { check in
            RuleDoc(id: check.id, name: check.id, summary: check.summary,
                    rationale: "A check gtm makes on its input and settings before the rules run; it cannot be turned off.",
                    kind: "input", severity: check.severity, seeds: [], settings: [], passing: [], failing: [])
        }
    }
}

/// Rule documentation, generated from the rules themselves so it cannot drift.
enum RuleDocumentation {
    /// The rules, one a line, then the checks gtm makes on its input.
    static func table(_ rules: [RuleDoc]) -> String {
        let checks = rules.filter { $0.kind == "input" }, real = rules.filter { $0.kind != "input" }
        let nameWidth = real.map(\.name.count).max() ?? 0
        var out = real.map { r in
            let name = r.name.padding(nameWidth)
            let severity = r.severity.rawValue.padding(7)
            let change = r.kind == "change" ? "(change) " : ""
            return "\(r.id)  \(name)  \(severity)  \(change)\(r.summary)\n"
        }.joined()
        if !checks.isEmpty {
            let width = checks.map(\.id.count).max() ?? 0
            out += (out.isEmpty ? "" : "\n") + "Checks on the input (always on):\n"
            out += checks.map { "\($0.id.padding(width))  \($0.severity.rawValue.padding(7))  \($0.summary)\n" }.joined()
        }
        return out
    }

    static func explain(_ r: RuleDoc) -> String {
        let judged = switch r.kind {
        case "change": "A rule about a change: gtm review and gtm diff run it on the step from the base to the head."
        case "state": "A rule about the strategy as it stands: gtm check, the hook and gtm review run it."
        default: "Every command that reads strategy files makes this check."
        }
        let name = r.name == r.id ? r.id : "\(r.id) \(r.name)"
        var out = "\(name) (\(r.severity.rawValue))\n\n\(r.summary)\n\n\(r.rationale)\n"
        if !r.seeds.isEmpty { out += "Seeds: \(r.seeds.joined(separator: ", "))\n" }
        out += judged + "\n"
        if !r.settings.isEmpty {
            out += "\nSettings (in .gtm.yaml under rules: {\(r.id): {…}}):\n"
            for s in r.settings { out += "  \(s.name): \(s.defaultValue)  \(s.summary)\n" }
        }
        for (title, examples) in [("Passes", r.passing), ("Fails", r.failing)] {
            for (i, e) in examples.enumerated() {
                out += "\n\(title) (\(i + 1)):\n"
                out += e.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    static func markdownTable(_ rules: [RuleDoc]) -> String {
        var out = "| id | name | judges | severity | summary |\n|---|---|---|---|---|\n"
        for r in rules {
            let judges = switch r.kind {
            case "state": "the strategy"
            case "change": "a change"
            default: "the input"
            }
            out += "| \(r.id) | `\(r.name)` | \(judges) | \(r.severity.rawValue) | \(r.summary.replacing("|", with: "\\|")) |\n"
        }
        return out
    }

    static func json(_ rules: [RuleDoc]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.key("rules")
        w.beginArray()
        for r in rules {
            w.beginObject()
            w.field("id", r.id)
            w.field("name", r.name)
            w.field("kind", r.kind)
            w.field("severity", r.severity.rawValue)
            w.field("summary", r.summary)
            w.field("rationale", r.rationale)
            w.key("seed")
            w.beginArray()
            for s in r.seeds { w.string(s) }
            w.endArray()
            w.key("settings")
            w.beginArray()
            for s in r.settings {
                w.beginObject()
                w.field("name", s.name)
                w.key("default")
                switch s.defaultValue {
                case .number: w.raw(s.defaultValue.description)
                case .bool(let b): w.bool(b)
                case .strings(let list):
                    w.beginArray()
                    for item in list { w.string(item) }
                    w.endArray()
                }
                w.field("summary", s.summary)
                w.endObject()
            }
            w.endArray()
            w.key("examples")
            w.beginObject()
            for (key, examples) in [("passing", r.passing), ("failing", r.failing)] {
                w.key(key)
                w.beginArray()
                for e in examples { w.string(e) }
                w.endArray()
            }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
