import GTMCore
import GTMModel

/// A channel the founders like is not a channel the buyers use.
struct ChannelByPreferenceRule: Rule {
    static let description = RuleDescription(
        id: "GTM223",
        name: "channel-by-preference",
        severity: .warning,
        summary: "A channel chosen by founder preference, or run as active on an untested assumption.",
        rationale: """
            Seed 001 names "choosing channels based on founder preference rather than ICP \
            behavior" among the ways a GTM strategy fails: channel selection follows where the \
            ICP actually spends attention. A channel whose evidence is a founder's preference \
            has none; a channel run as active on an assumption spends budget before the test \
            that would justify it (an assumption is fine while the channel is testing or planned).
            """,
        seeds: ["001"],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                distribution:
                  channels:
                    - name: Partner webinars with accounting bodies
                      kind: events
                      stage: active
                      evidence: {kind: customer-data, summary: Half of closed deals attended one, figure: 52 %, sampleSize: 61}
                    - name: Podcast sponsorships
                      kind: paid
                      stage: testing
                      evidence: {kind: assumption, summary: Managing partners listen on the commute}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: problem-solution-fit
                distribution:
                  channels:
                    - {name: LinkedIn posts by the founders, kind: content, stage: planned, evidence: {kind: assumption, summary: Heads of RevOps read LinkedIn daily}}
                    - {name: RevOps Slack communities, kind: community, stage: active, evidence: {kind: interviews, summary: 14 of 20 interviewees ask peers there first, sampleSize: 20}}
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                distribution:
                  channels:
                    - name: Trade show booths
                      kind: events
                      stage: testing
                      evidence: {kind: ↓founder-preference, summary: Our CEO closed her best deals at trade shows at her last company}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                distribution:
                  channels:
                    - {name: Outbound to CFOs, kind: outbound, stage: active, evidence: {kind: customer-data, summary: 18 % reply rate last quarter}}
                    - name: Podcast sponsorships
                      kind: paid
                      stage: ⤷active
                      evidence:
                        kind: ↓assumption
                        summary: CFOs listen to finance podcasts
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        return strategy[.channels].items.compactMap { channel in
            let kind = channel[.channelEvidenceKind]
            let name = channel[.channelName].text ?? channel[.channelID].text ?? "a channel"
            let summary = channel[.channelEvidence].text.map { " (\"\($0)\")" } ?? ""
            switch kind.string {
            case "founder-preference":
                return context.finding(
                    "the channel \"\(name)\" rests on a founder's preference\(summary), not on where the ICP spends attention: show that the buyers are there (customer data, interviews, an experiment), or drop the channel",
                    at: kind)
            case "assumption" where channel[.channelStage].string == "active":
                let stage = channel[.channelStage]
                return context.finding(
                    "the channel \"\(name)\" runs as active on an untested assumption\(summary): test it first (stage: testing, with a threshold that would stop it), or show the data that the ICP is there",
                    at: kind, related: [(stage, "the channel is active here")])
            default:
                return nil
            }
        }
    }
}
