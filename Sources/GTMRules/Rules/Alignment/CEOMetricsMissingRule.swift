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
            the growth of the category. A strategy without them cannot be judged by its owner. \
            Answers differ by stage (seeds 001, 002): before product-market fit there is little \
            revenue to retain, so the rule asks only at the stages its setting lists.
            """,
        seeds: ["002"],
        settings: [
            RuleSetting("required-metrics", .strings(["arr", "acv", "grr", "nrr", "category-growth"]), "Metric names the strategy must carry."),
            .stages("Stages at which the strategy must carry them; problem-solution fit is not asked for retention it cannot have yet."),
        ],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: [{name: arr, target: 1000000}, {name: acv, target: 12000}, {name: grr, target: 90}, {name: nrr, target: 110}, {name: category-growth, target: 20}]\n"),
            // At problem-solution fit there is no revenue to retain yet.
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: problem-solution-fit\nmetrics: [{name: activation, target: 30, unit: percent}]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: ↓[{name: arr, target: 1000000}, {name: pipeline, target: 400000}]\n"),
            RuleExample("↓apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: problem-solution-fit\nmetrics: ↓[{name: activation, target: 30}]\n",
                        settings: ["stages": .strings(["problem-solution-fit", "product-market-fit", "gtm-fit", "scale"]), "required-metrics": .strings(["arr"])]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, context.asksAtThisStage else { return [] }
        let metrics = strategy[.metrics]
        let present = Set(metrics.items.compactMap { $0[.metricName].string })
        let missing = context.strings("required-metrics").filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        let names = missing.map(Self.words)
        let listed = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        let stage = context.stage.map { " at \(Wording.stage($0.name))" } ?? ""
        return [context.finding("the metrics leave out \(listed), which the CEO watches\(stage): add \(names.count == 1 ? "it" : "them") with numeric targets", at: metrics)]
    }

    /// A metric's name as the CEO says it.
    static func words(_ name: String) -> String {
        switch name {
        case "arr", "acv", "grr", "nrr", "cac": name.uppercased()
        case "cac-payback": "CAC payback"
        default: name.replacing("-", with: " ")
        }
    }
}
