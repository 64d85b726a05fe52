import GTMCore
import GTMModel

/// The real competitor is often doing nothing.
struct PositioningWithoutAlternativesRule: Rule {
    static let description = RuleDescription(
        id: "GTM215",
        name: "positioning-without-alternatives",
        severity: .warning,
        summary: "Positioning names no alternatives, or leaves out doing nothing.",
        rationale: """
            Seed 001: positioning is relative to what the buyer would do otherwise, and the most \
            common alternative is to do nothing or keep the status quo. A positioning without \
            them has not said why the buyer should move at all.
            """,
        seeds: ["001"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  alternatives:\n    - {name: Spreadsheets, kind: status-quo}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  ↓statement: Better dashboards.\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  alternatives:\n    ↓- {name: Acme, kind: competitor}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let positioning = strategy[.positioning]
        guard positioning.exists else { return [] }
        let alternatives = strategy[.alternatives]
        let kinds = alternatives.items.compactMap { $0[.alternativeKind].string }
        if kinds.isEmpty {
            return [context.finding("positioning names no alternatives; say what the buyer would do instead, including nothing", at: positioning)]
        }
        guard !kinds.contains("do-nothing"), !kinds.contains("status-quo") else { return [] }
        return [context.finding(
            "positioning compares only with \(kinds.joined(separator: ", ")); add doing nothing or the status quo, the alternative most deals are lost to",
            at: alternatives)]
    }
}
