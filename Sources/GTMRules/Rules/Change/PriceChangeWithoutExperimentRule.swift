import GTMCore
import GTMModel

/// A price change is a hypothesis: it needs an experiment that could prove it wrong.
struct PriceChangeWithoutExperimentRule: Rule {
    static let description = RuleDescription(
        id: "GTM504",
        name: "price-change-without-experiment",
        kind: .change,
        severity: .warning,
        summary: "The change moves price or ACV without an experiment that tests it.",
        rationale: """
            Strategy is tested, not asserted (seed 003): each important choice is an experiment \
            with a metric and a threshold that would falsify it. A price change with no \
            experiment added or updated alongside it is a guess.
            """,
        seeds: ["003"],
        passing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\npricing: {acv: {amount: 12000, currency: USD}}\nexperiments:\n  - {id: price-test, hypothesis: h, metric: m, threshold: 1}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\npricing: {acv: {amount: 9000, currency: USD}}\n"),
        ],
        failing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\npricing: {acv: {amount: ↓12000, currency: USD}}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\npricing: {acv: {amount: 9000, currency: USD}}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let priceChanges = context.changes.filter { $0.classification == .priceChanged && $0.documentKind == .strategy }
        guard let first = priceChanges.first, let strategy = context.after.strategy else { return [] }
        let experimentsChanged = context.changes.contains { $0.documentKind == .strategy && Field.experiments.contains($0.pointer) }
        guard !experimentsChanged else { return [] }
        let place = NodeRef(strategy, first.new == nil ? (first.pointer.parent ?? first.pointer) : first.pointer)
        return [context.finding(
            "\(first.priceSubject) changes from \(ValueText.describe(first.old)) to \(ValueText.describe(first.new)) with no experiment added or updated to test it",
            at: place)]
    }
}
