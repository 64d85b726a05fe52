@testable import GTMModel
import Testing

/// Documents found by kind and id: a workspace resolves ids through one sorted index, and the
/// semantic comparison matches documents through sorted pairs. Both keep the first document of
/// an id (in path order) where several share it, and say so once per repeat.
@Suite("Documents found by kind and id")
struct DocumentIndexTests {
    static func segment(_ id: String, max: Int = 500) -> String {
        "apiVersion: gtm/v1\nkind: Segment\nid: \(id)\nfirmographic: {employees: {min: 50, max: \(max)}}\n"
    }

    static let plan = "apiVersion: gtm/v1\nkind: SalesPlan\nid: platform-teams\nowner: sales\n"

    struct Case: Sendable, CustomTestStringConvertible {
        var files: [String: String]
        var id: String
        var kind: DocumentKind
        /// The paths `resolve` answers with: none, one, or several (ambiguous), in path order.
        var resolved: [String]
        /// Messages of `duplicateIDFindings`, in order.
        var duplicates: [String]
        var testDescription: String { "\(kind.rawValue) \(id) among \(files.keys.sorted())" }
    }

    @Test(arguments: [
        Case(files: ["a.yaml": segment("platform-teams")], id: "platform-teams", kind: .segment,
             resolved: ["a.yaml"], duplicates: []),
        Case(files: ["a.yaml": segment("platform-teams")], id: "data-teams", kind: .segment, resolved: [], duplicates: []),
        // The same id for another kind is another document.
        Case(files: ["a.yaml": segment("platform-teams"), "b.yaml": plan], id: "platform-teams", kind: .salesPlan,
             resolved: ["b.yaml"], duplicates: []),
        Case(files: ["c.yaml": segment("platform-teams"), "a.yaml": segment("platform-teams"), "b.yaml": segment("data-teams"),
                     "d.yaml": segment("platform-teams")],
             id: "platform-teams", kind: .segment, resolved: ["a.yaml", "c.yaml", "d.yaml"],
             duplicates: ["Segment id \"platform-teams\" is already used by another document; ids must be unique",
                          "Segment id \"platform-teams\" is already used by another document; ids must be unique"]),
        Case(files: ["b.yaml": segment("zeta"), "a.yaml": segment("zeta"), "c.yaml": segment("alpha"), "d.yaml": segment("alpha")],
             id: "alpha", kind: .segment, resolved: ["c.yaml", "d.yaml"],
             duplicates: ["Segment id \"alpha\" is already used by another document; ids must be unique",
                          "Segment id \"zeta\" is already used by another document; ids must be unique"]),
    ])
    func resolvesAndReportsRepeats(_ c: Case) {
        let w = workspace(c.files)
        switch w.resolve(c.id, kind: c.kind) {
        case .missing: #expect(c.resolved.isEmpty)
        case .found(let doc): #expect([doc.path] == c.resolved)
        case .ambiguous(let docs): #expect(docs.map(\.path) == c.resolved)
        }
        let findings = w.duplicateIDFindings
        #expect(findings.map(\.message) == c.duplicates)
        // Each repeat points at the first document of its id.
        for finding in findings {
            let first = w.documents.first { $0.id == finding.documentID && $0.kind == c.kind }
            #expect(finding.related.first?.location.path == first?.path)
        }
    }

    /// Of two documents with one id, the comparison follows the first in path order on both
    /// sides, whichever order the files are given in.
    @Test(arguments: [["a.yaml", "b.yaml"], ["b.yaml", "a.yaml"]])
    func comparisonFollowsTheFirstOfAnID(_ order: [String]) {
        let before = workspace(["a.yaml": Self.segment("platform-teams", max: 500), "b.yaml": Self.segment("platform-teams", max: 900)])
        var files: [String: String] = [:]
        for path in order { files[path] = Self.segment("platform-teams", max: path == "a.yaml" ? 600 : 900) }
        let after = workspace(files)
        let changes = SemanticDiff.changes(from: before, to: after)
        #expect(changes.count == 1)
        #expect(changes.first?.path == "a.yaml")
        #expect(changes.first?.classification == .icpBroadened)
        // And nothing, when only the second changed.
        let quiet = workspace(["a.yaml": Self.segment("platform-teams", max: 500), "b.yaml": Self.segment("platform-teams", max: 100)])
        #expect(SemanticDiff.changes(from: before, to: quiet).isEmpty)
    }
}
