import GTMCore
import GTMModel

/// Each step is earned by evidence, not by the calendar.
struct SequenceWithoutEvidenceRule: Rule {
    static let description = RuleDescription(
        id: "GTM219",
        name: "sequence-without-evidence",
        severity: .warning,
        summary: "The strategy has no sequence, or a step does not name the evidence that unlocks the next.",
        rationale: """
            Seed 003 asks for a sequence in which each step names the evidence that unlocks the \
            next, so the company moves when the proof arrives rather than when the plan says.
            """,
        seeds: ["003"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nsequence:\n  - {step: Win fintech, evidence: 20 referenceable customers}\n"),
        ],
        failing: [
            RuleExample("↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nsequence:\n  - {step: Win fintech, evidence: 20 customers}\n  - ↓{step: Expand to insurance}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let sequence = strategy[.sequence]
        guard sequence.isPresent else {
            return [context.finding("the strategy has no sequence: say what comes first and what evidence unlocks each next step", at: sequence)]
        }
        return sequence.items.compactMap { step in
            guard step.isMapping, !step[.sequenceEvidence].isPresent else { return nil }
            let name = step[.sequenceStep].text ?? "a step"
            return context.finding("the step \"\(name)\" names no evidence that unlocks the next one", at: step)
        }
    }
}
