import GTMCore
import GTMModel

/// A beachhead is a list a team can work by name, not a market.
struct FirstTargetListSizeRule: Rule {
    static let description = RuleDescription(
        id: "GTM102",
        name: "first-target-list-size",
        severity: .warning,
        summary: "The beachhead segment holds more accounts than a first target list should.",
        rationale: """
            A first target list should be fewer than about 1,000 companies (seed 001): small \
            enough to know each account, reach it with the same message, and learn from every \
            deal. A larger estimate means the ICP is a market, not a beachhead.
            """,
        seeds: ["001"],
        settings: [RuleSetting("max-accounts", .number(1000), "Most accounts a beachhead segment may hold.")],
        passing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: fintech-platform-teams
                ---
                apiVersion: gtm/v1
                kind: Segment
                id: fintech-platform-teams
                accounts: {estimated: 850}
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ⤷mid-market
                ---
                apiVersion: gtm/v1
                kind: Segment
                id: mid-market
                accounts:
                  estimated: ↓12000
                """),
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ⤷mid-market
                ---
                apiVersion: gtm/v1
                kind: Segment
                id: mid-market
                accounts:
                  estimated: ↓600
                """, settings: ["max-accounts": .number(500)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let limit = context.number("max-accounts")
        return context.workspace.beachheads.compactMap { ref, segment in
            guard let segment else { return nil }
            let estimate = segment[.accountsEstimated]
            guard let count = estimate.number, count > limit else { return nil }
            return context.finding(
                "the beachhead \(segment.displayName) is estimated at \(Wording.number(count, beside: limit)) accounts; a first target list should stay under \(Wording.number(limit))",
                at: estimate,
                related: [(ref, "chosen as the beachhead here")]
            )
        }
    }
}
