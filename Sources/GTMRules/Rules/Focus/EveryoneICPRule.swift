import GTMCore
import GTMModel

/// "Everyone with a credit card" is not an ICP.
struct EveryoneICPRule: Rule {
    static let description = RuleDescription(
        id: "GTM105",
        name: "everyone-icp",
        severity: .error,
        summary: "A segment's criteria admit everyone: all industries, any size, every region.",
        rationale: """
            Seed 001: an ICP of "everyone with a credit card" is no ICP. Criteria such as all \
            industries, any company size or a worldwide region select nothing, so messages, \
            channels and sales cannot be aimed.
            """,
        seeds: ["001"],
        settings: [RuleSetting("catch-all-words", .strings(["all", "any", "every", "everyone", "*", "global", "worldwide", "all industries", "any industry"]), "Values that mean no criterion at all.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nfirmographic: {industries: [fintech], employees: {min: 50, max: 500}, regions: [DE]}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Segment
                id: x
                firmographic:
                  industries: [↓All]
                  employees: ↓{}
                  regions: [US, ↓worldwide]
                """),
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nfirmographic: {employees: ↓{min: 1}}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let words = Set(context.strings("catch-all-words").map { $0.lowercased() })
        var findings: [Finding] = []
        for segment in context.workspace.documents(of: .segment) {
            for field in [Field.industries, .regions] {
                for item in segment[field].items {
                    guard let text = item.string, words.contains(text.lowercased()) else { continue }
                    findings.append(context.finding("\(segment.displayName) lists \"\(text)\" among its \(field.key): a criterion that admits everyone selects nothing", at: item))
                }
            }
            let employees = segment[.employees]
            if employees.isMapping {
                let min = segment[.employeesMin].number, max = segment[.employeesMax].number
                if max == nil && (min ?? 0) <= 1 {
                    findings.append(context.finding("\(segment.displayName) takes companies of any size: give an employee range", at: employees))
                }
            }
        }
        return findings
    }
}
