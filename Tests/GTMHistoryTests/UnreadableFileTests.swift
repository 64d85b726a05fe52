import GTMCore
import GTMLint
import GTMModel
import Testing
@testable import GTMHistory

/// A file that cannot be read at one revision (a YAML error, a document gtm cannot take) hides
/// what its documents say there; it does not remove them. A comparison says so, and says when
/// the file can be read again, instead of a removal followed by an addition.
@Suite("A file that cannot be read")
struct UnreadableFileTests {
    static func parsed(_ files: [String: String]) -> Workspace {
        let inputs = files.sorted { $0.key < $1.key }.map { LintInput(path: $0.key, content: .bytes(Array($0.value.utf8))) }
        return Linter(limits: .default, validator: nil).lint(inputs).workspace
    }

    /// Ways to break the segment's file, and where the reason must point.
    static let breakages: [(text: String, reason: String)] = [
        ("apiVersion: gtm/v1\nkind: Segment\nid: [unclosed\n", "line 4, column 1: did not find expected ',' or ']'"),
        ("apiVersion: gtm/v1\nid: platform-teams\n", "line 1, column 1: missing \"kind\""),
        ("apiVersion: gtm/v1\nkind: Segment\nid: platform-teams\nx: \"\\xZZ\"\n", "line 4, column"),
    ]

    @Test(arguments: breakages.indices)
    func aBrokenFileHidesItsDocumentsAndThenShowsThemAgain(_ index: Int) throws {
        let (text, reason) = Self.breakages[index]
        let good = Self.parsed(["a.yaml": segmentV1])
        let broken = Self.parsed(["a.yaml": text])
        #expect(broken.documents.isEmpty)
        #expect(broken.unreadable["a.yaml"]?.hasPrefix(reason) == true, "\(broken.unreadable)")

        let hidden = SemanticDiff.changes(from: good, to: broken)
        #expect(hidden.count == 1)
        #expect(hidden.first?.classification == .documentUnreadable)
        #expect(hidden.first?.kind == .removed)
        let said = try #require(hidden.first?.summary)
        #expect(said.contains("a.yaml cannot be read here") && said.contains(reason) && said.hasSuffix("it is not removed"), "\(said)")
        #expect(ICPLog.classify(hidden) == "unreadable")

        let shown = SemanticDiff.changes(from: broken, to: good)
        #expect(shown.count == 1)
        #expect(shown.first?.classification == .documentReadableAgain)
        #expect(shown.first?.summary?.hasPrefix("its file a.yaml can be read again: 800 accounts") == true, "\(shown.first?.summary ?? "")")
        #expect(ICPLog.classify(shown) == "readable again")
    }

    @Test func aRemovalIsStillARemoval() {
        let gone = SemanticDiff.changes(from: Self.parsed(["a.yaml": segmentV1]), to: Self.parsed([:]))
        #expect(gone.map(\.classification) == [.documentRemoved])
        #expect(gone.first?.summary?.hasPrefix("the segment is removed") == true)
        // Another file that cannot be read says nothing about this one.
        let elsewhere = SemanticDiff.changes(from: Self.parsed(["a.yaml": segmentV1]), to: Self.parsed(["b.yaml": "kind: [\n"]))
        #expect(elsewhere.map(\.classification) == [.documentRemoved])
    }

    /// A problem reported while the rest is read (a duplicate key keeps the first value) does
    /// not make the file unreadable.
    @Test func aProblemThatLeavesTheDocumentReadIsNotUnreadable() {
        let text = segmentV1 + "\nid: again\n"
        let workspace = Self.parsed(["a.yaml": text])
        #expect(workspace.documents.count == 1)
        #expect(workspace.unreadable.isEmpty)
    }
}
