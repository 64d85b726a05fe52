import Testing
@testable import GTMRules

/// GTM216 reads ASCII text byte by byte and other text by `Character`: both must find the
/// same words, or a replay would judge differently from a check.
@Suite("Positioning and problem words")
struct PositioningWordsTests {
    @Test(arguments: [
        "Invoices are reconciled by hand every month.",
        "Reconciles invoices AUTOMATICALLY, without spreadsheets; every CFO's team\r\nwould agree.",
        "  trailing-hyphenated words_and_underscores 1234 numbers9mixed ",
        "", "a", "about their these those", "Tabs\tand\nnewlines\u{7}bell",
    ])
    func bytesAndCharactersAgree(text: String) {
        let rule = PositioningMissesProblemRule()
        for minimum in [-5, 0, 1, 5, 7] {
            #expect(PositioningMissesProblemRule.asciiWords(text, minimum) == rule.graphemeWords(text, minimum), "\(minimum)")
        }
    }

    @Test func otherTextIsReadByCharacter() {
        #expect(PositioningMissesProblemRule.asciiWords("Réconcilie les factures", 5) == nil)
        #expect(PositioningMissesProblemRule().words("Réconcilie les factures", 5) == ["réconc", "factur"])
    }
}
