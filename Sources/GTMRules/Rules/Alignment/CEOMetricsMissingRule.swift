import GTMCore
import GTMModel

/// The few numbers the CEO watches must be in the strategy.
struct CEOMetricsMissingRule: Rule {
    static let description = RuleDescription(
        id: "GTM307",
        name: "ceo-metrics-missing",
        severity: .warning,
        summary: "The metrics leave out ARR, ACV, GRR, NRR or category growth.",
        rationale: """
            Seed 002: the CEO who owns GTM watches ARR, ACV, gross and net revenue retention and \
            the growth of the category. A strategy without them cannot be judged by its owner.
            """,
        seeds: ["002"],
        settings: [RuleSetting("required-metrics", .strings(["arr", "acv", "grr", "nrr", "category-growth"]), "Metric names the strategy must carry.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: [{name: arr}, {name: acv}, {name: grr}, {name: nrr}, {name: category-growth}]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: ↓[{name: arr}, {name: pipeline}]\n"),
            RuleExample("↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let metrics = strategy[.metrics]
        let present = Set(metrics.items.compactMap { $0[.metricName].string })
        let missing = context.strings("required-metrics").filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        return [context.finding("the metrics leave out \(missing.joined(separator: ", ")), which the CEO watches", at: metrics)]
    }
}
