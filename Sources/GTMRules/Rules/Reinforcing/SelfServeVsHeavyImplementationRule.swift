import GTMCore
import GTMModel

/// Self-serve needs time to value in minutes, not a services project.
struct SelfServeVsHeavyImplementationRule: Rule {
    static let description = RuleDescription(
        id: "GTM203",
        name: "self-serve-vs-heavy-implementation",
        severity: .error,
        summary: "A self-serve or product-led motion contradicts long onboarding or required services.",
        rationale: """
            Seed 003 warns against a self-serve claim beside an implementation that needs heavy \
            onboarding: users who sign up alone leave before a months-long setup or a services \
            engagement gives them value. Each heavy trait is its own contradiction.
            """,
        seeds: ["003"],
        settings: [.selfServeMotions, RuleSetting("max-onboarding-days", .number(30), "Longest onboarding a self-serve motion survives.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\nimplementation: {onboardingDays: 1, servicesRequired: false, servicesModel: none}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: enterprise}\nimplementation: {onboardingDays: 120, servicesRequired: true}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: ⤷⤷⤷self-serve}
                implementation:
                  onboardingDays: ↓120
                  servicesRequired: ↓true
                  servicesModel: ↓heavy
                """),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷product-led}\nimplementation: {onboardingDays: ↓20}\n",
                        settings: ["max-onboarding-days": .number(14)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, let (motion, name) = context.selfServeMotion else { return [] }
        let related = [(motion, "the motion is \(name) here")]
        var findings: [Finding] = []
        let days = strategy[.onboardingDays]
        let limit = context.number("max-onboarding-days")
        if let n = days.number, n > limit {
            findings.append(context.finding(
                "onboarding takes \(shown(n)) days, but the motion is \(name): self-serve users leave long before day \(shown(limit))",
                at: days, related: related))
        }
        let services = strategy[.servicesRequired]
        if services.bool == true {
            findings.append(context.finding(
                "customers cannot start without paid services, but the motion is \(name): nobody buys a services project from a sign-up page",
                at: services, related: related))
        }
        let model = strategy[.servicesModel]
        if model.string == "heavy" {
            findings.append(context.finding(
                "the services model is heavy, but the motion is \(name): the margin and the speed of self-serve cannot carry it",
                at: model, related: related))
        }
        return findings
    }
}
