import Foundation
import Testing
@testable import JSONSchema

/// Strings written as JSON text read back as themselves, escaped as JSON asks (quotes,
/// backslashes, control characters) and nothing else escaped.
@Suite("Strings quoted as JSON")
struct JSONQuoteTests {
    static let strings: [String] = [
        "", "plain", "Segment \"platform-teams\" is estimated at 1,415 accounts", "back\\slash", "a\nb\r\nc\td",
        "\u{0}\u{1}\u{1B}\u{1F} control", "café – naïve", "emoji 👩🏽‍💻 and 中文", "\"", "\\\"\\", "tail\u{7F}",
        "ends with a quote\"", "\u{2028} line separator",
    ]

    @Test(arguments: strings)
    func readsBackAsItself(_ s: String) throws {
        let text = JSONText.quote(s)
        let read = try JSONSerialization.jsonObject(with: Data(("[" + text + "]").utf8)) as? [String]
        #expect(read == [s])
        // Only what JSON requires is escaped: the rest stays as written.
        let escapes = s.unicodeScalars.filter { $0.value < 0x20 || $0 == "\"" || $0 == "\\" }.count
        #expect(text.unicodeScalars.filter { $0 == "\\" }.count >= escapes)
        if escapes == 0 { #expect(text == "\"" + s + "\"") }
        #expect(!text.unicodeScalars.dropFirst().dropLast().contains { $0.value < 0x20 })
        if s.contains("\u{1B}") { #expect(text.contains("\\u001b")) }
    }
}
