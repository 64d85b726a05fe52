import GTMCore
import GTMModel

/// A broader ICP is a decision that deserves a reviewer's eyes, not a drive-by edit.
struct BroadenedICPRule: Rule {
    static let description = RuleDescription(
        id: "GTM502",
        name: "icp-broadened",
        kind: .change,
        severity: .warning,
        summary: "The change broadens the ICP: more accounts, wider ranges, more industries or regions.",
        rationale: """
            Focus wins (seeds 000 and 002): small is the new big, and the relevant market is a \
            sliver of the addressable one. Broadening the ICP should be a deliberate step backed \
            by evidence from the current segment, so review calls it out.
            """,
        seeds: ["000", "002"],
        passing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Segment\nid: x\naccounts: {estimated: 600}\n",
                before: "apiVersion: gtm/v1\nkind: Segment\nid: x\naccounts: {estimated: 800}\n"),
        ],
        failing: [
            RuleExample(
                "apiVersion: gtm/v1\nkind: Segment\nid: x\naccounts: {estimated: ↓5000}\n",
                before: "apiVersion: gtm/v1\nkind: Segment\nid: x\naccounts: {estimated: 800}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        context.changes.filter { $0.classification == .icpBroadened }.compactMap { change in
            guard let doc = context.after.document(change.document, kind: change.documentKind) else { return nil }
            if let summary = change.summary {
                return context.finding("\(doc.displayName): \(summary); say what evidence from the current segment supports it", at: NodeRef(doc, change.pointer))
            }
            let place = NodeRef(doc, change.pointer.parent.flatMap { p in change.new == nil ? p : nil } ?? change.pointer)
            return context.finding(
                "\(doc.displayName) is broadened at \(change.pointer): \(ValueText.describe(change.old)) → \(ValueText.describe(change.new))",
                at: place)
        }
    }
}
