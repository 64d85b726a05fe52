import GTMCore
import GTMModel

/// A promise sold today on a capability that ships next year is a churn event with a date.
struct PromiseOnRoadmapRule: Rule {
    static let description = RuleDescription(
        id: "GTM222",
        name: "promise-on-roadmap",
        severity: .error,
        summary: "A positioning promise sold today rests only on capabilities that are not shipped yet.",
        rationale: """
            Seed 003 asks "Does the product roadmap support the promise being sold?". Positioning \
            sells its promises today; when every capability behind a promise is still planned, \
            being built, in beta, or dated after today, buyers are sold what the product cannot \
            deliver yet. Either the promise waits for the roadmap or the roadmap moves up. A \
            promise with no capability at all is GTM217's; a capability with no status and no \
            date is taken as available.
            """,
        seeds: ["003"],
        settings: [RuleSetting("beta-is-available", .bool(false), "Count capabilities in beta as available to customers today.")],
        passing: [
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
                  - {id: wizard, name: Setup wizard, supports: [fast], status: shipped, available: 2026-03-15}
                  - {id: templates, name: Industry templates, supports: [fast], status: planned, available: 2027-Q2}
                """),
            // Shipped in the quarter that has begun, and a beta counted as available by choice.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - {id: sso, claim: Single sign-on for every plan}
                    - {id: audit, claim: An audit trail your auditors accept}
                ---
                apiVersion: gtm/v2
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  - {id: saml, name: SAML sign-on, supports: [sso], status: shipped, available: 2026-Q4}
                  - {id: audit-log, name: Audit log export, supports: [audit], status: beta}
                """, settings: ["beta-is-available": .bool(true)]),
            // No capability at all: GTM217 reports it, not this rule.
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\npositioning:\n  promises: [{id: fast, claim: Set up in minutes}]\n"),
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
                    - ↓{id: secure, claim: SOC 2 certified for banks}
                ---
                apiVersion: gtm/v2
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  - {id: wizard, name: Setup wizard, supports: [fast], status: shipped}
                  - {id: soc2, name: SOC 2 Type II report, supports: [secure], status: planned, available: ⤷2027-Q2}
                """),
            // Two capabilities, neither shipped: one in beta, one being built.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - ↓{id: forecast, claim: A forecast your board can trust}
                ---
                apiVersion: gtm/v2
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  - {id: pipeline-model, name: Pipeline model, supports: [forecast], status: ⤷beta}
                  - {id: board-pack, name: Board pack export, supports: [forecast], status: building, available: ⤷2027-01-31}
                """),
            // Marked shipped, but dated after today.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                positioning:
                  promises:
                    - ↓{id: eu-hosting, claim: Your data stays in the EU}
                ---
                apiVersion: gtm/v2
                kind: ProductPlan
                id: p
                strategy: s
                capabilities:
                  - {id: eu-region, name: Frankfurt region, supports: [eu-hosting], status: shipped, available: ⤷2027-Q1}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let promises = strategy[.promises].items
        guard !promises.isEmpty else { return [] }
        let supporters = Roadmap.supporters(in: context.workspace)
        let roadmap = Roadmap(today: context.today, betaIsAvailable: context.flag("beta-is-available"))
        return promises.compactMap { promise in
            guard let id = promise[.promiseID].string, let pending = roadmap.allPending(supporters[id] ?? []) else { return nil }
            // The claim as quoted inside a sentence, without its own full stop.
            let claim = promise[.promiseClaim].text.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            let named = "the promise \"\(id)\"" + (claim.map { " (\"\($0)\")" } ?? "")
            let state = pending.count == 1
                ? "the only capability behind it, \"\(pending[0].name)\", \(pending[0].words)"
                : "none of the capabilities behind it is available: " + pending.map { "\"\($0.name)\" \($0.words)" }.joined(separator: "; ")
            let next = pending.compactMap { p in p.due.flatMap { $0.from > context.today ? $0 : nil } }.min { $0.from < $1.from }
            let until = next.map { "until \($0.text)" } ?? "until it ships"
            let ship = pending.map { "\"\($0.name)\"" }.joined(separator: " or ")
            return context.finding(
                "\(named) is sold today, but \(state): either stop promising \(claim.map { "\"\($0)\"" } ?? "it") \(until), or ship \(ship) first",
                at: promise,
                related: pending.map { ($0.place, "the capability \"\($0.name)\" \($0.words)") })
        }
    }
}
