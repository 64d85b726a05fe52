import GTMCore
import GTMModel

/// The CEO owns go-to-market; one function owning it bends it to that function.
struct StrategyOwnerRule: Rule {
    static let description = RuleDescription(
        id: "GTM301",
        name: "strategy-owner",
        severity: .warning,
        summary: "The strategy is owned by one function instead of the CEO or a cross-functional group.",
        rationale: """
            Seeds 002 and 004: the CEO owns GTM. A strategy owned by sales, marketing or product \
            becomes that function's plan, and the others stop treating it as theirs.
            """,
        seeds: ["002", "004"],
        settings: [RuleSetting("allowed-owners", .strings(["ceo", "founders", "executive-team", "gtm-council"]), "Roles that may own the strategy.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ↓head-of-sales, name: Sam Ortiz}\nstage: product-market-fit\n"),
            RuleExample("↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nstage: product-market-fit\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ↓founders}\nstage: product-market-fit\n", settings: ["allowed-owners": .strings(["ceo"])]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let role = strategy[.ownerRole]
        guard let name = role.string else {
            let owner = strategy[.owner]
            return [context.finding("the strategy names no owner; the CEO or a cross-functional group owns GTM", at: owner.exists ? owner : NodeRef(strategy))]
        }
        let allowed = context.strings("allowed-owners")
        guard !allowed.contains(name) else { return [] }
        return [context.finding("the strategy is owned by \(Wording.role(name)), one function; it belongs to \(Wording.alternatives(allowed.map(Wording.role)))", at: role)]
    }
}
