import GTMCore
import GTMModel

/// A channel is chosen because the buyers are there, not because the founders like it.
struct ChannelWithoutEvidenceRule: Rule {
    static let description = RuleDescription(
        id: "GTM209",
        name: "channel-without-evidence",
        severity: .warning,
        summary: "A distribution channel gives no evidence that the ICP spends attention or trust there.",
        rationale: """
            Seed 001 warns against picking channels by founder preference: a channel belongs in \
            the strategy when there is evidence that the ideal customers already spend their \
            attention or their trust there.
            """,
        seeds: ["001"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ndistribution:\n  channels:\n    - {name: Podcast ads, kind: paid, evidence: 6 of 10 interviewees listen weekly}\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                distribution:
                  channels:
                    - ↓{name: Trade shows, kind: events}
                    - ↓name: LinkedIn ads
                      kind: paid
                      evidence: " "
                    - {name: Community, kind: community, evidence: 40 % of trials come from the forum}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        return strategy[.channels].items.compactMap { channel in
            guard channel.isMapping, !channel[.channelEvidence].isPresent else { return nil }
            let name = channel[.channelName].text ?? channel[.channelID].text ?? "a channel"
            return context.finding(
                "the channel \"\(name)\" gives no evidence that the ICP spends attention or trust there; add what shows the buyers are reachable through it",
                at: channel)
        }
    }
}
