import GTMCore
import GTMModel

/// A strategy whose numbers do not add up cannot be judged by them: the board reads one figure,
/// the arithmetic says another.
struct NumbersDisagreeRule: Rule {
    static let description = RuleDescription(
        id: "GTM226",
        name: "numbers-disagree",
        severity: .error,
        summary: "A stated number disagrees with the strategy's own arithmetic: the CAC payback, or the ACV stated twice.",
        rationale: """
            Seed 003 asks for the economics that must work: ACV, CAC, payback, margin. They are \
            one model, and each figure must follow from the others: a CAC payback is the CAC \
            divided by a month of gross margin (ACV ÷ 12 × gross margin), and the ACV the \
            economics assume is the price list's. A stated figure that disagrees with that \
            arithmetic means one of the numbers is stale, and every judgement made on it (the \
            payback limit, the motion's floor of ACV) is made on the wrong one. The economics \
            state no LTV:CAC ratio, so none is checked against LTV ÷ CAC.
            """,
        seeds: ["003"],
        settings: [RuleSetting("tolerance-percent", .number(15), "How far, in percent of the computed figure, a stated figure may be from it before it disagrees.", range: 0...1000)],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                pricing: {acv: {amount: 2400, currency: USD}}
                economics:
                  acv: {amount: 2400, currency: USD}
                  cac: {amount: 1200, currency: USD}
                  grossMarginPercent: 88
                  paybackMonths: 7
                """),
            // Rounded figures within the tolerance, and a payback with nothing to check it against.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                pricing: {acv: {amount: 31500, currency: EUR}}
                economics:
                  acv: {amount: 30000, currency: EUR}
                  cac: {amount: 24000, currency: EUR}
                  grossMarginPercent: 78
                  paybackMonths: 12
                """),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics:\n  cac: {amount: 9000, currency: USD}\n  paybackMonths: 14\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                economics:
                  acv: ⤷{amount: 12000, currency: USD}
                  cac: ⤷{amount: 30000, currency: USD}
                  grossMarginPercent: ⤷75
                  paybackMonths: ↓14
                """),
            // The economics assume a larger deal than the price list sells.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                pricing:
                  model: seat
                  acv: ⤷{amount: 24000, currency: USD}
                economics:
                  acv: ↓{amount: 36000, currency: USD}
                """),
            // A payback just above what the arithmetic gives, with a tolerance of zero: one decimal shows it.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                pricing: {acv: ⤷{amount: 2400, currency: USD}}
                economics:
                  cac: ⤷{amount: 1200, currency: USD}
                  grossMarginPercent: ⤷88
                  paybackMonths: ↓7
                """, settings: ["tolerance-percent": .number(0)]),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                pricing: {acv: ⤷{amount: 20000, currency: GBP}}
                economics:
                  acv: ↓{amount: 24000, currency: USD}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let tolerance = context.number("tolerance-percent") / 100
        var findings: [Finding] = []

        // The CAC payback against CAC ÷ (ACV ÷ 12 × gross margin).
        let payback = strategy[.paybackMonths]
        let acv = strategy[.economicsACVAmount].exists
            ? (ref: strategy[.economicsACV], amount: strategy[.economicsACVAmount].number, currency: strategy[.economicsACVCurrency].string)
            : (ref: strategy[.pricingACV], amount: strategy[.pricingACVAmount].number, currency: strategy[.pricingACVCurrency].string)
        if let stated = payback.number, let cac = strategy[.cacAmount].number, let annual = acv.amount,
           let margin = strategy[.grossMarginPercent].number, cac > 0, annual > 0, margin > 0,
           strategy[.cacCurrency].string == acv.currency {
            let computed = cac / (annual / 12 * margin / 100)
            if Self.apart(stated, computed) > tolerance {
                let months = Wording.number(computed, beside: stated, atLeast: 1)
                let currency = acv.currency.map { " \($0)" } ?? ""
                findings.append(context.finding(
                    "the CAC payback is stated as \(shown(stated)) months, but \(amount(cac)) CAC ÷ (\(amount(annual)) ACV ÷ 12 × \(shown(margin)) % margin) is \(months) months: either correct the payback to \(months) months, or the CAC, ACV or margin it comes from",
                    at: payback,
                    related: [
                        (strategy[.cac], "the CAC is \(amount(cac))\(currency) here"),
                        (acv.ref, "the ACV is \(amount(annual))\(currency) here"),
                        (strategy[.grossMarginPercent], "the gross margin is \(shown(margin)) % here"),
                    ]))
            }
        }

        // The ACV the economics assume against the price list's: pricing.acv is the source.
        let listed = strategy[.pricingACVAmount].number, assumed = strategy[.economicsACVAmount].number
        if let listed, let assumed {
            let listCurrency = strategy[.pricingACVCurrency].string ?? "", assumedCurrency = strategy[.economicsACVCurrency].string ?? ""
            let related = [(strategy[.pricingACV], "the price list's ACV is \(amount(listed)) \(listCurrency) here")]
            if listCurrency != assumedCurrency {
                findings.append(context.finding(
                    "the economics assume an ACV of \(amount(assumed)) \(assumedCurrency), but the price list's is \(amount(listed)) \(listCurrency): state the ACV once, in one currency, so the economics are judged on the price the company sells at",
                    at: strategy[.economicsACV], related: related))
            } else if Self.apart(assumed, listed) > tolerance {
                let share = Wording.number(Self.apart(assumed, listed) * 100, beside: tolerance * 100)
                let direction = assumed > listed ? "more" : "less"
                findings.append(context.finding(
                    "the economics assume an ACV of \(amount(assumed)) \(assumedCurrency), \(share) % \(direction) than the price list's \(amount(listed)) \(listCurrency): either bring the economics to \(amount(listed)), or correct the price list if the economics are right",
                    at: strategy[.economicsACV], related: related))
            }
        }
        return findings
    }

    /// How far a stated figure is from the one it should equal, as a share of the latter.
    static func apart(_ stated: Double, _ reference: Double) -> Double {
        guard reference != 0 else { return stated == 0 ? 0 : .infinity }
        return abs(stated - reference) / abs(reference)
    }
}
