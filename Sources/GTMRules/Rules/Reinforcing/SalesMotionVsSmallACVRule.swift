import GTMCore
import GTMModel

/// A sales team costs more than small deals can repay: judged by the motion actually run
/// (inside sales closes small deals profitably; field sales cannot), per plan where plans are
/// sold differently, and left to the economics rules where the CAC is stated.
struct SalesMotionVsSmallACVRule: Rule {
    static let description = RuleDescription(
        id: "GTM205",
        name: "sales-motion-vs-small-acv",
        severity: .error,
        summary: "An inside-sales or field-sales motion with an ACV too small to pay back its cost of sale.",
        rationale: """
            The economics must work (seed 003). Inside sales (remote sellers, short cycles) \
            closes deals of a few thousand a year profitably; field sales (account executives, \
            solution engineers, travel, long cycles) costs tens of thousands per deal. Below the \
            motion's floor of ACV the cost of sale is never paid back. Where the strategy states \
            its CAC, the payback rules judge the real cost of sale instead of this floor; where a \
            plan is sold by its own motion, the plan's ACV is judged against it.
            """,
        seeds: ["003"],
        settings: [
            RuleSetting("min-inside-sales-acv", .number(5000), "Smallest ACV an inside-sales motion pays back."),
            RuleSetting("min-field-sales-acv", .number(50000), "Smallest ACV a field-sales motion pays back."),
        ],
        renamedSettings: ["min-sales-led-acv": "min-inside-sales-acv", "min-enterprise-acv": "min-field-sales-acv"],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: inside-sales}\npricing: {acv: {amount: 7500, currency: USD}}\neconomics: {cac: {amount: 6000, currency: USD}, paybackMonths: 12}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: field-sales}\npricing: {acv: {amount: 90000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\npricing:\n  acv: {amount: 4000, currency: USD}\n  plans:\n    - {name: Team, price: {amount: 300, currency: USD}, period: month}\n    - {name: Enterprise, quoteOnly: true, motion: sales-assisted}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: field-sales}\npricing: {acv: {amount: 30000, currency: USD}}\neconomics: {cac: {amount: 20000, currency: USD}}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷field-sales}\npricing: {acv: {amount: ↓8000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷inside-sales}\neconomics: {acv: {amount: ↓2400, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\npricing:\n  plans:\n    - {name: Team, price: {amount: 300, currency: USD}, period: month, motion: ↓field-sales}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷field-sales}\npricing: {acv: {amount: ↓60000, currency: USD}}\n",
                        settings: ["min-field-sales-acv": .number(75000)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        var findings: [Finding] = []
        // The strategy's motion against its ACV, unless the CAC shows the real cost of sale.
        if let (motion, name) = context.motion, let acv = context.acv, strategy[.cacAmount].number == nil,
           let floor = floor(name, context), acv.amount < floor {
            findings.append(context.finding(
                "an ACV of \(amount(acv.amount)) \(acv.currency) cannot pay for \(Self.words(name)), which needs deals of at least \(amount(floor)): either \(Self.remedy(name)), or sell larger deals",
                at: acv.ref, related: [(motion, "the motion is \(Self.words(name)) here")]))
        }
        // Each plan sold by a sales team of its own, against that plan's price.
        for plan in strategy[.pricingPlans].items {
            let motion = plan[.pricingPlanMotion]
            guard let name = motion.string, let floor = floor(name, context), plan[.pricingPlanQuoteOnly].bool != true else { continue }
            let annual: Double? = plan[.pricingPlanACVAmount].number ?? plan[.pricingPlanPriceAmount].number.map {
                plan[.pricingPlanPeriod].string == "month" ? $0 * 12 : $0
            }
            guard let annual, annual < floor else { continue }
            let planName = plan[.pricingPlanName].string.map { "the plan \"\($0)\"" } ?? "this plan"
            findings.append(context.finding(
                "\(planName) brings about \(amount(annual)) a year, too little for \(Self.words(name)), which needs deals of at least \(amount(floor)): either \(Self.remedy(name)) for this plan, or price it for the deals that motion pays for",
                at: motion, related: []))
        }
        return findings
    }

    func floor(_ motion: String, _ context: RuleContext) -> Double? {
        switch motion {
        case "inside-sales": context.number("min-inside-sales-acv")
        case "field-sales": context.number("min-field-sales-acv")
        default: nil
        }
    }

    static func words(_ motion: String) -> String {
        motion == "field-sales" ? "a field-sales motion" : "an inside-sales motion"
    }

    static func remedy(_ motion: String) -> String {
        motion == "field-sales"
            ? "sell through inside sales or let buyers sign up on their own"
            : "let buyers sign up and pay on their own (product-led or self-serve)"
    }
}
