import GTMCore
import GTMModel

/// A self-serve or product-led motion cannot close deals that procurement runs.
struct SelfServeVsProcurementRule: Rule {
    static let description = RuleDescription(
        id: "GTM201",
        name: "self-serve-vs-procurement",
        severity: .error,
        summary: "A self-serve or product-led motion contradicts procurement-led buying.",
        rationale: """
            Choices must reinforce each other (seed 003): a motion in which users sign up and pay \
            on their own cannot reach a buyer who purchases through procurement, security review \
            and legal. Either the buying process is wrong for the segment, or the motion is.
            """,
        seeds: ["003"],
        settings: [
            .selfServeMotions,
        ],
        passing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: product-led}
                buyers: {buyingProcess: self-serve}
                """),
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: sales-led}
                buyers: {buyingProcess: procurement-led}
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion:
                  primary: ⤷self-serve
                buyers:
                  buyingProcess: ↓procurement-led
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, let (motion, motionName) = context.selfServeMotion else { return [] }
        let process = strategy[.buyingProcess]
        guard process.string == "procurement-led" else { return [] }
        return [context.finding(
            "buyers purchase through procurement, but the motion is \(motionName): nobody in a self-serve funnel runs a procurement process",
            at: process,
            related: [(motion, "the motion is \(motionName) here")]
        )]
    }
}
