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
            product plan, or marketing sells what the product cannot deliver. A promise whose \
            capabilities are all still on the roadmap is GTM222's (promise-on-roadmap).
            """,
        seeds: ["003"],
        settings: [RuleSetting("require-shipped", .bool(false), "Count only shipped capabilities as support (a promise whose capabilities are all planned, being built, in beta or dated later is GTM222's).")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  promises: [{id: fast, claim: Set up in minutes}]\n---\napiVersion: gtm/v1\nkind: ProductPlan\nid: p\nstrategy: s\ncapabilities:\n  - {id: wizard, supports: [fast], status: shipped}\n"),
            // Every capability behind the promise is on the roadmap: GTM222 names the dates.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - {id: fast, claim: Set up in minutes}
                ---
                apiVersion: gtm/v2
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  - {id: wizard, name: Setup wizard, supports: [fast], status: planned, available: 2027-Q2}
                """, settings: ["require-shipped": .bool(true)]),
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
            // Only shipped capabilities count, and this one says nothing of its state.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - ↓{id: fast, claim: Set up in minutes}
                ---
                apiVersion: gtm/v2
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  ⤷- {id: wizard, name: Setup wizard, supports: [fast]}
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
        // A promise whose capabilities are all on the roadmap is GTM222's, which names the dates.
        let supporters = Roadmap.supporters(in: context.workspace)
        let roadmap = Roadmap(today: context.today, betaIsAvailable: false)
        let related = plans.map { ($0[.capabilities].exists ? $0[.capabilities] : NodeRef($0), "\($0.displayName) lists the capabilities here") }
        return promises.compactMap { promise in
            guard let id = promise[.promiseID].string, !supported.contains(id) else { return nil }
            if shippedOnly, roadmap.allPending(supporters[id] ?? []) != nil { return nil }
            let claim = promise[.promiseClaim].text.map { " (\"\($0)\")" } ?? ""
            let what = plans.isEmpty ? "there is no ProductPlan to support it" : "no \(shippedOnly ? "shipped " : "")capability in the product plan supports it"
            return context.finding("the promise \"\(id)\"\(claim) is made to buyers, but \(what)", at: promise, related: related)
        }
    }
}
