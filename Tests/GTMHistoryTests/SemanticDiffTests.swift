import GTMCore
import GTMModel
import Testing
import YAMLSource
@testable import GTMHistory

func workspace(_ files: [String: String]) -> Workspace {
    var docs: [GTMDocument] = []
    for (path, text) in files {
        for yaml in YAMLLoader.load(Array(text.utf8), path: path).documents {
            if case .document(let d) = DocumentReader.read(yaml) { docs.append(d) }
        }
    }
    return Workspace(documents: docs)
}

let segmentV1 = """
    apiVersion: gtm/v1
    kind: Segment
    id: platform-teams
    firmographic:
      industries: [fintech, insurance]
      employees: {min: 50, max: 500}
    accounts: {estimated: 800}
    """

@Suite("Semantic diff")
struct SemanticDiffTests {
    @Test func reorderingIsNotAChange() {
        let v2 = segmentV1.replacing("[fintech, insurance]", with: "[insurance, fintech]")
            .replacing("{min: 50, max: 500}", with: "{max: 500, min: 50}")
        let changes = SemanticDiff.changes(from: workspace(["a.yaml": segmentV1]), to: workspace(["a.yaml": v2]))
        #expect(changes.isEmpty)
    }

    @Test func listItemsMatchByID() {
        let old = """
            apiVersion: gtm/v1
            kind: Strategy
            id: s
            exclusions:
              - {id: agencies, reason: low retention}
              - {id: public-sector, reason: procurement}
            """
        let new = """
            apiVersion: gtm/v1
            kind: Strategy
            id: s
            exclusions:
              - {id: public-sector, reason: procurement cycles}
            """
        let changes = SemanticDiff.changes(from: workspace(["s.yaml": old]), to: workspace(["s.yaml": new]))
        #expect(changes.count == 2)
        #expect(changes.contains { $0.kind == .changed && $0.pointer.description == "/exclusions/0/reason" })
        #expect(changes.contains { $0.kind == .removed && $0.classification == .exclusionDropped })
    }

    @Test func movedDocumentIsAMove() {
        let changes = SemanticDiff.changes(
            from: workspace(["strategy/icp.yaml": segmentV1]),
            to: workspace(["strategy/segments/platform-teams.yaml": segmentV1]))
        #expect(changes.count == 1)
        #expect(changes.first?.kind == .moved)
        #expect(changes.first?.oldPath == "strategy/icp.yaml")
    }

    struct ClassCase: Sendable, CustomTestStringConvertible {
        let from: String, to: String, expected: Classification
        var testDescription: String { "\(from) → \(to)" }
    }

    @Test(arguments: [
        ClassCase(from: "estimated: 800", to: "estimated: 4000", expected: .icpBroadened),
        ClassCase(from: "estimated: 800", to: "estimated: 300", expected: .icpNarrowed),
        ClassCase(from: "[fintech, insurance]", to: "[fintech, insurance, retail]", expected: .icpBroadened),
        ClassCase(from: "[fintech, insurance]", to: "[fintech]", expected: .icpNarrowed),
        ClassCase(from: "max: 500", to: "max: 5000", expected: .icpBroadened),
        ClassCase(from: "min: 50", to: "min: 200", expected: .icpNarrowed),
    ])
    func classifiesICPChanges(_ c: ClassCase) {
        let changes = SemanticDiff.changes(
            from: workspace(["a.yaml": segmentV1]),
            to: workspace(["a.yaml": segmentV1.replacing(c.from, with: c.to)]))
        #expect(changes.count == 1)
        #expect(changes.first?.classification == c.expected)
    }
}
