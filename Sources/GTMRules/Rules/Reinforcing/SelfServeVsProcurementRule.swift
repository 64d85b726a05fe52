import GTMCore
import GTMModel

/// A self-serve or product-led motion cannot close deals that procurement runs.
struct SelfServeVsProcurementRule: Rule {
    static let description = RuleDescription(
        id: "GTM201",
        name: "self-serve-vs-procurement",
        severity: .error,
        summary: "A self-serve or product-led motion sells to a beachhead that buys through procurement.",
        rationale: """
            Choices must reinforce each other (seed 003): a motion in which users sign up and pay \
            on their own cannot reach a buyer who purchases through procurement, security review \
            and legal. The beachhead segment's own buyers count where it describes them, and \
            the motion that sells to it is the segment's own, or that of the price plans made \
            for it, before the strategy's primary one: a hybrid that sells procurement-led \
            accounts through a sales motion is coherent.
            """,
        seeds: ["003"],
        settings: [
            .selfServeMotions,
        ],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: product-led}
                buyers: {buyingProcess: team-purchase}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                motion: {primary: field-sales}
                buyers: {buyingProcess: procurement-led}
                """),
            // The beachhead that buys through procurement is won by its own field-sales motion.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                beachhead: regional-banks
                motion: {primary: product-led}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: regional-banks
                name: Regional banks
                motion: field-sales
                buyers: {buyingProcess: procurement-led, committeeSize: 7}
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion:
                  primary: ⤷self-serve
                buyers:
                  buyingProcess: ↓procurement-led
                """),
            // The strategy's buyers buy as a team; the beachhead segment's buy through procurement.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ⤷regional-banks
                motion: {primary: ⤷product-led}
                buyers: {buyingProcess: team-purchase}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: regional-banks
                name: Regional banks
                buyers: {buyingProcess: ↓procurement-led}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        var findings: [Finding] = []
        var seen = Set<String>()
        for sale in context.selfServeBeachheads {
            let own = sale.segment?[.segmentBuyingProcess]
            let process = own?.exists == true ? own! : strategy[.buyingProcess]
            guard process.string == "procurement-led", seen.insert(process.placeKey).inserted else { continue }
            let motions = motionsInWords(sale.motions)
            var related = relatedMotions(sale.motions)
            let who: String
            if let segment = sale.segment, own?.exists == true {
                who = "the beachhead segment \(RuleContext.quotedName(segment)) buys through procurement, but is sold by \(motions)"
                if let beachhead = sale.beachhead { related.append((beachhead, "the strategy enters this segment first here")) }
            } else {
                who = "buyers purchase through procurement, but the strategy sells to them with \(motions)"
            }
            findings.append(context.finding(
                "\(who): nobody in a self-serve funnel runs a procurement process; either sell to these buyers with a motion that can (sales-assisted, inside or field sales), or choose buyers who purchase without procurement",
                at: process, related: related))
        }
        return findings
    }
}
