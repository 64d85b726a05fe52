import ArgumentParser
import GTMReport
import GTMRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the coherence rules, or explain one."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "A rule id (GTM201) or name (self-serve-vs-procurement) to explain.")
    var rule: String?

    @Option(name: .long, help: "Output format: text, json, or markdown (the README's rule table).")
    var format: Format = .text

    func run() throws {
        var rules = RuleCatalog.all.map { $0.description }
        if let rule {
            guard let found = RuleCatalog.find(rule) else {
                let names = RuleCatalog.all.flatMap { [$0.description.id, $0.description.name] }
                let hint = Suggestion.closest(to: rule, in: names).map { "; did you mean \"\($0)\"?" } ?? "; `gtm rules` lists them"
                throw CommandFailure(message: "unknown rule \"\(rule)\"\(hint)")
            }
            rules = [found.description]
        }
        switch format {
        case .json: Output.write(RuleDocumentation.json(rules))
        case .markdown: Output.write(RuleDocumentation.markdownTable(rules))
        case .text: Output.write(rule == nil ? RuleDocumentation.table(rules) : RuleDocumentation.explain(rules[0]))
        }
    }
}

import GTMCore

/// Rule documentation, generated from the rules themselves so it cannot drift.
enum RuleDocumentation {
    static func table(_ rules: [RuleDescription]) -> String {
        let nameWidth = rules.map(\.name.count).max() ?? 0
        return rules.map { r in
            let name = r.name.padding(nameWidth)
            let severity = r.severity.rawValue.padding(7)
            return "\(r.id)  \(name)  \(severity)  \(r.summary)"
        }.joined(separator: "\n") + "\n"
    }

    static func explain(_ r: RuleDescription) -> String {
        var out = "\(r.id) \(r.name) (\(r.severity.rawValue))\n\n\(r.summary)\n\n\(r.rationale)\nSeeds: \(r.seeds.joined(separator: ", "))\n"
        if !r.settings.isEmpty {
            out += "\nSettings (in .gtm.yaml under rules: {\(r.id): {…}}):\n"
            for s in r.settings { out += "  \(s.name): \(s.defaultValue)  \(s.summary)\n" }
        }
        for (title, examples) in [("Passes", r.passing), ("Fails", r.failing)] {
            for (i, e) in examples.enumerated() {
                out += "\n\(title) (\(i + 1)):\n"
                out += e.unmarked.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    static func markdownTable(_ rules: [RuleDescription]) -> String {
        var out = "| id | name | severity | summary |\n|---|---|---|---|\n"
        for r in rules {
            out += "| \(r.id) | `\(r.name)` | \(r.severity.rawValue) | \(r.summary.replacing("|", with: "\\|")) |\n"
        }
        return out
    }

    static func json(_ rules: [RuleDescription]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.key("rules")
        w.beginArray()
        for r in rules {
            w.beginObject()
            w.field("id", r.id)
            w.field("name", r.name)
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
                for e in examples { w.string(e.unmarked.text) }
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
