import GTMCore
import GTMModel

/// Functions execute one shared model; two strategies means none.
struct SingleStrategyRule: Rule {
    static let description = RuleDescription(
        id: "GTM002",
        name: "single-strategy",
        severity: .error,
        summary: "The strategy folder holds no Strategy document, or more than one.",
        rationale: """
            Seed 004: one GTM strategy sits between the business strategy and the functional \
            plans. Plans and segments without a Strategy have nothing to execute; two \
            strategies let each function pick the one it likes.
            """,
        seeds: ["004"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n---\napiVersion: gtm/v1\nkind: Segment\nid: x\n"),
        ],
        failing: [
            RuleExample("↓apiVersion: gtm/v1\nkind: Segment\nid: x\n"),
            RuleExample("⤷apiVersion: gtm/v1\nkind: Strategy\nid: a\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n---\n↓apiVersion: gtm/v1\nkind: Strategy\nid: b\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let strategies = context.workspace.documents(of: .strategy)
        if strategies.isEmpty {
            guard let first = context.workspace.documents.first else { return [] }
            return [context.finding("no Strategy document: segments and plans need the strategy they execute", at: NodeRef(first))]
        }
        let first = strategies[0]
        return strategies.dropFirst().map { extra in
            context.finding(
                "a second Strategy document (\(extra.displayName)); keep one strategy and let plans reference it",
                at: NodeRef(extra), related: [(NodeRef(first), "\(first.displayName) is defined here")])
        }
    }
}
