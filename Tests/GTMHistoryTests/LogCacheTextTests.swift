import Foundation
@testable import GTMHistory
import GTMGit
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
        let header = "gtm log cache 2\n" + key + "\n\n"
        let id = String(repeating: "ab", count: 20), other = String(repeating: "CD", count: 20)
        #expect(LogCache.parse(Array((header + id + " -\n" + other + " 3\n\nabc").utf8), key: key)?.count == 2)
        #expect(LogCache.parse(Array((header + id + " 4\n\nabc").utf8), key: key) == nil)
        #expect(LogCache.parse(Array((header + id + " 2\n\nabc").utf8), key: key) == nil, "a byte past the last text")
        #expect(LogCache.parse(Array((header + id + " -\n").utf8), key: key) == nil, "no blank line after the index")
        #expect(LogCache.parse(Array((header + id + " -\n\n").utf8), key: "another") == nil)
        #expect(LogCache.parse(Array((header + "xyz -\n\n").utf8), key: key) == nil)
        #expect(LogCache.parse(Array((header + id + " -1\n\n").utf8), key: key) == nil)
        #expect(LogCache.parse(Array(("gtm log cache 1\n" + key + "\n\n" + id + " -\n\n").utf8), key: key) == nil, "an older layout")
    }

    /// What a cache writes is what it reads back: remembered commits, shown ones (the texts the
    /// caller puts after the head), and a shown one that replaces what was remembered.
    @Test func whatIsWrittenIsReadBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-logcache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try #require(ObjectID(hex: String(repeating: "a1", count: 20)))
        let b = try #require(ObjectID(hex: String(repeating: "b2", count: 20)))
        let c = try #require(ObjectID(hex: String(repeating: "c3", count: 20)))
        let first = LogCache(directory: directory, build: "gtm test", key: "k")
        first.remember(a, .nothing)
        first.remember(b, .entry("old text for b ✓\n"))
        first.save(keeping: [])
        let second = LogCache(directory: directory, build: "gtm test", key: "k")
        #expect(second.recall(a) == .nothing)
        #expect(second.recall(b) == .entry("old text for b ✓\n"))
        let shown: [(commit: ObjectID, text: [UInt8], isNew: Bool)] = [(c, Array("c shown\n".utf8), true), (b, Array("b shown again\n".utf8), true)]
        var file = try #require(second.fileHead(shown: shown, keeping: [a, b, c]))
        for entry in shown { file += entry.text }
        file.withUnsafeBytes { second.write($0) }
        let third = LogCache(directory: directory, build: "gtm test", key: "k")
        #expect(third.recall(a) == .nothing)
        #expect(third.recall(b) == .entry("b shown again\n"))
        #expect(third.recall(c) == .entry("c shown\n"))
        // Nothing new: nothing to write.
        #expect(third.fileHead(shown: [(c, Array("c shown\n".utf8), false)], keeping: []) == nil)
    }
}
