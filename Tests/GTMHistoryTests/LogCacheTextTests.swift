@testable import GTMHistory
import Testing

/// What the log cache accepts as an entry: the text gtm prints, and nothing a terminal would
/// act on, however the file was written.
@Suite("Text the log cache believes")
struct LogCacheTextTests {
    @Test(arguments: [
        ("plain", Array("abc 123\n    ≈ Segment \"x\": 50–500 employees ✓\n".utf8), true),
        ("four-byte scalar", Array("team 🚀\n".utf8), true),
        ("escape", Array("a\u{1B}[2Jb".utf8), false),
        ("delete", [0x61, 0x7F], false),
        ("tab", [0x61, 0x09], false),
        ("carriage return", [0x61, 0x0D, 0x0A], false),
        ("C1 control (next line)", Array("a\u{85}b".utf8), false),
        ("line separator", Array("a\u{2028}b".utf8), false),
        ("truncated sequence", [0x61, 0xC3], false),
        ("overlong form", [0xC0, 0x80], false),
        ("overlong three bytes", [0xE0, 0x80, 0x80], false),
        ("surrogate", [0xED, 0xA0, 0x80], false),
        ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80], false),
        ("stray continuation", [0x80], false),
    ] as [(String, [UInt8], Bool)])
    func printable(_ name: String, _ bytes: [UInt8], _ expected: Bool) {
        #expect(LogCache.isPrintable(bytes[...]) == expected, "\(name)")
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, 211, 4096, 1_234_567_890, Int.max])
    func lengthsAreWrittenAsDecimalDigitsAfterWhatIsThere(n: Int) {
        var out = Array("x ".utf8)
        LogCache.appendDecimal(n, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x \(n)")
    }

    @Test func aFileForAnotherKeyOrWithAnEntryRunningPastItsEndIsNotRead() {
        let key = "gtm 1 build\nfolder strategy"
        let header = "gtm log cache 1\n" + key + "\n\n"
        let id = String(repeating: "ab", count: 20)
        #expect(LogCache.parse(Array((header + id + " -\n" + String(repeating: "CD", count: 20) + " 3\nabc").utf8), key: key)?.count == 2)
        #expect(LogCache.parse(Array((header + id + " 4\nabc").utf8), key: key) == nil)
        #expect(LogCache.parse(Array((header + id + " -\n").utf8), key: "another") == nil)
        #expect(LogCache.parse(Array((header + "xyz -\n").utf8), key: key) == nil)
        #expect(LogCache.parse(Array((header + id + " -1\n").utf8), key: key) == nil)
    }
}
