import GTMCore
import GTMModel

/// Functions execute the shared ICP; they do not each invent their own.
struct PlanDefinesOwnICPRule: Rule {
    static let description = RuleDescription(
        id: "GTM302",
        name: "plan-defines-own-icp",
        severity: .error,
        summary: "A functional plan defines its own ICP instead of referencing the strategy's segments.",
        rationale: """
            Seed 004: functional strategies execute inside the GTM model. When marketing or \
            sales writes its own ICP, the functions target different customers and the \
            strategy stops being shared.
            """,
        seeds: ["004"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: MarketingPlan\nid: m\nstrategy: s\nsegments: [a]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: ⤷a\n---\napiVersion: gtm/v1\nkind: MarketingPlan\nid: m\nstrategy: s\nicp: ↓{industries: [all]}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let related = context.strategy.map { s in [(s[.beachhead].exists ? s[.beachhead] : NodeRef(s), "the strategy's ICP is chosen here")] } ?? []
        return context.workspace.functionalPlans.compactMap { plan in
            let icp = plan[.planICP(plan.kind)]
            guard icp.exists else { return nil }
            return context.finding("\(plan.displayName) defines its own ICP: either reference the strategy's segments instead, or, if this ICP is right, change the strategy's segments so every function works the same one", at: icp, related: related)
        }
    }
}
