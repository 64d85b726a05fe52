import GTMCore
import GTMModel

/// The relevant market is a sliver of the addressable one, on purpose.
struct TRMShareOfTAMRule: Rule {
    static let description = RuleDescription(
        id: "GTM103",
        name: "trm-share-of-tam",
        severity: .warning,
        summary: "The total relevant market is too large a share of the total addressable market.",
        rationale: """
            Seeds 000 and 002: the total relevant market, the part the company can win now, is \
            0 to 10 % of the total addressable market. A larger share means the segment was \
            not narrowed at all.
            """,
        seeds: ["000", "002"],
        settings: [RuleSetting("max-trm-percent", .number(10), "Largest TRM as a percentage of TAM.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nmarket: {tam: {accounts: 40000}, trm: {accounts: 2000}}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nmarket:\n  tam: ⤷{accounts: 40000}\n  trm: ↓{accounts: 14000}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nmarket:\n  tam: ⤷{value: {amount: 1000000, currency: USD}}\n  trm: ↓{value: {amount: 80000, currency: USD}}\n",
                        settings: ["max-trm-percent": .number(5)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let limit = context.number("max-trm-percent")
        return context.workspace.documents(of: .segment).compactMap { segment in
            let tam = segment[.tam], trm = segment[.trm]
            guard tam.exists, trm.exists else { return nil }
            var share: Double?
            var unit = "accounts"
            if let a = segment[.tamAccounts].number, let b = segment[.trmAccounts].number, a > 0 {
                share = b / a * 100
            } else if let a = segment[.tamValueAmount].number, let b = segment[.trmValueAmount].number, a > 0,
                      segment[.tamValueCurrency].string == segment[.trmValueCurrency].string {
                share = b / a * 100
                unit = "value"
            }
            guard let share, share > limit else { return nil }
            return context.finding(
                "the relevant market is \(Wording.percent(share, beside: limit)) of the addressable market by \(unit); a focused TRM is at most \(Wording.number(limit)) %",
                at: trm, related: [(tam, "the TAM is given here")])
        }
    }
}
