import GTMCore
import GTMModel

/// Plans work the segments the strategy chose, not the ones a function prefers.
struct PlanSegmentOutsideStrategyRule: Rule {
    static let description = RuleDescription(
        id: "GTM304",
        name: "plan-segment-outside-strategy",
        severity: .warning,
        summary: "A functional plan works a segment that is neither the beachhead nor a next segment.",
        rationale: """
            Seed 004: functions execute inside the GTM model. A plan that works a segment the \
            strategy did not choose spreads effort beyond the beachhead.
            """,
        seeds: ["004"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: a\ngrowth: {nextSegments: [b]}\n---\napiVersion: gtm/v1\nkind: SalesPlan\nid: p\nstrategy: s\nsegments: [a, b]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: ⤷a\n---\napiVersion: gtm/v1\nkind: SalesPlan\nid: p\nstrategy: s\nsegments: [a, ↓c]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let workspace = context.workspace
        var chosen = Set(workspace.beachheads.compactMap { $0.ref.string })
        chosen.formUnion(workspace.references(in: strategy, .nextSegment).map(\.id))
        let excluded = workspace.excludedSegments
        let beachhead = strategy[.beachhead]
        let related = beachhead.exists ? [(beachhead, "the strategy chooses its beachhead here")] : []
        var findings: [Finding] = []
        for plan in workspace.functionalPlans {
            for segment in workspace.references(in: plan, .planSegment) {
                let id = segment.id
                guard !chosen.contains(id), excluded[id] == nil else { continue }
                findings.append(context.finding("\(plan.displayName) works the segment \"\(id)\", which the strategy neither targets nor names as a next segment", at: segment.place, related: related))
            }
        }
        return findings
    }
}
