import ArgumentParser
import GTMReport
import GTMRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, about the strategy and about its changes, or explain one."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "A rule id (GTM201) or name (self-serve-vs-procurement) to explain.")
    var rule: String?

    @Option(name: .long, help: "Output format: text, json, or markdown (the README's rule table).")
    var format: Format = .text

    func run() throws {
        var rules = RuleDoc.all
        if let rule {
            guard let found = rules.first(where: { $0.id == rule || $0.name == rule }) else {
                let names = rules.flatMap { [$0.id, $0.name] }
                let hint = Suggestion.closest(to: rule, in: names).map { "; did you mean \"\($0)\"?" } ?? "; `gtm rules` lists them"
                throw CommandFailure(message: "unknown rule \"\(rule)\"\(hint)")
            }
            rules = [found]
        }
        switch format {
        case .json: Output.write(RuleDocumentation.json(rules))
        case .markdown: Output.write(RuleDocumentation.markdownTable(rules))
        case .text: Output.write(rule == nil ? RuleDocumentation.table(rules) : RuleDocumentation.explain(rules[0]))
        }
    }
}

import GTMCore

/// What the documentation shows of a rule.
struct RuleDoc {
    var id, name, summary, rationale: String
    var kind: RuleKind
    var severity: Severity
    var seeds: [String]
    var settings: [RuleSetting]
    var passing: [String]
    var failing: [String]

    static var all: [RuleDoc] {
        RuleCatalog.all.map { type -> RuleDoc in
            let d = type.description
            return RuleDoc(id: d.id, name: d.name, summary: d.summary, rationale: d.rationale, kind: d.kind,
                           severity: d.severity, seeds: d.seeds, settings: d.settings,
                           passing: d.passing.map(\.documentation), failing: d.failing.map(\.documentation))
        }
    }
}

/// Rule documentation, generated from the rules themselves so it cannot drift.
enum RuleDocumentation {
    static func table(_ rules: [RuleDoc]) -> String {
        let nameWidth = rules.map(\.name.count).max() ?? 0
        return rules.map { r in
            let name = r.name.padding(nameWidth)
            let severity = r.severity.rawValue.padding(7)
            return "\(r.id)  \(name)  \(severity)  \(r.summary)"
        }.joined(separator: "\n") + "\n"
    }

    static func explain(_ r: RuleDoc) -> String {
        let judged = r.kind == .change
            ? "A rule about a change: gtm review and gtm diff run it on the step from the base to the head."
            : "A rule about the strategy as it stands: gtm check, the hook and gtm review run it."
        var out = "\(r.id) \(r.name) (\(r.severity.rawValue))\n\n\(r.summary)\n\n\(r.rationale)\nSeeds: \(r.seeds.joined(separator: ", "))\n\(judged)\n"
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
        var out = "| id | name | severity | summary |\n|---|---|---|---|\n"
        for r in rules {
            out += "| \(r.id) | `\(r.name)` | \(r.severity.rawValue) | \(r.summary.replacing("|", with: "\\|")) |\n"
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
            w.field("kind", r.kind.rawValue)
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
