import GTMCore
import GTMModel

/// Market, Operate, Scale, Grow: a strategy answers all four.
struct MOVECoverageRule: Rule {
    static let description = RuleDescription(
        id: "GTM107",
        name: "move-coverage",
        severity: .warning,
        summary: "The strategy leaves one of the MOVE questions unanswered.",
        rationale: """
            Seed 000's MOVE framework asks four questions: who to market to (a beachhead), what \
            to operate (revenue architecture and RevOps), when to scale (a sequence with \
            evidence) and where to grow (expansion, retention, next segments).
            """,
        seeds: ["000"],
        passing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: a
                revenueArchitecture: {revops: {reportsTo: ceo}}
                sequence: [{step: one, evidence: ten customers}]
                growth: {expansion: seats}
                """),
        ],
        failing: [
            RuleExample("↓↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: a\nsequence: [{step: one, evidence: e}]\n"),
            RuleExample("↓↓↓↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let answered: [(String, Bool)] = [
            ("Market: who to market to (a beachhead)", strategy[.beachhead].isPresent),
            ("Operate: what to run (revenue architecture with RevOps)", strategy[.revops].isPresent),
            ("Scale: when to scale (a sequence step with evidence)", strategy.all(.sequenceEvidence).contains(where: \.isPresent)),
            ("Grow: where to grow (expansion, retention or next segments)", [Field.growthExpansion, .growthRetention, .nextSegments].contains { strategy[$0].isPresent }),
        ]
        return answered.filter { !$0.1 }.map { question, _ in
            context.finding("the strategy does not answer MOVE's \(question)", at: NodeRef(strategy))
        }
    }
}
