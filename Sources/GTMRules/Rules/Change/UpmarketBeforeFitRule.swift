import GTMCore
import GTMModel

/// "The seductive wrong move": going enterprise before the current motion is repeatable.
struct UpmarketBeforeFitRule: Rule {
    static let description = RuleDescription(
        id: "GTM501",
        name: "upmarket-before-fit",
        kind: .change,
        severity: .error,
        summary: "The change moves the motion or the beachhead upmarket before GTM fit.",
        rationale: """
            Seed 003 calls moving upmarket the seductive wrong move: larger logos look like \
            progress, but an enterprise motion before the current one is repeatable multiplies \
            sales cycles, services and CAC while the evidence is still missing.
            """,
        seeds: ["003"],
        passing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nmotion: {primary: enterprise}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nmotion: {primary: sales-led}\n"),
        ],
        failing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ⤷problem-solution-fit\nbeachhead: ↓big\n---\napiVersion: gtm/v1\nkind: Segment\nid: smb\n---\napiVersion: gtm/v1\nkind: Segment\nid: big\nfirmographic: {employees: {min: 5000}}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: problem-solution-fit\nbeachhead: smb\n---\napiVersion: gtm/v1\nkind: Segment\nid: smb\n---\napiVersion: gtm/v1\nkind: Segment\nid: big\nfirmographic: {employees: {min: 5000}}\n"),
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: ⤷product-market-fit\nmotion: {primary: ↓enterprise}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmotion: {primary: product-led}\n"),
        ]
    )

    static let upmarketMotions: Set = ["enterprise", "sales-led"]
    static let beforeFit: Set = ["problem-solution-fit", "product-market-fit"]

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.after.strategy, let stage = context.stage?.name,
              Self.beforeFit.contains(stage) else { return [] }
        var findings: [Finding] = []
        let stageRef = strategy[.stage]
        let before = context.before.strategy?.motion?.name
        if let (motion, now) = strategy.motion, Self.upmarketMotions.contains(now), before != now,
           !(before.map { Self.upmarketMotions.contains($0) } ?? false) {
            findings.append(context.finding(
                "the motion moves from \(before ?? "none") to \(now) while the stage is \(stage): prove the current motion repeatable first",
                at: motion, related: [(stageRef, "the stage is \(stage) here")]))
        }
        let oldIDs = Set(context.before.beachheads.compactMap { $0.ref.string })
        for (ref, segment) in context.after.beachheads {
            guard let id = ref.string, !oldIDs.contains(id), let segment,
                  let minimum = segment[.employeesMin].number,
                  minimum >= Self.enterpriseEmployees else { continue }
            findings.append(context.finding(
                "the beachhead moves to \(segment.displayName), companies of \(shown(minimum))+ employees, while the stage is \(stage): an enterprise beachhead before GTM fit",
                at: ref, related: [(stageRef, "the stage is \(stage) here")]))
        }
        return findings
    }

    /// Companies this large buy through committees and procurement: an enterprise segment.
    static let enterpriseEmployees = 1000.0
}
