import GTMCore
import GTMModel
import Testing
@testable import GTMHistory

/// The one word `gtm log` gives a commit, from the classifications of its changes: what the
/// file was (unreadable, readable again, added, removed) before how the ICP moved, and
/// "changed" for anything else.
@Suite("One word per commit of the ICP's history")
struct LogClassificationTests {
    static let cases: [([Classification?], String)] = [
        ([.icpBroadened], "broadened"),
        ([.icpBroadened, .icpBroadened, nil], "broadened"),
        ([.icpNarrowed], "narrowed"),
        ([.icpShifted], "shifted"),
        ([.icpRetargeted], "re-targeted"),
        ([.icpBroadened, .icpNarrowed], "re-targeted"),
        ([.icpShifted, .icpNarrowed], "re-targeted"),
        ([.icpShifted, .icpRetargeted], "re-targeted"),
        ([.icpNarrowed, .priceChanged], "narrowed"),
        ([.documentMoved], "moved"),
        ([.documentMoved, nil], "moved"),
        ([.documentMoved, .priceChanged], "changed"),
        ([.documentMoved, .icpNarrowed], "narrowed"),
        ([nil], "changed"),
        ([], "changed"),
        ([.priceChanged, .motionChanged], "changed"),
        ([.documentAdded, .icpNarrowed], "added"),
        ([.documentRemoved, .documentMoved], "removed"),
        ([.documentRemoved, .documentAdded], "added"),
        ([.documentReadableAgain, .documentAdded], "readable again"),
        ([.documentUnreadable, .documentReadableAgain], "unreadable"),
    ]

    @Test(arguments: cases)
    func oneWord(_ classifications: [Classification?], _ word: String) {
        let changes = classifications.map {
            SemanticChange(kind: .changed, documentKind: .segment, document: "s", path: "s.yaml", pointer: .root, old: nil, new: nil, classification: $0)
        }
        #expect(ICPLog.classify(changes) == word)
    }
}
