import GTMCore
import GTMModel

/// Partners sell a motion that already works; they do not find one.
struct PartnerBeforeRepeatabilityRule: Rule {
    static let description = RuleDescription(
        id: "GTM210",
        name: "partner-before-repeatability",
        severity: .warning,
        summary: "Partner channels or a partner-led motion before direct sales is repeatable.",
        rationale: """
            Seeds 001 and 003 order the moves: partners amplify a playbook the company can \
            already run itself. Before the direct motion is repeatable, a partner has nothing \
            proven to resell and the company learns nothing from the deals.
            """,
        seeds: ["001", "003"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nmotion: {primary: sales-led, playbook: {repeatable: true}}\ndistribution:\n  channels:\n    - {name: Resellers, kind: partner, stage: active}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: sales-led, playbook: {repeatable: false}}\ndistribution:\n  channels:\n    - {name: Resellers, kind: partner, stage: planned}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion:
                  primary: sales-led
                  playbook: {repeatable: ⤷false}
                distribution:
                  channels:
                    - ↓{name: System integrators, kind: partner, stage: active}
                """),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ⤷product-market-fit\nmotion: {primary: ↓partner-led}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let repeatable = strategy[.playbookRepeatable]
        let reason: (NodeRef, String)
        if let r = repeatable.bool {
            guard !r else { return [] }
            reason = (repeatable, "the direct playbook is not repeatable yet")
        } else if let stage = context.stage, RuleContext.stagesBeforeFit.contains(stage.name) {
            reason = (stage.ref, "the stage is \(Wording.stage(stage.name))")
        } else {
            return []
        }
        var findings: [Finding] = []
        if let (motion, name) = context.motion, name == "partner-led" {
            findings.append(context.finding("the motion is partner-led while \(reason.1): partners resell a motion that already works; either prove the direct playbook first, or show the evidence that it repeats", at: motion, related: [reason]))
        }
        for channel in strategy[.channels].items
        where channel[.channelKind].string == "partner" && ["active", "testing", nil].contains(channel[.channelStage].string) {
            let name = channel[.channelName].text ?? "a partner channel"
            findings.append(context.finding("the partner channel \"\(name)\" runs while \(reason.1): partners amplify a proven playbook, they do not find one; either hold the channel back until the direct playbook repeats, or show the evidence that it already does", at: channel, related: [reason]))
        }
        return findings
    }
}
