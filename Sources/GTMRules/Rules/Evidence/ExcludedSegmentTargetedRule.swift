import GTMCore
import GTMModel

/// Excluding a segment and targeting it is one decision contradicting another.
struct ExcludedSegmentTargetedRule: Rule {
    static let description = RuleDescription(
        id: "GTM214",
        name: "excluded-segment-targeted",
        severity: .error,
        summary: "The strategy or a functional plan targets a segment the strategy excludes.",
        rationale: """
            Strategy is subtraction (seed 003), and functions execute inside the GTM model \
            (seed 004): a beachhead, a next segment, or a plan's target that the strategy \
            excludes means two decisions contradict each other.
            """,
        seeds: ["003", "004"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: smb\nexclusions:\n  - {id: no-enterprise, segment: enterprise, reason: r}\n---\napiVersion: gtm/v1\nkind: SalesPlan\nid: p\nstrategy: s\nsegments: [smb]\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: smb
                growth: {nextSegments: [↓enterprise]}
                exclusions:
                  - {id: no-enterprise, segment: ⤷⤷⤷enterprise, reason: Procurement cycles.}
                ---
                apiVersion: gtm/v1
                kind: SalesPlan
                id: sales
                strategy: s
                segments: [smb, ↓enterprise]
                targets:
                  - {segment: ↓enterprise, accounts: 40}
                """),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: [smb, ↓agencies]\nexclusions:\n  - {id: x, segment: ⤷agencies, reason: r}\n"),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: smb
                exclusions:
                  - {id: no-agencies, segment: ⤷agencies, reason: They churn with their clients.}
                ---
                apiVersion: gtm/v2
                kind: MarketingPlan
                id: marketing
                strategy: s
                segments: [smb]
                campaigns:
                  - {name: Agency webinar series, segment: ↓agencies, goal: 40 demos}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let workspace = context.workspace
        let excluded = workspace.excludedSegments
        guard !excluded.isEmpty else { return [] }
        return Self.targets(strategy, in: workspace).compactMap { reference, role in
            let ref = reference.place, id = reference.id
            guard let exclusion = excluded[id] else { return nil }
            return context.finding(
                "\"\(id)\" is \(role), but the strategy excludes it: either stop working it here, or lift the exclusion with the evidence that changed the decision",
                at: ref, related: [(exclusion, "\"\(id)\" is excluded here")])
        }
    }

    /// The segments the strategy and its plans target, each reference with its role in words:
    /// the beachhead, the next segments, the plans' segments, the sales plans' targets and the
    /// marketing plans' campaigns.
    static func targets(_ strategy: GTMDocument, in workspace: Workspace) -> [(Reference, String)] {
        var targets: [(Reference, String)] = workspace.references(in: strategy, .beachhead).map { ($0, "the beachhead") }
        targets += workspace.references(in: strategy, .nextSegment).map { ($0, "a next segment of the strategy") }
        for plan in workspace.functionalPlans {
            targets += workspace.references(in: plan, .planSegment).map { ($0, "a segment of \(plan.displayName)") }
            // A sales plan's targets and a marketing plan's campaigns: every activity that names
            // a segment is held to the exclusions.
            targets += workspace.references(in: plan, .planTarget).map { reference in
                (reference, Field.campaignSegment.contains(reference.place.pointer)
                    ? "the segment of a campaign of \(plan.displayName)" : "a target of \(plan.displayName)")
            }
        }
        return targets
    }
}
