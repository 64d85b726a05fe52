import GTMCore
import GTMModel

/// An exclusion without a reason is undone by the first attractive deal.
struct ExclusionWithoutReasonRule: Rule {
    static let description = RuleDescription(
        id: "GTM213",
        name: "exclusion-without-reason",
        severity: .warning,
        summary: "An exclusion does not say why it is refused.",
        rationale: """
            Seed 003 asks what the company refuses to chase and why: the reason is what holds \
            the line when a large deal from the excluded segment arrives.
            """,
        seeds: ["003"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nexclusions:\n  - {id: agencies, reason: They churn with their clients.}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nexclusions:\n  - ↓{id: agencies}\n  - ↓{id: public-sector, reason: \" \"}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        return strategy[.exclusions].items.compactMap { item in
            guard item.isMapping, !item[.exclusionReason].isPresent else { return nil }
            let name = item[.exclusionID].text ?? item[.exclusionWhat].text ?? "an exclusion"
            return context.finding("the exclusion \"\(name)\" gives no reason; say why it is refused", at: item)
        }
    }
}
