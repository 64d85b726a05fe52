import GTMCore
import GTMModel

/// Small is the new big: one beachhead until it is won.
struct SingleBeachheadRule: Rule {
    static let description = RuleDescription(
        id: "GTM106",
        name: "single-beachhead",
        severity: .warning,
        summary: "More than one beachhead segment before GTM fit.",
        rationale: """
            Seed 002: small is the new big. Before the company has found its fit, several \
            beachheads split the team, the message and the evidence; win one first.
            """,
        seeds: ["002"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: [a]\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: scale\nbeachhead: [a, b]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ⤷⤷problem-solution-fit\nbeachhead: [a, ↓b, ↓c]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let stage = context.stage, RuleContext.stagesBeforeFit.contains(stage.name) else { return [] }
        let beachheads = context.beachheadSegments()
        guard beachheads.count > 1, let first = beachheads.first?.ref.string else { return [] }
        return beachheads.dropFirst().map { ref, _ in
            context.finding(
                "a second beachhead \"\(ref.string ?? "")\" beside \"\(first)\" while the stage is \(Wording.stage(stage.name)): win one segment first",
                at: ref, related: [(stage.ref, "the stage is \(Wording.stage(stage.name)) here")])
        }
    }
}
