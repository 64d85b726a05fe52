import GTMCore
import GTMModel

/// A plan that is held to no number cannot show that it executes the model.
struct PlanWithoutMetricsRule: Rule {
    static let description = RuleDescription(
        id: "GTM309",
        name: "plan-without-metrics",
        severity: .warning,
        summary: "A functional plan has no metrics, or a metric without a numeric target.",
        rationale: """
            Seed 004: functions execute inside the GTM model, and seed 001 asks for success \
            metrics with numeric targets. A marketing, sales, product or success plan without \
            numbers of its own cannot be compared with the strategy it executes: nobody can \
            tell whether the function delivers its part of the model. Plan metrics came with \
            gtm/v2: a plan still written in gtm/v1 is asked for them once `gtm migrate` has \
            moved it.
            """,
        seeds: ["001", "004"],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: SuccessPlan
                id: success-2027
                strategy: s
                metrics:
                  - {name: grr, label: Gross revenue retention, target: 92, unit: percent, by: 2027-12-31}
                  - {name: time-to-value, target: 14, unit: days}
                """),
            // Written in gtm/v1, which had no plan metrics: asked once migrated.
            RuleExample("apiVersion: gtm/v1\nkind: MarketingPlan\nid: marketing-2027\nstrategy: s\nsegments: [clinics]\n"),
        ],
        failing: [
            RuleExample("""
                ↓apiVersion: gtm/v2
                kind: MarketingPlan
                id: marketing-2027
                strategy: s
                segments: [clinics]
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: SalesPlan
                id: sales-2027
                strategy: s
                metrics: ↓[]
                """),
            // The schema requires a target; a plan read without it is still held to a number.
            RuleExample("""
                apiVersion: gtm/v2
                kind: ProductPlan
                id: product-2027
                strategy: s
                metrics:
                  - {name: activation, target: 40, unit: percent}
                  - ↓{name: time-to-value, label: Days to first report}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for plan in context.workspace.functionalPlans where plan.version >= .v2 {
            let metrics = plan[.planMetrics(plan.kind)]
            guard metrics.isPresent else {
                findings.append(context.finding(
                    "\(plan.displayName) is held to no metric: add the numbers it commits to, each with a target (for example \(Self.examples(plan.kind))), so the plan can be checked against the strategy",
                    at: metrics))
                continue
            }
            for metric in metrics.items where metric.isMapping && metric[.planMetricTarget(plan.kind)].number == nil {
                let name = metric[.planMetricLabel(plan.kind)].text ?? metric[.planMetricName(plan.kind)].text ?? "a metric"
                findings.append(context.finding(
                    "the metric \"\(name)\" of \(plan.displayName) has no numeric target: give the number the plan commits to",
                    at: metric))
            }
        }
        return findings
    }

    /// Metrics a plan of each kind is commonly held to.
    static func examples(_ kind: DocumentKind) -> String {
        switch kind {
        case .marketingPlan: "accounts-targeted, pipeline"
        case .salesPlan: "win-rate, pipeline, accounts-targeted"
        case .productPlan: "activation, time-to-value"
        case .successPlan: "grr, nrr, time-to-value"
        case .strategy, .segment: "arr"
        }
    }
}
