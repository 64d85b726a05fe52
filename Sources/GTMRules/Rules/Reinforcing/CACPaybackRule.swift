import GTMCore
import GTMModel

/// Money spent to win a customer has to come back while the customer is still there.
struct CACPaybackRule: Rule {
    static let description = RuleDescription(
        id: "GTM206",
        name: "cac-payback",
        severity: .error,
        summary: "CAC takes longer to pay back than the economics allow.",
        rationale: """
            Seed 003 lists the economics that must work: ACV, CAC, payback, margin. A payback \
            beyond about two years means growth burns cash faster than customers return it. \
            When no payback is given, it is computed from CAC, ACV and gross margin.
            """,
        seeds: ["003"],
        settings: [RuleSetting("max-payback-months", .number(24), "Longest acceptable CAC payback, in months.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {paybackMonths: 14}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  acv: {amount: 12000, currency: USD}\n  cac: {amount: 9000, currency: USD}\n  grossMarginPercent: 80\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {paybackMonths: ↓30}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npricing: {acv: {amount: ⤷12000, currency: USD}}\neconomics:\n  cac: ⤷{amount: 30000, currency: USD}\n  paybackMonths: ↓30\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  acv: {amount: 12000, currency: USD}\n  cac: ↓{amount: 30000, currency: USD}\n  grossMarginPercent: 75\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {paybackMonths: ↓14}\n", settings: ["max-payback-months": .number(12)]),
            // 24.3 months: shown as such, never rounded down to the 24 it exceeds.
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  acv: {amount: 12000, currency: USD}\n  cac: ↓{amount: 21900, currency: USD}\n  grossMarginPercent: 90\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let limit = context.number("max-payback-months")
        let payback = strategy[.paybackMonths]
        if let months = payback.number {
            guard months > limit else { return [] }
            // The figures the payback comes from are the sides to change.
            var related: [(NodeRef, String)] = []
            if let cost = strategy[.cacAmount].number { related.append((strategy[.cac], "the CAC is \(amount(cost)) here")) }
            if let acv = context.acv { related.append((acv.ref, "the ACV is \(amount(acv.amount)) here")) }
            return [context.finding(
                "CAC payback is \(Wording.number(months, beside: limit)) months, beyond the \(Wording.number(limit)) the economics allow: either lower the cost of winning a customer (a cheaper motion or channel), or raise what a customer pays",
                at: payback, related: related)]
        }
        let cac = strategy[.cac]
        guard let cost = strategy[.cacAmount].number, let acv = strategy[.economicsACVAmount].number,
              let margin = strategy[.grossMarginPercent].number, acv > 0, margin > 0 else { return [] }
        let months = cost / (acv / 12 * margin / 100)
        guard months > limit else { return [] }
        return [context.finding(
            "a CAC of \(amount(cost)) against an ACV of \(amount(acv)) at \(Wording.number(margin)) % margin pays back in \(Wording.number(months, beside: limit)) months, beyond the \(Wording.number(limit)) the economics allow: either lower the cost of winning a customer (a cheaper motion or channel), or raise what a customer pays",
            at: cac)]
    }
}
