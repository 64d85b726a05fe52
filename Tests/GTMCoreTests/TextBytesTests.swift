import Testing
@testable import GTMCore

/// Text put together as bytes reads as the same text put together as a string.
@Suite("Text built as bytes")
struct TextBytesTests {
    static let numbers = [0, 7, 999, 1000, -1000, 4500, -4500, 120_000, 1_234_567, Int.max, Int.min + 1]

    @Test(arguments: numbers)
    func groupsAsFiguresDo(_ n: Int) {
        var text = TextBytes()
        text.append("≈ ")
        text.append(grouped: n)
        #expect(text.string == "≈ " + Figures.grouped(n))
        // Thousands separators every three digits from the right, a sign only when negative.
        let digits = Figures.grouped(n).filter { $0 != "," && $0 != "-" }
        #expect(digits == String(n.magnitude))
    }

    @Test func piecesReadAsOneString() {
        var text = TextBytes(capacity: 4)
        text.append("café ")
        text.append(StaticString("and "))
        text.append(byte: UInt8(ascii: "x"))
        var other = TextBytes()
        other.append(" 👩🏽‍💻,")
        text.append(other)
        #expect(text.last == UInt8(ascii: ","))
        text.removeLast()
        #expect(text.string == "café and x 👩🏽‍💻")
        #expect(text.count == text.string.utf8.count)
    }

    /// A copy is a value: what one gets appended or removed the other does not see, whichever
    /// is written to first, and however much either grows.
    @Test(arguments: [1, 16, 5000])
    func aCopyKeepsItsOwnText(_ grown: Int) {
        var text = TextBytes(capacity: 1)
        text.append("shared")
        var copy = text
        copy.append(String(repeating: "x", count: grown))
        #expect(text.string == "shared")
        #expect(copy.string == "shared" + String(repeating: "x", count: grown))
        let again = copy
        copy.removeLast()
        #expect(again.count == 6 + grown)
        #expect(copy.count == 5 + grown)
        text.append(byte: UInt8(ascii: "!"))
        #expect(text.bytes == Array("shared!".utf8))
        #expect(again.string == "shared" + String(repeating: "x", count: grown))
    }

    @Test func aRewriteChangesOnlyWhatFollowsItsStartAndOnlyWhenAsked() {
        var text = TextBytes()
        text.append("keep\t")
        let start = text.count
        text.append("tab\there")
        text.rewrite(from: start, if: { $0.contains(0x09) }) { $0.replacingTabs() }
        #expect(text.string == "keep\ttab→here")
        text.rewrite(from: start, if: { _ in false }) { _ in "never" }
        #expect(text.string == "keep\ttab→here")
    }
}

private extension String {
    func replacingTabs() -> String { String(map { $0 == "\t" ? "→" : $0 }) }
}
