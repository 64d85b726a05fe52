import GTMCore
import GTMModel

/// Who a customer is, what they run, and what they do: an ICP needs all three.
struct ICPCriteriaIncompleteRule: Rule {
    static let description = RuleDescription(
        id: "GTM101",
        name: "icp-criteria-incomplete",
        severity: .warning,
        summary: "A segment lacks firmographic, technographic or behavioural criteria.",
        rationale: """
            Seed 001 defines an ICP by firmographic data (industry, size, region), technographic \
            data (what they run) and behavioural signals (what they do). Without all three the \
            segment cannot be turned into a list of accounts to work.
            """,
        seeds: ["001"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nfirmographic: {industries: [fintech]}\ntechnographic: {uses: [kubernetes]}\nbehavioural: {signals: [hiring SREs]}\n"),
        ],
        failing: [
            RuleExample("↓apiVersion: gtm/v1\nkind: Segment\nid: x\nfirmographic: {industries: [fintech]}\n"),
            RuleExample("↓apiVersion: gtm/v1\nkind: Segment\nid: x\nfirmographic: {industries: [fintech]}\ntechnographic: {}\nbehavioural: {signals: [a]}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        context.workspace.documents(of: .segment).compactMap { segment in
            let missing = [Field.firmographic, .technographic, .behavioural].filter { !segment[$0].isPresent }.map(\.key)
            guard !missing.isEmpty else { return nil }
            return context.finding(
                "\(segment.displayName) has no \(missing.joined(separator: ", ")) criteria; an ICP needs who they are, what they run and what they do",
                at: NodeRef(segment))
        }
    }
}
