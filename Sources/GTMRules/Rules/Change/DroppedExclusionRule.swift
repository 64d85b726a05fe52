import GTMCore
import GTMModel

/// Dropping an exclusion quietly re-opens a market the strategy chose to refuse.
struct DroppedExclusionRule: Rule {
    static let description = RuleDescription(
        id: "GTM503",
        name: "exclusion-dropped",
        kind: .change,
        severity: .warning,
        summary: "The change drops an exclusion from the strategy.",
        rationale: """
            Strategy includes subtraction (seed 003): what the company refuses to chase is part \
            of the strategy. Removing an exclusion re-opens that market, which deserves a reason \
            in the review.
            """,
        seeds: ["003"],
        passing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nexclusions:\n  - {id: a, reason: r}\n  - {id: b, reason: r}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nexclusions:\n  - {id: a, reason: r}\n"),
        ],
        failing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nexclusions:\n  ↓- {id: a, reason: r}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nexclusions:\n  - {id: a, reason: r}\n  - {id: b, reason: r}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        context.changes.filter { $0.classification == .exclusionDropped && $0.kind == .removed }.compactMap { change in
            guard let doc = context.after.document(change.document, kind: change.documentKind) else { return nil }
            let what = change.old(.exclusionID)?.text ?? change.old(.exclusionWhat)?.text ?? "an exclusion"
            let place = doc[.exclusions]
            return context.finding(
                "the exclusion \"\(what)\" is dropped: the strategy no longer refuses it; say why in the review",
                at: place)
        }
    }
}
