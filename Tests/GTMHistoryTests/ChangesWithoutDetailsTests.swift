import GTMCore
import GTMModel
import Testing
@testable import GTMHistory

/// `SemanticDiff.changes` without `details` (what `gtm log` puts in words) gives the changes it
/// gives with them, less the edits folded into an ICP's change, which then points at the first
/// criterion edited instead of into it.
@Suite("Changes without details")
struct ChangesWithoutDetailsTests {
    static let segment = """
        apiVersion: gtm/v1
        kind: Segment
        id: platform-teams
        name: Platform teams
        firmographic:
          industries: [fintech, insurance]
          employees: {min: 50, max: 500}
        behavioural: {signals: [hiring SREs]}
        accounts: {estimated: 800}
        market: {tam: {accounts: 40000}}
        """

    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let edits: [(String, String)]
        var moved = false
        /// Whether the edit moves the ICP (its criteria's edits are then folded).
        let folds: Bool
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "two criteria", edits: [("max: 500", "max: 5000"), ("estimated: 800", "estimated: 900")], folds: true),
        Edit(name: "a criterion and the name", edits: [("max: 500", "max: 400"), ("name: Platform teams", "name: Platform engineering")], folds: true),
        Edit(name: "a criterion and the market, in another key order",
             edits: [("accounts: {estimated: 800}\nmarket: {tam: {accounts: 40000}}", "market: {tam: {accounts: 50000}}\naccounts: {estimated: 300}")], folds: true),
        Edit(name: "a criterion added", edits: [("behavioural:", "technographic: {uses: [kubernetes]}\nbehavioural:")], folds: true),
        Edit(name: "a criterion removed", edits: [("  employees: {min: 50, max: 500}\n", "")], folds: true),
        // Without an estimate, the criteria admit the same accounts: not a move of the ICP.
        Edit(name: "the estimate removed", edits: [("accounts: {estimated: 800}\n", "")], folds: false),
        Edit(name: "moved and narrowed", edits: [("industries: [fintech, insurance]", "industries: [fintech]")], moved: true, folds: true),
        Edit(name: "industries reordered", edits: [("[fintech, insurance]", "[insurance, fintech]")], folds: false),
        Edit(name: "industries capitalised", edits: [("[fintech, insurance]", "[Fintech, insurance]")], folds: false),
        Edit(name: "signals reworded", edits: [("hiring SREs", "hiring platform engineers")], folds: false),
    ]

    @Test(arguments: edits)
    func sameChangesLessTheFoldedEdits(_ edit: Edit) {
        let new = edit.edits.reduce(Self.segment) { $0.replacing($1.0, with: $1.1) }
        #expect(new != Self.segment)
        let before = workspace(["strategy/icp.yaml": Self.segment])
        let after = workspace([edit.moved ? "strategy/segments/platform-teams.yaml" : "strategy/icp.yaml": new])
        let whole = SemanticDiff.changes(from: before, to: after)
        let brief = SemanticDiff.changes(from: before, to: after, details: false)
        #expect(whole.contains { !$0.details.isEmpty } == edit.folds, "\(whole.map { "\($0.kind) \($0.pointer)" })")
        let expected = whole.map { change -> SemanticChange in
            guard change.meaning != nil else { return change }
            var folded = change
            folded.details = []
            folded.pointer = JSONPointer.root.appending(change.pointer.tokens[0])
            return folded
        }
        #expect(brief == expected, "\(brief.map { "\($0.kind) \($0.pointer)" }) against \(expected.map { "\($0.kind) \($0.pointer)" })")
    }
}
