import GTMCore
import GTMModel

/// A field or enterprise sales team costs more than small deals can repay.
struct SalesMotionVsSmallACVRule: Rule {
    static let description = RuleDescription(
        id: "GTM205",
        name: "sales-motion-vs-small-acv",
        severity: .error,
        summary: "A sales-led or enterprise motion with an ACV too small to pay back its cost of sale.",
        rationale: """
            The economics must work (seed 003): quota-carrying sellers, long cycles and \
            solution engineering cost tens of thousands per deal. Below a floor of ACV that \
            cost is never paid back; the ACV range has to match the motion.
            """,
        seeds: ["003"],
        settings: [
            RuleSetting("min-sales-led-acv", .number(25000), "Smallest ACV a sales-led motion pays back."),
            RuleSetting("min-enterprise-acv", .number(75000), "Smallest ACV an enterprise motion pays back."),
        ],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: sales-led}\npricing: {acv: {amount: 40000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\npricing: {acv: {amount: 4000, currency: USD}}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷sales-led}\npricing: {acv: {amount: ↓8000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷enterprise}\neconomics: {acv: {amount: ↓50000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷sales-led}\npricing: {acv: {amount: ↓30000, currency: USD}}\n",
                        settings: ["min-sales-led-acv": .number(35000)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let (motion, name) = context.motion, let acv = context.acv else { return [] }
        let floor: Double
        switch name {
        case "sales-led": floor = context.number("min-sales-led-acv")
        case "enterprise": floor = context.number("min-enterprise-acv")
        default: return []
        }
        guard acv.amount < floor else { return [] }
        return [context.finding(
            "an ACV of \(amount(acv.amount)) \(acv.currency) cannot pay for a \(name) motion, which needs deals of at least \(amount(floor))",
            at: acv.ref, related: [(motion, "the motion is \(name) here")])]
    }
}
