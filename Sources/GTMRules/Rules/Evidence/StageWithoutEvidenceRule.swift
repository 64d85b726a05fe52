import GTMCore
import GTMModel

/// A stage is a claim about the market, and a claim needs evidence.
struct StageWithoutEvidenceRule: Rule {
    static let description = RuleDescription(
        id: "GTM224",
        name: "stage-without-evidence",
        severity: .warning,
        summary: "The strategy claims product-market fit or GTM fit without evidence, or GTM fit without a repeatable motion.",
        rationale: """
            Seeds 001 and 002 set the answers by stage: product-market fit confirms that \
            customers want the product and keep paying for it; GTM fit confirms that at least \
            one scalable, predictable acquisition motion works, documented and taught to new \
            hires. A strategy that claims either stage on no evidence, on an assumption or on a \
            founder's preference makes every rule that trusts the stage trust a guess; at GTM \
            fit (and at scale, which comes after it) the motion's playbook must be repeatable, \
            and shown to be.
            """,
        seeds: ["001", "002"],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                stageEvidence:
                  kind: customer-data
                  summary: 38 of 42 customers renewed, and half of new logos came from referrals
                  figure: 90 %
                  sampleSize: 42
                  date: 2026-09-30
                motion:
                  primary: founder-led
                  playbook: {repeatable: false, evidence: {kind: customer-data, summary: Only the founders have closed deals}}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                stageEvidence: {kind: customer-data, summary: Net revenue retention of 118 % over four quarters}
                motion:
                  primary: inside-sales
                  playbook:
                    repeatable: true
                    evidence: {kind: customer-data, summary: Five of six sellers hired this year hit quota in their second quarter, sampleSize: 6}
                """),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: problem-solution-fit\nstageEvidence: {kind: assumption, summary: Finance teams will pay to close faster}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ↓product-market-fit\nmotion: {primary: product-led}\n"),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: ⤷product-market-fit
                stageEvidence: {kind: ↓founder-preference, summary: The founders feel the pull in every demo}
                """),
            // GTM fit on an assumption, with a playbook only the founders run.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: ⤷⤷gtm-fit
                stageEvidence: {kind: ↓assumption, summary: Pipeline doubled after the Series A}
                motion:
                  primary: field-sales
                  playbook: {repeatable: ↓false, evidence: {kind: customer-data, summary: The CEO closed 9 of the 11 deals}}
                """),
            // GTM fit with a repeatable playbook that nobody has tested.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: ⤷gtm-fit
                stageEvidence: {kind: customer-data, summary: Gross retention of 94 % across 80 customers}
                motion:
                  primary: inside-sales
                  playbook:
                    repeatable: true
                    evidence: {kind: ↓assumption, summary: The new sellers should ramp like the founders did}
                """),
            // At scale with no playbook at all.
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ↓scale\nstageEvidence: {kind: customer-data, summary: ARR grew 2.4 times at 112 % NRR}\nmotion: {primary: product-led}\n"),
        ]
    )

    static let weak: Set = ["assumption", "founder-preference"]

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, let stage = context.stage, let claim = Self.claims[stage.name] else { return [] }
        var findings: [Finding] = []
        let evidence = strategy[.stageEvidence], kind = strategy[.stageEvidenceKind]
        if !evidence.isPresent {
            findings.append(context.finding(
                "the strategy claims \(claim.words) but gives no evidence of it: add stageEvidence with \(claim.shownBy), or set the stage back to \(claim.before)",
                at: stage.ref))
        } else if let weak = kind.string, Self.weak.contains(weak) {
            findings.append(context.finding(
                "the strategy claims \(claim.words) on \(Self.words(weak))\(Self.summary(strategy[.stageEvidenceSummary])): \(claim.words) is shown by \(claim.shownBy); show it, or set the stage back to \(claim.before) until it is",
                at: kind, related: [(stage.ref, "the stage is \(stage.name) here")]))
        }
        guard claim.needsPlaybook else { return findings }
        // At GTM fit and beyond, the motion itself must repeat, and be shown to.
        let repeatable = strategy[.playbookRepeatable], playbookKind = strategy[.playbookEvidenceKind]
        let back = "or set the stage back to product-market-fit"
        if repeatable.bool != true {
            let place = repeatable.exists ? repeatable : stage.ref
            let state = repeatable.exists ? "its playbook is not repeatable yet" : "it does not say its playbook is repeatable"
            findings.append(context.finding(
                "the strategy claims \(claim.words), but \(state): \(claim.words) needs a motion that people other than the founders repeat; mark motion.playbook repeatable with the evidence that shows it, \(back)",
                at: place, related: repeatable.exists ? [(stage.ref, "the stage is \(stage.name) here")] : []))
        } else if !strategy[.playbookEvidence].isPresent {
            findings.append(context.finding(
                "the strategy claims \(claim.words) with a playbook marked repeatable but no evidence of it: add what shows sellers other than the founders close with it (quota attainment, ramp), \(back)",
                at: repeatable, related: [(stage.ref, "the stage is \(stage.name) here")]))
        } else if let weak = playbookKind.string, Self.weak.contains(weak) {
            findings.append(context.finding(
                "the strategy claims \(claim.words) with a playbook called repeatable on \(Self.words(weak))\(Self.summary(strategy[.playbookEvidence])): \(claim.words) needs sellers other than the founders closing with it (quota attainment, ramp); show it, \(back)",
                at: playbookKind, related: [(stage.ref, "the stage is \(stage.name) here")]))
        }
        return findings
    }

    struct Claim {
        var words: String
        var shownBy: String
        var before: String
        var needsPlaybook: Bool
    }

    static let claims: [String: Claim] = [
        "product-market-fit": Claim(
            words: "product-market fit", shownBy: "customer data on retention and pull (renewals, referrals, usage)",
            before: "problem-solution-fit", needsPlaybook: false),
        "gtm-fit": Claim(
            words: "GTM fit", shownBy: "customer data on a motion that repeats without the founders (win rates, quota attainment, payback)",
            before: "product-market-fit", needsPlaybook: true),
        "scale": Claim(
            words: "the scale stage", shownBy: "customer data on a motion that repeats and grows (win rates, quota attainment, retention)",
            before: "gtm-fit", needsPlaybook: true),
    ]

    static func words(_ kind: String) -> String {
        kind == "assumption" ? "an assumption" : "a founder's preference"
    }

    static func summary(_ ref: NodeRef) -> String {
        ref.text.map { " (\"\($0)\")" } ?? ""
    }
}
