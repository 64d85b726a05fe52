import GTMCore
import GTMModel

/// A buying committee does not click "buy" on a pricing page.
struct SelfServeVsBuyingCommitteeRule: Rule {
    static let description = RuleDescription(
        id: "GTM202",
        name: "self-serve-vs-buying-committee",
        severity: .error,
        summary: "A self-serve or product-led motion contradicts a large buying committee.",
        rationale: """
            Seed 003 names the buying process as a choice to design around: when several people \
            must agree, someone has to run the consensus, and a self-serve funnel has nobody to \
            do it. The committee size and the motion have to agree.
            """,
        seeds: ["003"],
        settings: [.selfServeMotions, RuleSetting("max-committee", .number(3), "Largest committee a self-serve motion can close.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\nbuyers: {committeeSize: 2}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: sales-led}\nbuyers: {committeeSize: 8}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷self-serve}\nbuyers: {committeeSize: ↓8}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷product-led}\nbuyers: {committeeSize: ↓3}\n",
                        settings: ["max-committee": .number(2)]),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, let (motion, name) = context.selfServeMotion else { return [] }
        let size = strategy[.committeeSize]
        let limit = context.number("max-committee")
        guard let n = size.number, n > limit else { return [] }
        return [context.finding(
            "a buying committee of \(shown(n)) people has to agree, but the motion is \(name): a self-serve funnel cannot run a consensus of more than \(shown(limit))",
            at: size, related: [(motion, "the motion is \(name) here")])]
    }
}
