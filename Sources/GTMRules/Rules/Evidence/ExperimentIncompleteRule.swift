import GTMCore
import GTMModel

/// An experiment that cannot fail is not an experiment.
struct ExperimentIncompleteRule: Rule {
    static let description = RuleDescription(
        id: "GTM218",
        name: "experiment-incomplete",
        severity: .warning,
        summary: "An experiment lacks a hypothesis, a metric or a falsification threshold.",
        rationale: """
            Seed 003 ends the strategy with experiments that validate or falsify it: each needs \
            what is believed, what is measured, and the result that would prove it wrong, \
            decided before the data arrives.
            """,
        seeds: ["003"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nexperiments:\n  - {id: e, hypothesis: h, metric: m, threshold: 5}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nexperiments:\n  - ↓{id: e, hypothesis: Webinars convert, metric: demo requests}\n  - ↓{id: f}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        return strategy[.experiments].items.compactMap { item in
            guard item.isMapping else { return nil }
            let missing = [(Field.experimentHypothesis, "a hypothesis"), (.experimentMetric, "a metric"), (.experimentThreshold, "a falsification threshold")]
                .filter { !item[$0.0].isPresent }.map(\.1)
            guard !missing.isEmpty else { return nil }
            let name = item[.experimentID].text ?? "an experiment"
            return context.finding("the experiment \"\(name)\" lacks \(missing.joined(separator: ", ")): it cannot be falsified", at: item)
        }
    }
}
