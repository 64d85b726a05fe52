import ArgumentParser
import GTMReport
import GTMRules

struct RulesCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, about the strategy and about its changes, or explain one."
    )

    static let examples = """
        gtm rules                      every rule, with its severity
        gtm rules GTM201               one rule: rationale, settings, examples
        gtm rules self-serve-vs-procurement
        gtm rules --format markdown    the table in the README
        """

    @Argument(help: "A rule id (GTM201) or name (self-serve-vs-procurement) to explain.")
    var rule: String?

    @Option(name: .long, help: ArgumentHelp(Formats.rules.help))
    var format: OutputFormat = .text

    func run() throws {
        try Output.require(format, in: Formats.rules, command: "rules")
        var rules = RuleDoc.all
        if let rule {
            guard let found = rules.first(where: { $0.id == rule || $0.name == rule }) else {
                let names = rules.flatMap { [$0.id, $0.name] }
                let hint = Suggestion.closest(to: rule, in: names).map { "; did you mean \"\($0)\"?" } ?? "; `gtm rules` lists them"
                throw CommandFailure(message: "unknown rule \"\(rule)\"\(hint)")
            }
            rules = [found]
        }
        Output.render(RuleListing(rules: rules, explain: rule != nil), Formats.rules, as: format)
    }
}

import GTMCore

