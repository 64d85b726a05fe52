import GTMCore
import GTMModel

/// A customer must be worth several times what it cost to win.
struct LTVToCACRule: Rule {
    static let description = RuleDescription(
        id: "GTM207",
        name: "ltv-to-cac",
        severity: .error,
        summary: "Lifetime value is less than the required multiple of acquisition cost.",
        rationale: """
            Seed 003 asks for economics that work; the usual bar is a lifetime value of at \
            least three times the cost of acquiring the customer, or growth destroys value.
            """,
        seeds: ["003"],
        settings: [RuleSetting("min-ltv-to-cac", .number(3), "Smallest acceptable LTV:CAC ratio.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  ltv: {amount: 40000, currency: USD}\n  cac: {amount: 10000, currency: USD}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  ltv: ↓{amount: 20000, currency: USD}\n  cac: ⤷{amount: 10000, currency: USD}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  ltv: ↓{amount: 40000, currency: USD}\n  cac: ⤷{amount: 10000, currency: USD}\n",
                        settings: ["min-ltv-to-cac": .number(5)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let ltv = strategy[.ltv], cac = strategy[.cac]
        guard let value = strategy[.ltvAmount].number, let cost = strategy[.cacAmount].number, cost > 0,
              strategy[.ltvCurrency].string == strategy[.cacCurrency].string else { return [] }
        let ratio = value / cost, minimum = context.number("min-ltv-to-cac")
        guard ratio < minimum else { return [] }
        return [context.finding(
            "LTV:CAC is \(Wording.number(ratio, beside: minimum, atLeast: 1)) (\(amount(value)) for \(amount(cost))); a customer must be worth at least \(Wording.number(minimum)) times its cost",
            at: ltv, related: [(cac, "the CAC is \(amount(cost)) here")])]
    }
}
