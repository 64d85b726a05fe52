import GTMCore
import GTMModel

/// Self-serve needs time to value in minutes, not a services project.
struct SelfServeVsHeavyImplementationRule: Rule {
    static let description = RuleDescription(
        id: "GTM203",
        name: "self-serve-vs-heavy-implementation",
        severity: .error,
        summary: "A self-serve or product-led motion sells a product with a heavy implementation.",
        rationale: """
            Seed 003 warns against a self-serve claim beside an implementation that needs heavy \
            onboarding: users who sign up alone leave before a months-long setup or a services \
            engagement gives them value. Services sold with a margin are a business of their own, \
            judged by the time to value alone. Long onboarding, services required to start and a heavy \
            services model are symptoms of one choice, reported as one finding. The motion judged \
            is the one that sells to the beachhead: its segment's own, its price plans', else the \
            primary one.
            """,
        seeds: ["003"],
        settings: [.selfServeMotions, RuleSetting("max-onboarding-days", .number(30), "Longest onboarding a self-serve motion survives.")],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\nimplementation: {onboardingDays: 1, servicesRequired: false, servicesModel: none}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nmotion: {primary: field-sales}\nimplementation: {onboardingDays: 120, servicesRequired: true, servicesPaid: true, servicesPricing: with-margin}\n"),
            // The beachhead segment is won by field sales, which runs the implementation.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                beachhead: hospital-networks
                motion: {primary: product-led}
                implementation: {onboardingDays: 90, servicesRequired: true, servicesModel: heavy}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: hospital-networks
                motion: field-sales
                """),
            // Services sold with a margin are a business of their own; a week to value is fast enough.
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\nimplementation: {onboardingDays: 7, servicesRequired: true, servicesModel: heavy, servicesPaid: true, servicesPricing: with-margin}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: ⤷self-serve}
                implementation:
                  onboardingDays: ↓120
                  servicesRequired: ⤷true
                  servicesModel: ⤷heavy
                """),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷product-led}\nimplementation: {onboardingDays: ↓20}\n",
                        settings: ["max-onboarding-days": .number(14)]),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷product-led}\nimplementation: {onboardingDays: 7, servicesRequired: ↓true, servicesPricing: free}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let sales = context.selfServeBeachheads
        guard !sales.isEmpty else { return [] }
        var symptoms: [(ref: NodeRef, words: String, note: String)] = []
        let days = strategy[.onboardingDays]
        let limit = context.number("max-onboarding-days")
        if let n = days.number, n > limit {
            symptoms.append((days, "onboarding takes \(Wording.number(n, beside: limit)) days where self-serve users leave long before day \(Wording.number(limit))",
                             "onboarding takes \(Wording.number(n)) days here"))
        }
        // Services sold with a margin are an offer of their own: only the time to value counts.
        let priced = strategy[.servicesPricing].string == "with-margin" && strategy[.servicesPaid].bool != false
        let services = strategy[.servicesRequired]
        if services.bool == true, !priced {
            symptoms.append((services, "customers cannot start without services", "customers cannot start without services here"))
        }
        let model = strategy[.servicesModel]
        if model.string == "heavy", !priced {
            symptoms.append((model, "the services model is heavy", "the services model is heavy here"))
        }
        guard let first = symptoms.first else { return [] }
        let motions = sales.flatMap(\.motions)
        let others = symptoms.dropFirst().map { ($0.ref, $0.note) }
        let words = symptoms.map(\.words)
        let listed = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + (words.count > 2 ? ", and " : " and ") + words.last!
        return [context.finding(
            "the implementation is too heavy for \(motionsInWords(motions)): \(listed); nobody who signs up alone waits through a services project: either make the product start without help, or sell it with a motion that runs the implementation (sales-assisted, inside or field sales)",
            at: first.ref, related: relatedMotions(motions) + others)]
    }
}
