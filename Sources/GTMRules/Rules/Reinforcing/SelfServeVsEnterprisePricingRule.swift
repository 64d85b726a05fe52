import GTMCore
import GTMModel

/// Nobody puts a six-figure contract, or a price they cannot see, on a credit card.
struct SelfServeVsEnterprisePricingRule: Rule {
    static let description = RuleDescription(
        id: "GTM204",
        name: "self-serve-vs-enterprise-pricing",
        severity: .error,
        summary: "A self-serve or product-led motion contradicts quote-only pricing or an enterprise ACV.",
        rationale: """
            Pricing must fit the motion (seed 003): a buyer who signs up alone needs a price \
            they can see and pay without approval. Quote-only pricing needs a salesperson to \
            quote, and an ACV above what one person can expense needs a buying process.
            """,
        seeds: ["003"],
        settings: [.selfServeMotions, RuleSetting("max-self-serve-acv", .number(15000), "Highest ACV a buyer pays without a sales conversation.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: self-serve}\npricing: {model: seat, acv: {amount: 3000, currency: USD}}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: enterprise}\npricing: {model: quote-only, quoteOnly: true, acv: {amount: 120000, currency: USD}}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: ⤷⤷product-led}
                pricing:
                  quoteOnly: ↓true
                  acv: {amount: ↓120000, currency: USD}
                """),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷self-serve}\npricing: {model: ↓quote-only}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷self-serve}\neconomics: {acv: {amount: ↓9000, currency: EUR}}\n",
                        settings: ["max-self-serve-acv": .number(5000)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, let (motion, name) = context.selfServeMotion else { return [] }
        let related = [(motion, "the motion is \(name) here")]
        var findings: [Finding] = []
        let quoteOnly = strategy[.pricingQuoteOnly]
        let model = strategy[.pricingModel]
        if quoteOnly.bool == true || model.string == "quote-only" {
            findings.append(context.finding(
                "prices are quote-only, but the motion is \(name): a buyer who signs up alone cannot wait for a quote",
                at: quoteOnly.bool == true ? quoteOnly : model, related: related))
        }
        let limit = context.number("max-self-serve-acv")
        if let acv = context.acv, acv.amount > limit {
            findings.append(context.finding(
                "an ACV of \(amount(acv.amount)) \(acv.currency) is an enterprise price, but the motion is \(name): self-serve buyers pay up to about \(amount(limit)) without a sales conversation",
                at: acv.ref, related: related))
        }
        return findings
    }
}
