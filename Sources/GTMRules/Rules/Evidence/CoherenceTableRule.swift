import GTMCore
import GTMModel

/// Each choice in the coherence table stands on evidence.
struct CoherenceTableRule: Rule {
    static let description = RuleDescription(
        id: "GTM220",
        name: "coherence-row-without-evidence",
        severity: .warning,
        summary: "The strategy has no coherence table, or a row of it gives no evidence.",
        rationale: """
            Seed 003's coherence check table puts each choice (ICP, problem, buyer, positioning, \
            motion, pricing, distribution, product, services, economics) beside its evidence; a \
            choice without evidence is an opinion.
            """,
        seeds: ["003"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ncoherence:\n  - {choice: icp, answer: Fintech platform teams, evidence: 12 design partners}\n"),
        ],
        failing: [
            RuleExample("↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ncoherence:\n  - {choice: icp, answer: Fintech, evidence: 12 partners}\n  - ↓{choice: pricing, answer: Per seat}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let table = strategy[.coherence]
        guard table.isPresent else {
            return [context.finding("the strategy has no coherence table: list each choice with its current answer and evidence", at: table)]
        }
        return table.items.compactMap { row in
            guard row.isMapping, !row[.coherenceEvidence].isPresent else { return nil }
            return context.finding("the \(Wording.choice(row[.coherenceChoice].text ?? "")) choice gives no evidence", at: row)
        }
    }
}
