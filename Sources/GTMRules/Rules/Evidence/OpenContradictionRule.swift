import GTMCore
import GTMModel

/// A contradiction written down is a GTM bug: tracked until it is resolved.
struct OpenContradictionRule: Rule {
    static let description = RuleDescription(
        id: "GTM221",
        name: "open-contradiction",
        severity: .warning,
        summary: "A row of the coherence table records a contradiction still to resolve.",
        rationale: """
            Seed 003's coherence table has a column for the contradiction to resolve. Each open \
            one is a GTM bug (seed 002 treats GTM like a product with bugs): gtm reports it until \
            the row no longer carries it, so its life shows in `gtm bugs`.
            """,
        seeds: ["003", "002"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ncoherence:\n  - {choice: motion, answer: PLG, evidence: e}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ncoherence:\n  - {choice: motion, answer: PLG, evidence: e, contradiction: ↓Security review blocks trials}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        return strategy[.coherence].items.compactMap { row in
            let contradiction = row[.coherenceContradiction]
            guard let text = contradiction.string, !text.trimmingSpaces.isEmpty else { return nil }
            let shown = text.count > 80 ? String(text.prefix(79)) + "…" : text
            return context.finding("open contradiction in the \(Wording.choice(row[.coherenceChoice].text ?? "")) choice: \"\(shown)\"", at: contradiction)
        }
    }
}
