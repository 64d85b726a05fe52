import GTMCore
import GTMModel

/// Nobody puts a six-figure contract, or a price they cannot see, on a credit card.
struct SelfServeVsEnterprisePricingRule: Rule {
    static let description = RuleDescription(
        id: "GTM204",
        name: "self-serve-vs-enterprise-pricing",
        severity: .error,
        summary: "A self-serve or product-led motion sells quote-only pricing or an enterprise ACV.",
        rationale: """
            Pricing must fit the motion (seed 003): a buyer who signs up alone needs a price \
            they can see and pay without approval. Quote-only pricing needs a salesperson to \
            quote, and an ACV above what one person can expense needs a buying process. Each \
            price plan is judged by the motion that sells it (its own, its segment's, else the \
            primary): a quote-only enterprise tier sold by a sales-assisted motion beside a \
            product-led team tier is a coherent hybrid. The price list as a whole is judged by \
            the motion that sells to the beachhead, and its average ACV only where no plan has a \
            sales motion of its own to account for the larger deals.
            """,
        seeds: ["003"],
        settings: [.selfServeMotions, RuleSetting("max-self-serve-acv", .number(15000), "Highest ACV a buyer pays without a sales conversation.")],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: self-serve}\npricing: {model: seat, acv: {amount: 3000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nmotion: {primary: field-sales}\npricing: {model: quote-only, quoteOnly: true, acv: {amount: 120000, currency: USD}}\n"),
            // A product-led team tier beside a quote-only enterprise tier sold by a sales-assisted motion.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                motion: {primary: product-led, secondary: [sales-assisted]}
                pricing:
                  model: tiered
                  acv: {amount: 21000, currency: USD}
                  plans:
                    - {name: Team, price: {amount: 40, currency: USD}, period: month}
                    - {name: Enterprise, quoteOnly: true, motion: sales-assisted, acv: {amount: 60000, currency: USD}}
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: ⤷product-led}
                pricing:
                  quoteOnly: ↓true
                  acv: {amount: ⤷120000, currency: USD}
                """),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷self-serve}\npricing: {model: ↓quote-only}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷self-serve}\neconomics: {acv: {amount: ↓9000, currency: EUR}}\n",
                        settings: ["max-self-serve-acv": .number(5000)]),
            // The enterprise tier is quote-only but has no motion of its own: the product-led one sells it.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: ⤷product-led}
                pricing:
                  plans:
                    - {name: Team, price: {amount: 40, currency: USD}, period: month}
                    - {name: Enterprise, quoteOnly: ↓true, acv: {amount: ⤷60000, currency: USD}}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let limit = context.number("max-self-serve-acv")
        var findings: [Finding] = []

        // Each price plan, by the motion that sells it.
        let plans = strategy[.pricingPlans].items
        for plan in plans {
            guard let motion = context.motion(selling: plan), context.isSelfServe(motion.name) else { continue }
            let quoteOnly = plan[.pricingPlanQuoteOnly]
            let value = RuleContext.annualValue(of: plan).flatMap { $0.amount > limit ? $0 : nil }
            let name = RuleContext.label(plan: plan)
            let sold = "\(name) is sold by \(Wording.motion(motion.name))"
            var related = relatedMotions([motion])
            if quoteOnly.bool == true {
                var what = "\(name) is quote-only"
                if let value {
                    what += " at about \(Wording.money(value.amount, value.currency)) a year"
                    related.append((value.ref, "the plan brings about \(Wording.money(value.amount, value.currency)) a year here"))
                }
                findings.append(context.finding(
                    "\(what), but it is sold by \(Wording.motion(motion.name)): a buyer who signs up alone cannot wait for a quote; either sell the plan with a sales motion of its own (sales-assisted, inside or field sales), or publish a price a buyer pays alone",
                    at: quoteOnly, related: related))
            } else if let value {
                findings.append(context.finding(
                    "\(sold), but brings about \(Wording.money(value.amount, value.currency)) a year, an enterprise price: self-serve buyers pay up to about \(Wording.number(limit)) without a sales conversation; either sell the plan with a sales motion of its own (sales-assisted, inside or field sales), or price it for a buyer who pays alone",
                    at: value.ref, related: related))
            }
        }

        // The price list as a whole, by the motion that sells to the beachhead.
        let sales = context.selfServeBeachheads
        guard !sales.isEmpty else { return findings }
        let motions = sales.flatMap(\.motions)
        let motionWords = motionsInWords(motions)
        let quoteOnly = strategy[.pricingQuoteOnly]
        let model = strategy[.pricingModel]
        // An average across plans that a sales motion of their own sells says nothing of the self-serve price.
        let hybrid = plans.contains { plan in context.motion(selling: plan).map { !context.isSelfServe($0.name) } ?? false }
        let acv = hybrid ? nil : context.acv.flatMap { $0.amount > limit ? $0 : nil }
        var related = relatedMotions(motions)
        if quoteOnly.bool == true || model.string == "quote-only" {
            var what = "prices are quote-only"
            if let acv {
                what += " at an ACV of \(Wording.money(acv.amount, acv.currency))"
                related.append((acv.ref, "the ACV is \(Wording.money(acv.amount, acv.currency)) here"))
            }
            findings.append(context.finding(
                "\(what), but the strategy sells with \(motionWords): a buyer who signs up alone cannot wait for a quote; either publish prices a buyer pays alone, or sell the quoted deals through a plan or segment with a sales motion of its own (sales-assisted, inside or field sales)",
                at: quoteOnly.bool == true ? quoteOnly : model, related: related))
        } else if let acv {
            findings.append(context.finding(
                "\(Wording.withArticle("ACV")) of \(Wording.money(acv.amount, acv.currency)) is an enterprise price, but the strategy sells with \(motionWords): self-serve buyers pay up to about \(Wording.number(limit)) without a sales conversation; either price for a buyer who pays alone, or sell the larger deals through a plan or segment with a sales motion of its own (sales-assisted, inside or field sales)",
                at: acv.ref, related: related))
        }
        return findings
    }
}
