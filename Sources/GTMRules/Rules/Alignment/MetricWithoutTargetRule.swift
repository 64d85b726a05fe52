import GTMCore
import GTMModel

/// A metric without a number is a wish.
struct MetricWithoutTargetRule: Rule {
    static let description = RuleDescription(
        id: "GTM306",
        name: "metric-without-target",
        severity: .warning,
        summary: "A success metric has no numeric target.",
        rationale: """
            Seed 001: success metrics carry numeric targets by stage, so the team knows whether \
            the strategy works.
            """,
        seeds: ["001"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: [{name: arr, target: 1000000}]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: [{name: arr, target: 1000000}, ↓{name: nrr}, ↓{name: pipeline, label: Qualified pipeline, unit: USD}]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        return strategy[.metrics].items.compactMap { metric in
            guard metric.isMapping, metric[.metricTarget].number == nil else { return nil }
            let name = metric[.metricLabel].text ?? metric[.metricName].text ?? "a metric"
            return context.finding("the metric \"\(name)\" has no numeric target", at: metric)
        }
    }
}
