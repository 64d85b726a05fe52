import GTMCore
import GTMModel

/// Changing the first segment is the biggest decision a strategy makes; it needs its evidence.
struct BeachheadRetargetedRule: Rule {
    static let description = RuleDescription(
        id: "GTM505",
        name: "beachhead-retargeted",
        kind: .change,
        severity: .warning,
        summary: "The change swaps the beachhead for another segment, or re-targets it in place, without new evidence in the sequence.",
        rationale: """
            The beachhead is the segment the company can win first, and the sequence says what \
            evidence unlocks each next step (seed 003). Moving the beachhead to another segment \
            discards what was learnt about the first one; at any stage, the change should carry \
            the evidence that the new segment is the better first target.
            """,
        seeds: ["003"],
        passing: [
            // The new beachhead arrives with the evidence behind it.
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: fintech\nsequence: [{step: Win fintech platform teams, evidence: 12 of 15 fintech pilots converted}]\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: retail\nsequence: [{step: Win retail platform teams, evidence: 3 pilots}]\n"),
            // A second beachhead segment added beside the first is judged by GTM106, not here.
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nbeachhead: [retail, fintech]\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nbeachhead: retail\n"),
        ],
        failing: [
            // Re-targeted in place: same id, other accounts altogether.
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nbeachhead: mid\n---\napiVersion: gtm/v1\nkind: Segment\nid: mid\nfirmographic: ↓{industries: [healthcare]}\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nbeachhead: mid\n---\napiVersion: gtm/v1\nkind: Segment\nid: mid\nfirmographic: {industries: [fintech]}\n"),
            RuleExample(
                "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nbeachhead: ↓fintech\nsequence: [{step: Win retail platform teams, evidence: 3 pilots}]\n",
                before: "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: gtm-fit\nbeachhead: retail\nsequence: [{step: Win retail platform teams, evidence: 3 pilots}]\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        let before = Set(context.before.beachheads.compactMap(\.ref.string))
        let after = context.after.beachheads
        let evidenceChanged = context.changes.contains { $0.documentKind == .strategy && Field.sequence.contains($0.pointer) }
        guard !before.isEmpty, !evidenceChanged else { return [] }
        // Re-targeted in place: the same segment now describes other accounts altogether.
        let inPlace: [Finding] = after.compactMap { ref, segment in
            guard let segment, let id = ref.string, before.contains(id),
                  let change = context.changes.first(where: { $0.documentKind == .segment && $0.document == id && $0.summary != nil && $0.classification == .icpRetargeted }),
                  let summary = change.summary else { return nil }
            return context.finding(
                "the beachhead \(segment.displayName) is re-targeted: \(summary), with no new evidence in the sequence; say what shows the new accounts are the better first target",
                at: NodeRef(segment, change.pointer.tokens.first.map { JSONPointer(tokens: [$0]) } ?? .root))
        }
        // A swap: segments left behind and others taken up.
        guard !before.isSubset(of: Set(after.compactMap(\.ref.string))) else { return inPlace }
        let left = before.sorted().joined(separator: ", ")
        return inPlace + after.compactMap { ref, segment in
            guard let id = ref.string, !before.contains(id) else { return nil }
            return context.finding(
                "the beachhead moves from \(left) to \(segment?.displayName ?? id) with no new evidence in the sequence; say what shows the new segment is the better first target",
                at: ref)
        }
    }
}
