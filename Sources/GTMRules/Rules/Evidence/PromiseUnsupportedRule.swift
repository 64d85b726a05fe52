import GTMCore
import GTMModel

/// A promise the product cannot keep is a churn event scheduled in advance.
struct PromiseUnsupportedRule: Rule {
    static let description = RuleDescription(
        id: "GTM217",
        name: "promise-unsupported",
        severity: .error,
        summary: "A positioning promise has no product capability that supports it.",
        rationale: """
            Seed 003 lists the product capabilities that must support the promise among the \
            choices of a GTM strategy: each promise in positioning needs a capability in the \
            product plan, or marketing sells what the product cannot deliver.
            """,
        seeds: ["003"],
        settings: [RuleSetting("require-shipped", .bool(false), "Count only shipped capabilities as support.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  promises: [{id: fast, claim: Set up in minutes}]\n---\napiVersion: gtm/v1\nkind: ProductPlan\nid: p\nstrategy: s\ncapabilities:\n  - {id: wizard, supports: [fast], status: shipped}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - {id: fast, claim: Set up in minutes}
                    - ↓{id: secure, claim: Certified for banks}
                ---
                apiVersion: gtm/v1
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  ⤷- {id: wizard, supports: [fast], status: planned}
                """),
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - ↓{id: fast, claim: Set up in minutes}
                ---
                apiVersion: gtm/v1
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  ⤷- {id: wizard, supports: [fast], status: planned}
                """, settings: ["require-shipped": .bool(true)]),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  promises: [↓{id: fast, claim: Set up in minutes}]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let promises = strategy[.promises].items
        guard !promises.isEmpty else { return [] }
        let plans = context.workspace.documents(of: .productPlan)
        let shippedOnly = context.flag("require-shipped")
        var supported = Set<String>()
        for plan in plans {
            for capability in plan[.capabilities].items {
                if shippedOnly && capability[.capabilityStatus].string != "shipped" { continue }
                supported.formUnion(capability[.capabilitySupports].strings)
            }
        }
        let related = plans.map { ($0[.capabilities].exists ? $0[.capabilities] : NodeRef($0), "\($0.displayName) lists the capabilities here") }
        return promises.compactMap { promise in
            guard let id = promise[.promiseID].string, !supported.contains(id) else { return nil }
            let claim = promise[.promiseClaim].text.map { " (\"\($0)\")" } ?? ""
            let what = plans.isEmpty ? "there is no ProductPlan to support it" : "no \(shippedOnly ? "shipped " : "")capability in the product plan supports it"
            return context.finding("the promise \"\(id)\"\(claim) is made to buyers, but \(what)", at: promise, related: related)
        }
    }
}
