import GTMCore
import GTMModel

/// A buying committee does not click "buy" on a pricing page.
struct SelfServeVsBuyingCommitteeRule: Rule {
    static let description = RuleDescription(
        id: "GTM202",
        name: "self-serve-vs-buying-committee",
        severity: .error,
        summary: "A self-serve or product-led motion sells to a beachhead with a large buying committee.",
        rationale: """
            Seed 003 names the buying process as a choice to design around: when several people \
            must agree, someone has to run the consensus, and a self-serve funnel has nobody to \
            do it. The beachhead segment's own committee counts where it gives one, judged by \
            the motion that sells to that segment (its own, its price plans', else the primary).
            """,
        seeds: ["003"],
        settings: [.selfServeMotions, RuleSetting("max-committee", .number(3), "Largest committee a self-serve motion can close.")],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\nbuyers: {committeeSize: 2}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: inside-sales}\nbuyers: {committeeSize: 8}\n"),
            // The large committee belongs to a segment sold by its own sales-assisted plan.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                beachhead: mid-market-finance
                motion: {primary: product-led}
                pricing:
                  plans:
                    - {name: Business, segment: mid-market-finance, motion: sales-assisted, acv: {amount: 24000, currency: USD}}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: mid-market-finance
                buyers: {committeeSize: 5}
                """),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷self-serve}\nbuyers: {committeeSize: ↓8}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: ⤷product-led}\nbuyers: {committeeSize: ↓3}\n",
                        settings: ["max-committee": .number(2)]),
            // The segment states its own self-serve motion and its own committee.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ⤷hospital-labs
                motion: {primary: inside-sales}
                buyers: {committeeSize: 2}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: hospital-labs
                name: Hospital laboratories
                motion: ⤷self-serve
                buyers: {committeeSize: ↓6}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let limit = context.number("max-committee")
        var findings: [Finding] = []
        var seen = Set<String>()
        for sale in context.selfServeBeachheads {
            let own = sale.segment?[.segmentCommitteeSize]
            let size = own?.exists == true ? own! : strategy[.committeeSize]
            guard let n = size.number, n > limit, seen.insert(size.placeKey).inserted else { continue }
            var related = relatedMotions(sale.motions)
            let who: String
            if let segment = sale.segment, own?.exists == true {
                who = "in the beachhead segment \(RuleContext.quotedName(segment)) a buying committee of \(Wording.number(n)) people has to agree, but the segment is sold by \(motionsInWords(sale.motions))"
                if let beachhead = sale.beachhead { related.append((beachhead, "the strategy enters this segment first here")) }
            } else {
                who = "a buying committee of \(Wording.number(n)) people has to agree, but the strategy sells with \(motionsInWords(sale.motions))"
            }
            findings.append(context.finding(
                "\(who): a self-serve funnel cannot run a consensus of more than \(Wording.number(limit)) people; either give these buyers a motion that runs the consensus (sales-assisted, inside or field sales), or sell to a smaller group that decides alone",
                at: size, related: related))
        }
        return findings
    }
}
