import GTMCore
import GTMModel

/// Knowing the whole market is not knowing where to start.
struct TAMWithoutTRMRule: Rule {
    static let description = RuleDescription(
        id: "GTM104",
        name: "tam-without-trm",
        severity: .warning,
        summary: "A segment gives its total addressable market but no total relevant market.",
        rationale: """
            Seeds 000 and 002 map the market from TAM down to the total relevant market the \
            company can win now; a TAM alone describes ambition, not focus.
            """,
        seeds: ["000", "002"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nmarket: {tam: {accounts: 100}, trm: {accounts: 5}}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Segment\nid: x\nmarket:\n  tam: ↓{accounts: 40000}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        context.workspace.documents(of: .segment).compactMap { segment in
            let tam = segment[.tam]
            guard tam.isPresent, !segment[.trm].isPresent else { return nil }
            return context.finding("\(segment.displayName) gives a TAM but no TRM: say which part of the market is relevant now", at: tam)
        }
    }
}
