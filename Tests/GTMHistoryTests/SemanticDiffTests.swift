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

    /// An item whose identity is kept but whose text changed is one change, matched by name
    /// or by similar text, not a removal and an addition.
    @Test func replacedItemsAreChanges() {
        let old = """
            apiVersion: gtm/v1
            kind: Strategy
            id: s
            sequence:
              - {step: Win fintech platform teams, evidence: 20 paying teams}
              - {step: Expand to insurers, evidence: 5 insurer pilots}
            positioning:
              promises: [Pipelines that stay green, Releases every day]
            """
        let new = """
            apiVersion: gtm/v1
            kind: Strategy
            id: s
            sequence:
              - {step: Win fintech and insurtech platform teams, evidence: 20 paying teams}
              - {step: Expand to insurers, evidence: 8 insurer pilots}
            positioning:
              promises: [Pipelines that always stay green, Releases every day]
            """
        let changes = SemanticDiff.changes(from: workspace(["s.yaml": old]), to: workspace(["s.yaml": new]))
        #expect(changes.allSatisfy { $0.kind == .changed }, "\(changes.map { "\($0.kind) \($0.pointer)" })")
        #expect(Set(changes.map(\.pointer.description)) == ["/sequence/0/step", "/sequence/1/evidence/summary", "/positioning/promises/0"], "\(changes.map(\.pointer.description))")
    }

    /// Five states to "US and Mexico" is one broadening, said in words, not five narrowings.
    @Test func regionsAreOneChangeOfMeaning() {
        let old = segmentV1.replacing("industries: [fintech, insurance]", with: "industries: [fintech, insurance]\n  regions: [US-NY, US-NJ, US-CT, US-PA, US-MA]")
        let new = segmentV1.replacing("industries: [fintech, insurance]", with: "industries: [fintech, insurance]\n  regions: [US, Mexico]")
        let changes = SemanticDiff.changes(from: workspace(["a.yaml": old]), to: workspace(["a.yaml": new]))
        #expect(changes.count == 1, "\(changes)")
        #expect(changes.first?.classification == .icpBroadened)
        #expect(changes.first?.summary == "the ICP went from companies in 5 US states to companies in US and Mexico (broadened)")
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
