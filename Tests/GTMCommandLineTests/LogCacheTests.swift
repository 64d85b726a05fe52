import Foundation
import Testing

/// `gtm log` keeps what it found at each commit in the git directory and reads it on the next
/// run: the output must not change, a damaged or forged file must not be believed, new commits
/// must be read, and nothing but that folder may be written.
@Suite("What gtm log keeps between runs")
struct LogCacheTests {
    static func cacheFiles(_ h: KnownHistory) throws -> [URL] {
        let folder = h.repo.root.appendingPathComponent(".git/gtm")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("log-") }.map { folder.appendingPathComponent($0) }
    }

    static func log(_ h: KnownHistory, _ arguments: String...) throws -> String {
        let result = try GTMCommandLineTests.gtm(["log"] + arguments, in: h.repo.root, environment: GitFixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func aSecondRunPrintsWhatTheFirstDidAndReadsItFromTheCache() throws {
        let h = try KnownHistory()
        let fresh = try Self.log(h, "--no-cache")
        #expect(try Self.cacheFiles(h).isEmpty, "--no-cache writes nothing")
        let first = try Self.log(h)
        #expect(first == fresh)
        let file = try #require(try Self.cacheFiles(h).first)
        #expect(try Self.log(h) == fresh)

        // The second run takes its entries from the file: an entry changed there (same length)
        // is what it prints, and --no-cache and the JSON output still read history itself.
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("broaden"))
        try text.replacingOccurrences(of: "broaden", with: "BROADEN").write(to: file, atomically: false, encoding: .utf8)
        #expect(try Self.log(h).contains("BROADEN"))
        #expect(try Self.log(h, "--no-cache") == fresh)
        #expect(!(try Self.log(h, "--format", "json").contains("BROADEN")))
    }

    @Test(arguments: [
        "garbage\n",
        "gtm log cache 2\nanother key\n\n",
        // An escape sequence in an entry: the file was not written by gtm.
        "ESCAPE",
        // A length that runs past the end of the file.
        "LENGTH",
    ])
    func aDamagedOrForgedFileIsNotBelieved(_ damage: String) throws {
        let h = try KnownHistory()
        let fresh = try Self.log(h)
        let file = try #require(try Self.cacheFiles(h).first)
        var text = try String(contentsOf: file, encoding: .utf8)
        switch damage {
        case "ESCAPE": text = text.replacingOccurrences(of: "broaden", with: "\u{1B}[2Jbro")
        case "LENGTH": text += "0123456789012345678901234567890123456789 999999\nshort\n"
        default: text = damage
        }
        try text.write(to: file, atomically: false, encoding: .utf8)
        let again = try Self.log(h)
        #expect(again == fresh)
        #expect(!again.contains("\u{1B}"))
    }

    @Test func newCommitsAreReadAndOnlyTheGitDirectoryFolderIsWritten() throws {
        let h = try KnownHistory()
        _ = try Self.log(h)
        try h.repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "700").replacing("max: 500", with: "max: 300"))
        try h.commit("narrow once more", "strategy")
        let index = try h.repo.read(".git/index")
        let objects = try FileManager.default.subpathsOfDirectory(atPath: h.repo.root.appendingPathComponent(".git/objects").path).sorted()
        let cached = try Self.log(h)
        #expect(cached.contains("narrow once more"))
        #expect(cached == (try Self.log(h, "--no-cache")))
        #expect(try h.repo.read(".git/index") == index)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: h.repo.root.appendingPathComponent(".git/objects").path).sorted() == objects)
        #expect(try h.repo.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test func filesOfOtherBuildsAreRemovedWhenThisOneSaves() throws {
        let h = try KnownHistory()
        let folder = h.repo.root.appendingPathComponent(".git/gtm")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("log-0123456789abcdef-0123456789abcdef")
        try "gtm log cache 1\ngtm 0.0.1 an older build\n".write(to: old, atomically: false, encoding: .utf8)
        let unrelated = folder.appendingPathComponent("notes")
        try "kept".write(to: unrelated, atomically: false, encoding: .utf8)
        _ = try Self.log(h)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
        #expect(try Self.cacheFiles(h).count == 1)
    }

    @Test func eachFieldAndTargetHasItsOwnFile() throws {
        let h = try KnownHistory()
        let whole = try Self.log(h)
        let field = try Self.log(h, "--field", "/accounts/estimated")
        #expect(try Self.cacheFiles(h).count == 2)
        #expect(try Self.log(h) == whole)
        #expect(try Self.log(h, "--field", "/accounts/estimated") == field)
        #expect(try Self.log(h, "--field", "/accounts/estimated", "--no-cache") == field)
    }
}
