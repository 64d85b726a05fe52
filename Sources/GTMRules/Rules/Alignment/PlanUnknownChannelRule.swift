import GTMCore
import GTMModel

/// A channel the strategy never chose is a function drifting from the model.
struct PlanUnknownChannelRule: Rule {
    static let description = RuleDescription(
        id: "GTM303",
        name: "plan-unknown-channel",
        severity: .warning,
        summary: "A marketing or sales plan uses a channel the strategy does not name.",
        rationale: """
            Seeds 001 and 004: channels are part of the GTM strategy, chosen with evidence that \
            the ICP is there. A plan that spends on another channel drifts from the shared model.
            """,
        seeds: ["001", "004"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ndistribution:\n  channels: [{id: blog, name: Blog, kind: content}]\n---\napiVersion: gtm/v1\nkind: MarketingPlan\nid: m\nstrategy: s\nchannels: [{channel: blog}]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\ndistribution:\n  channels: ⤷[{id: blog, name: Blog, kind: content}]\n---\napiVersion: gtm/v1\nkind: MarketingPlan\nid: m\nstrategy: s\nchannels: [{channel: blog}, {channel: ↓TV ads}]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let channels = strategy[.channels]
        var known = Set<String>()
        for channel in channels.items {
            for field in [Field.channelID, .channelName] { if let v = channel[field].text { known.insert(v.lowercased()) } }
        }
        let related = channels.exists ? [(channels, "the strategy's channels are listed here")] : []
        var findings: [Finding] = []
        for plan in context.workspace.functionalPlans {
            guard let fields = Field.planChannels(plan.kind) else { continue }
            for use in plan[fields.list].items {
                let ref = use[fields.channel]
                guard let name = ref.text, !known.contains(name.lowercased()) else { continue }
                findings.append(context.finding("\(plan.displayName) uses the channel \"\(name)\", which the strategy does not name: either add it to the strategy's channels with the evidence that the ICP is reachable there, or drop it from the plan", at: ref, related: related))
            }
        }
        return findings
    }
}
