import GTMCore
import GTMModel

/// A strategy that refuses nothing has not chosen anything.
struct ExclusionsMissingRule: Rule {
    static let description = RuleDescription(
        id: "GTM212",
        name: "exclusions-missing",
        severity: .error,
        summary: "The strategy names nothing it will not pursue.",
        rationale: """
            Strategy includes subtraction (seed 003): it names the opportunities the company \
            refuses to chase even when they look attractive in the quarter. Without exclusions \
            every deal is in scope and focus erodes one exception at a time.
            """,
        seeds: ["003"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nexclusions:\n  - {id: agencies, reason: They churn with their clients.}\n"),
        ],
        failing: [
            RuleExample("↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nexclusions: ↓[]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let exclusions = strategy[.exclusions]
        guard !exclusions.isPresent else { return [] }
        return [context.finding(
            "the strategy excludes nothing: name at least one segment or opportunity it refuses to chase, with the reason",
            at: exclusions)]
    }
}
