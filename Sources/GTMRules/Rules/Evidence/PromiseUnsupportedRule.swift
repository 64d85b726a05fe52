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
            product plan, or marketing sells what the product cannot deliver. Without any \
            product plan the finding is one, at the promises, with each promise beside it. A \
            promise whose capabilities are all still on the roadmap is GTM222's (promise-on-roadmap).
            """,
        seeds: ["003"],
        settings: [RuleSetting("require-shipped", .bool(false), "Count only shipped capabilities as support (a promise whose capabilities are all planned, being built, in beta or dated later is GTM222's).")],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  promises: [{id: fast, claim: Set up in minutes}]\n---\napiVersion: gtm/v2\nkind: ProductPlan\nid: p\nstrategy: s\ncapabilities:\n  - {id: wizard, supports: [fast], status: shipped}\n"),
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
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - {id: fast, claim: Set up in minutes}
                    - ↓{id: secure, claim: Certified for banks}
                ---
                apiVersion: gtm/v2
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
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  promises: ↓[⤷{id: fast, claim: Set up in minutes}]\n"),
            // No product plan at all: one finding for the missing plan, each promise beside it.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    ↓- ⤷{id: fast, claim: Set up in minutes}
                    - ⤷{id: secure, claim: Certified for banks}
                    - ⤷{id: local, claim: Data stays in the EU}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let list = strategy[.promises]
        let promises = list.items.filter { $0[.promiseID].string != nil }
        guard !promises.isEmpty else { return [] }
        let plans = context.workspace.documents(of: .productPlan)
        func claim(_ promise: NodeRef) -> String {
            promise[.promiseClaim].text.map { " (\"\($0)\")" } ?? ""
        }
        // No product plan at all: one choice missing, one finding, every promise beside it.
        if plans.isEmpty {
            let count = promises.count == 1 ? "a promise" : "\(Wording.number(Double(promises.count))) promises"
            return [context.finding(
                "positioning makes \(count) to buyers, but there is no ProductPlan to support \(promises.count == 1 ? "it" : "any of them"): add a ProductPlan whose capabilities support each promise, or promise only what the product already does",
                at: list,
                related: promises.map { ($0, "the promise \"\($0[.promiseID].string ?? "")\"\(claim($0)) is made here") })]
        }
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
            return context.finding(
                "the promise \"\(id)\"\(claim(promise)) is made to buyers, but no \(shippedOnly ? "shipped " : "")capability in the product plan supports it",
                at: promise, related: related)
        }
    }
}
