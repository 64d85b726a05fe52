import Foundation
@testable import GTMReport
import Testing

/// Values from documents never become terminal sequences, workflow commands or hidden
/// Markdown, whatever they hold.
@Suite("Output nobody can forge")
struct OutputSafetyTests {
    /// A value that tries every trick: a newline that starts a workflow command, a CR LF pair,
    /// an escape sequence, an HTML comment that would hide the rest of a comment, a mention.
    static let hostile = #""x\n::error file=README.md,line=1::forged\r\n::warning::crlf \e[31mred\e]0;title\a \r\r<!-- @octocat | `tick`""#

    func repository() throws -> (GitFixture, String) {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy")
        let base = String(decoding: try repo.git("rev-parse", "HEAD").stdout.utf8, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // The hostile value lands in a schema message (a string where a number belongs), in
        // a change in meaning (the segment's name) and in the sentence `gtm log` writes about
        // the ICP (an industry).
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: Self.hostile).replacing("name: Platform teams", with: "name: \(Self.hostile)")
            .replacing("industries: [fintech]", with: "industries: [fintech, \(Self.hostile)]"))
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "hostile")
        return (repo, base)
    }

    static func linesStartingAWorkflowCommand(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("::") }
    }

    @Test func textKeepsOneFindingPerLineAndNoControlCharacters() throws {
        let (repo, base) = try repository()
        for arguments in [["check", "--today", "2026-11-24"], ["review", "--base", base], ["diff", base, "HEAD"], ["log", "platform-teams"]] {
            let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
            #expect(Self.linesStartingAWorkflowCommand(result.stdout).isEmpty, "\(arguments): \(result.stdout)")
            let controls = result.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
            #expect(controls.isEmpty, "\(arguments) writes control characters: \(controls.map(\.value))")
        }
    }

    @Test func githubAnnotationsAreOneLineEach() throws {
        let (repo, base) = try repository()
        for arguments in [["check", "--today", "2026-11-24", "--format", "github"], ["review", "--base", base, "--format", "github"]] {
            let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
            #expect(!result.stdout.isEmpty)
            #expect(!result.stdout.contains("\r"), "\(arguments)")
            for line in result.stdout.split(separator: "\n") {
                #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice file="), "\(arguments): \(line)")
            }
        }
    }

    /// A CR LF pair is one Character in Swift: escaping must work on scalars.
    @Test func workflowEscapingSeesEveryScalar() {
        #expect(SafeText.workflowData("a\r\nb%") == "a%0D%0Ab%25")
        #expect(SafeText.workflowProperty("x:y,z\r\n") == "x%3Ay%2Cz%0D%0A")
        #expect(SafeText.line("a\r\nb\u{1B}[2J\u{9B}") == "a\\r\\nb\\u{1B}[2J\\u{9B}")
        #expect(SafeText.leadingPath("::error::x.yaml") == "./::error::x.yaml")
    }

    /// The byte-level check before the copy finds every scalar the copy escapes, and lets
    /// through the typography of `gtm log` (≈, ›, …) that shares their lead bytes.
    @Test(arguments: [
        ("\u{85}", "\\u{85}"), ("\u{9F}x", "\\u{9F}x"), ("a\u{2028}b", "a\\u{2028}b"), ("\u{2029}", "\\u{2029}"),
        ("\u{202A}", "\\u{202A}"), ("x\u{202E}", "x\\u{202E}"), ("\u{2066}", "\\u{2066}"), ("\u{2069}", "\\u{2069}"),
        ("≈ ICP › accounts … “quoted” – é ¡", "≈ ICP › accounts … “quoted” – é ¡"), ("\u{A0}\u{2027}\u{202F}\u{2065}\u{206A}", "\u{A0}\u{2027}\u{202F}\u{2065}\u{206A}"),
    ])
    func lineEscapesExactlyTheDangerousScalars(input: String, expected: String) {
        #expect(SafeText.line(input) == expected)
    }

    /// The check read eight bytes at a time agrees with a byte-by-byte reading for every byte
    /// at every place of texts from one to twenty bytes, and for the separators, isolates and
    /// C1 controls across the words' edges.
    @Test(arguments: [UInt8](0...255))
    func escapesAreFoundWhereverTheyStand(byte: UInt8) {
        func byBytes(_ b: [UInt8]) -> Bool {
            for i in b.indices {
                let c = b[i]
                if c < 0x20 || c == 0x7F { return true }
                if c == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) { return true }
                if c == 0xE2, i + 2 < b.count, (b[i + 1] == 0x80 && (0xA8...0xAE).contains(b[i + 2])) || (b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2])) { return true }
            }
            return false
        }
        let sequences: [[UInt8]] = [[byte], [0xC2, byte], [0xE2, 0x80, byte], [0xE2, 0x81, byte], [0xE2, byte, 0xA8]]
        for sequence in sequences {
            for length in 1...20 {
                for at in 0..<length where at + sequence.count <= length {
                    var text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    text.replaceSubrange(at..<(at + sequence.count), with: sequence)
                    let found = text.withUnsafeBufferPointer { SafeText.needsEscapes(bytes: $0) }
                    #expect(found == byBytes(text), "\(text)")
                }
            }
        }
    }

    @Test func markdownHidesNothingAndMentionsNobody() throws {
        let (repo, base) = try repository()
        for arguments in [["check", "--today", "2026-11-24", "--format", "markdown"], ["review", "--base", base, "--format", "markdown"], ["diff", base, "HEAD", "--format", "markdown"]] {
            let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
            #expect(!result.stdout.contains("<!--"), "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains("@octocat"), "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains("\r"), "\(arguments)")
            // Every table row keeps its cell count: a value cannot add or end a cell.
            for line in result.stdout.split(separator: "\n") where line.hasPrefix("| ") {
                let unescaped = line.replacing("\\|", with: "")
                #expect([4, 5, 6].contains(unescaped.filter { $0 == "|" }.count), "\(arguments): \(line)")
            }
        }
    }

    @Test func aFailedWriteIsAnErrorNotACleanReport() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = Paths.products.appendingPathComponent("gtm")
        process.arguments = ["rules"]
        process.currentDirectoryURL = Paths.packageRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write the report"), "\(message)")
    }
}

/// Early exits inside a repository used to race libgit2's set-up on the other thread.
@Suite("No crash on the way out")
struct EarlyExitTests {
    @Test(arguments: [["log", "--help"], ["review", "--nope"], ["diff", "--format", "sarif"], ["bugs", "--since"]])
    func earlyExitNeverCrashes(_ arguments: [String]) throws {
        let repo = try GitFixture()
        var statuses: [Int32: Int] = [:]
        // A thousand runs each (about a minute in all); GTM_EXIT_RUNS lowers it while iterating.
        let runs = ProcessInfo.processInfo.environment["GTM_EXIT_RUNS"].flatMap(Int.init) ?? 1000
        for _ in 0..<runs {
            let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
            statuses[result.status, default: 0] += 1
        }
        // One status every time, and never a signal (a crash reports 128 + its number).
        #expect(statuses.count == 1, "\(arguments): \(statuses)")
        #expect(statuses.keys.allSatisfy { $0 == 0 || $0 == 2 }, "\(arguments): \(statuses)")
    }
}

@Suite("Paths CI services resolve")
struct RootRelativePathTests {
    @Test func annotationsAndSARIFNameFilesFromTheRepositoryRootWhereverGtmRuns() throws {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        let inside = repo.root.appendingPathComponent("strategy")
        let github = try GTMCommandLineTests.gtm(["check", "--today", "2026-11-24", "--format", "github"], in: inside, environment: GitFixture.environment)
        #expect(github.stdout.contains("::error file=strategy/segment.yaml,line=8,col=23"), "\(github.stdout)")
        let text = try GTMCommandLineTests.gtm(["check", "--today", "2026-11-24"], in: inside, environment: GitFixture.environment)
        #expect(text.stdout.contains("segment.yaml:8:23") && !text.stdout.contains("strategy/segment.yaml"), "text stays relative to where the user is: \(text.stdout)")
        let sarif = try GTMCommandLineTests.gtm(["check", "--today", "2026-11-24", "--format", "sarif"], in: inside, environment: GitFixture.environment)
        #expect(sarif.stdout.contains("\"uri\": \"strategy/segment.yaml\""), "\(sarif.stdout)")
        #expect(sarif.stdout.contains("\"uriBaseId\": \"SRCROOT\""), "\(sarif.stdout)")
    }
}
