import GTMCore
import GTMModel

/// RevOps measures every function, so it cannot report to one of them.
struct RevOpsReportingRule: Rule {
    static let description = RuleDescription(
        id: "GTM305",
        name: "revops-reporting",
        severity: .warning,
        summary: "RevOps reports to one function instead of the CEO, CFO or COO.",
        rationale: """
            Seed 002: revenue operations runs process, data and measurement for every function \
            and must stay independent of them; reporting to sales or marketing bends the numbers \
            toward that function.
            """,
        seeds: ["002"],
        settings: [RuleSetting("allowed-reports-to", .strings(["ceo", "cfo", "coo"]), "Roles RevOps may report to.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nrevenueArchitecture: {revops: {reportsTo: cfo}}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nrevenueArchitecture: {revops: {reportsTo: ↓vp-sales}}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let ref = strategy[.revopsReportsTo]
        let allowed = context.strings("allowed-reports-to")
        guard let role = ref.string, !allowed.contains(role) else { return [] }
        return [context.finding("RevOps reports to \(Wording.role(role)), one of the functions it measures; it reports to \(Wording.alternatives(allowed.map(Wording.role))) instead", at: ref)]
    }
}
