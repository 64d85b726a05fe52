import GTMCore
import GTMModel

/// Services eat the margin that software economics depend on.
struct ServicesBurdenRule: Rule {
    static let description = RuleDescription(
        id: "GTM208",
        name: "services-burden",
        severity: .warning,
        summary: "Services cost leaves less gross margin than the model needs.",
        rationale: """
            Seed 003 lists the services burden among the economics that must work: every point \
            of revenue spent on services is a point of margin that no longer pays for growth.
            """,
        seeds: ["003"],
        settings: [RuleSetting("min-margin-after-services", .number(50), "Smallest gross margin, in percent, left after services.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {grossMarginPercent: 80, servicesCostPercent: 10}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {grossMarginPercent: ⤷75, servicesCostPercent: ↓35}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {grossMarginPercent: ⤷80, servicesCostPercent: ↓15}\n",
                        settings: ["min-margin-after-services": .number(70)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let margin = strategy[.grossMarginPercent]
        let services = strategy[.servicesCostPercent]
        guard let m = margin.number, let s = services.number else { return [] }
        let left = m - s, minimum = context.number("min-margin-after-services")
        guard left < minimum else { return [] }
        return [context.finding(
            "services cost \(shown(s)) % of revenue and leave \(shown(left)) % margin, under the \(shown(minimum)) % the model needs",
            at: services, related: [(margin, "the gross margin is \(shown(m)) % here")])]
    }
}
