import GTMCore
import GTMModel

/// Hiring sellers to a playbook that does not exist yet multiplies the cost of learning.
struct ScalingBeforeFitRule: Rule {
    static let description = RuleDescription(
        id: "GTM211",
        name: "scaling-before-fit",
        severity: .error,
        summary: "Hiring sellers to a playbook before product-market fit or before the playbook is repeatable.",
        rationale: """
            Seeds 001 and 003: scale comes after the evidence. Hiring quota carriers to run a \
            playbook before product-market fit, or before anyone but the founders can close, \
            turns an unproven motion into fixed cost.
            """,
        seeds: ["001", "003"],
        settings: [RuleSetting("max-reps-before-fit", .number(2), "Sellers a company may hire before fit, to learn rather than to scale.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nhiring: {salesReps: 10, playbookBased: true}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: sales-led, playbook: {repeatable: false}}\nhiring: {salesReps: 1}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ⤷problem-solution-fit\nhiring: ↓{salesReps: 6, playbookBased: true}\n"),
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion:
                  primary: sales-led
                  playbook: {repeatable: ⤷false}
                hiring:
                  ↓salesReps: 8
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, let stage = context.stage else { return [] }
        let hiring = strategy[.hiring]
        let reps = strategy[.hiringSalesReps].number ?? 0
        let toPlaybook = strategy[.hiringPlaybookBased].bool == true || reps > context.number("max-reps-before-fit")
        guard toPlaybook else { return [] }
        let repeatable = strategy[.playbookRepeatable]
        let reason: (NodeRef, String)
        if stage.name == "problem-solution-fit" {
            reason = (stage.ref, "the stage is problem-solution fit")
        } else if stage.name == "product-market-fit", repeatable.bool != true {
            reason = repeatable.exists ? (repeatable, "the playbook is not repeatable yet") : (stage.ref, "the stage is product-market fit with no repeatable playbook")
        } else {
            return []
        }
        return [context.finding(
            "the plan hires \(shown(reps)) sellers to a playbook while \(reason.1): scale after the evidence, not before; either hire only the few sellers who learn the playbook, or show the evidence that it repeats",
            at: hiring, related: [reason])]
    }
}
