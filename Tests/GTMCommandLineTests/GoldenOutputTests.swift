import Foundation
import GTMReport
import Testing

/// Golden-file tests: every command in every format it accepts, run through the built `gtm`,
/// compared byte for byte with `Golden/<case>.out`.
///
/// `<case>.out` holds the command line as a user types it (`$ gtm ...`), then exactly what the
/// command wrote to standard output. `<case>.exit` holds the exit status and standard error; it
/// exists only when the status is not 0 or standard error is not empty, so its absence means
/// "exit 0, nothing on standard error".
///
/// `GTM_RECORD_GOLDEN=1 swift test --filter Golden` writes the files instead of comparing them.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["GTM_RECORD_GOLDEN"] == "1" }
    static let today = "2026-11-24"

    /// Where a case runs: in the package root (paths in the output are then relative to it), or
    /// in a fresh repository built from `Golden/history`.
    enum Place: Sendable { case package, history, empty }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var executable = "gtm"
        var arguments: [String]
        var place = Place.package
        var testDescription: String { name }

        /// The command line as a user would type it, quoting what the shell would split.
        var commandLine: String {
            ([executable] + arguments).map { arg in
                arg.allSatisfy { $0.isLetter || $0.isNumber || "-_./~=:^".contains($0) } ? arg : "'\(arg)'"
            }.joined(separator: " ")
        }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        let clean = "Tests/GTMCommandLineTests/Golden/fixtures/clean"
        let broken = "Tests/GTMCommandLineTests/Fixtures/broken"
        // The formats come from the registry: a format added to a command needs its golden file.
        func names<S>(_ table: FormatTable<S>) -> [String] { table.formats.map(\.rawValue) }
        for format in names(Formats.findings) {
            cases.append(Case(name: "check-clean-\(format)", arguments: ["check", "--today", today] + formatFlag(format) + [clean]))
            cases.append(Case(name: "check-broken-\(format)", arguments: ["check", "--today", today] + formatFlag(format) + [broken]))
            cases.append(Case(name: "validate-\(format)", arguments: ["validate", "--today", today, "--schema", "schemas/Segment.schema.json"]
                              + formatFlag(format) + ["Tests/GTMCommandLineTests/Golden/fixtures/validate"]))
        }
        // The README's tour: the project's own strategy and one of the examples.
        cases.append(Case(name: "check-project-strategy-text", arguments: ["check", "--today", today, "strategy/"]))
        cases.append(Case(name: "check-example-devtool-text", arguments: ["check", "--today", today, "examples/devtool-enterprise-mismatch"]))
        for format in names(Formats.rules) {
            cases.append(Case(name: "rules-list-\(format)", arguments: ["rules"] + formatFlag(format)))
            cases.append(Case(name: "rules-one-\(format)", arguments: ["rules", "GTM201"] + formatFlag(format)))
        }
        cases.append(Case(name: "rules-unknown-text", arguments: ["rules", "GTM999"]))
        for format in names(Formats.diff) {
            cases.append(Case(name: "diff-\(format)", arguments: ["diff", "HEAD~5", "HEAD"] + formatFlag(format), place: .history))
        }
        for format in names(Formats.log) {
            cases.append(Case(name: "log-\(format)", arguments: ["log"] + formatFlag(format), place: .history))
        }
        for format in names(Formats.bugs) {
            cases.append(Case(name: "bugs-\(format)", arguments: ["bugs", "--today", today] + formatFlag(format), place: .history))
        }
        cases.append(Case(name: "gtm-log-text", executable: "gtm-log", arguments: [], place: .history))
        for format in names(Formats.review) {
            cases.append(Case(name: "review-\(format)", arguments: ["review", "--base", "HEAD~3"] + formatFlag(format), place: .history))
        }
        // The first hour: a strategy folder from nothing, and the field reference.
        cases.append(Case(name: "init-yes-text", arguments: ["init", "--yes"], place: .empty))
        cases.append(Case(name: "schema-kinds-text", arguments: ["schema"]))
        cases.append(Case(name: "schema-pricing-text", arguments: ["schema", "Strategy.pricing"]))
        cases.append(Case(name: "schema-pricing-markdown", arguments: ["schema", "Strategy.pricing", "--format", "markdown"]))
        cases.append(Case(name: "schema-unknown-text", arguments: ["schema", "Strategy.nextSegments"]))
        // The report: an example without history, and the history repository with its charts.
        for format in names(Formats.report) {
            cases.append(Case(name: "report-example-\(format)", arguments: ["report", "--today", today, "--format", format, "examples/devtool-enterprise-mismatch"]))
            cases.append(Case(name: "report-history-\(format)", arguments: ["report", "--today", today, "--format", format], place: .history))
        }
        // The README's review: a change that broadens the ICP and brings a new finding.
        cases.append(Case(name: "review-broadening-markdown", arguments: ["review", "--base", "HEAD~5", "--head", "HEAD~2", "--format", "markdown"], place: .history))
        return cases
    }()

    static func formatFlag(_ format: String) -> [String] { format == "text" ? [] : ["--format", format] }

    /// The version `gtm --version` prints, which SARIF output carries.
    static let toolVersion: String = {
        (try? gtm(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "unknown"
    }()

    /// THE normalisation, the only one: what differs between machines or releases is replaced by
    /// a placeholder. The temporary repository's path becomes `<repo>`, the package's path
    /// `<package>`, the temporary folder `<tmp>`, and the tool version in SARIF `<version>`.
    /// Commit ids and dates need none: the repository's clock and identities are fixed.
    static func normalise(_ text: String, repository: URL?) -> String {
        var text = text
        var paths: [(String, String)] = []
        if let repository {
            paths.append((repository.path, "<repo>"))
            paths.append((repository.resolvingSymlinksInPath().path, "<repo>"))
        }
        paths.append((Paths.packageRoot.path, "<package>"))
        paths.append((FileManager.default.temporaryDirectory.path, "<tmp>"))
        for (path, placeholder) in paths where !path.isEmpty {
            text = text.replacingOccurrences(of: path, with: placeholder)
        }
        return text.replacingOccurrences(of: "\"version\": \"\(toolVersion)\"", with: "\"version\": \"<version>\"")
    }

    /// Runs a case; returns the contents of its `.out` and, when not the default, `.exit` file.
    static func run(_ c: Case) throws -> (out: String, exit: String?) {
        var history: GoldenHistory?
        var empty: GitFixture?
        if c.place == .history { history = try GoldenHistory() }
        if c.place == .empty { empty = try GitFixture() }
        let directory = history?.repo.root ?? empty?.root ?? Paths.packageRoot
        let environment = history == nil && empty == nil ? [:] : GitFixture.environment
        let result = try GTMCommandLineTests.run(Paths.products.appendingPathComponent(c.executable), c.arguments,
                                                 in: directory, environment: environment)
        let repository = history?.repo.root ?? empty?.root
        let out = "$ \(c.commandLine)\n" + normalise(result.stdout, repository: repository)
        guard result.status != 0 || !result.stderr.isEmpty else { return (out, nil) }
        var exit = "exit status: \(result.status)\n"
        if !result.stderr.isEmpty { exit += "stderr:\n" + normalise(result.stderr, repository: repository) }
        return (out, exit)
    }

    static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static let recordHint = "record it with: GTM_RECORD_GOLDEN=1 swift test --filter Golden"

    /// Where two texts first differ, line by line, for a short failure message.
    static func firstDifference(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "(end of file)", al = i < a.count ? a[i] : "(end of output)"
            if el != al { return "first difference at line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "the texts differ only in bytes the line split hides"
    }
}

/// The repository the history commands read: one commit per folder of `Golden/history`, in
/// order. Each folder holds the whole strategy at that commit and a `message` file; the folder's
/// `strategy/` replaces the repository's. GitFixture's clock and identity fix every date and
/// therefore every commit id. No finding is left open at the end: `gtm bugs` counts an open
/// finding's age up to the real today (it takes no `--today`), which no golden file can hold.
final class GoldenHistory {
    static let source = Golden.folder.appendingPathComponent("history")
    let repo: GitFixture

    init() throws {
        repo = try GitFixture()
        let fm = FileManager.default
        let steps = try fm.contentsOfDirectory(atPath: Self.source.path).filter { !$0.hasPrefix(".") }.sorted()
        for (index, step) in steps.enumerated() {
            // A week between commits, the first on 2026-10-20, the sixth on 2026-11-24.
            repo.advance(days: index == 0 ? 29 : 7)
            let folder = Self.source.appendingPathComponent(step)
            let target = repo.root.appendingPathComponent("strategy")
            try? fm.removeItem(at: target)
            try fm.copyItem(at: folder.appendingPathComponent("strategy"), to: target)
            let message = try String(contentsOf: folder.appendingPathComponent("message"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try repo.git("add", "-A", "strategy")
            let commit = try repo.git("commit", "-q", "--author", "Dana <dana@example.com>", "-m", message)
            guard commit.status == 0 else { throw GoldenHistoryError.commitFailed(step, commit.stderr) }
        }
    }

    func commitIds() throws -> [String] {
        try repo.git("log", "--format=%H %s").stdout.split(separator: "\n").map(String.init)
    }
}

enum GoldenHistoryError: Error { case commitFailed(String, String) }

@Suite("Golden outputs")
struct GoldenOutputTests {
    @Test(arguments: Golden.cases)
    func output(_ c: Golden.Case) throws {
        let (out, exit) = try Golden.run(c)
        let outFile = Golden.file("\(c.name).out"), exitFile = Golden.file("\(c.name).exit")
        if Golden.recording {
            try FileManager.default.createDirectory(at: Golden.folder, withIntermediateDirectories: true)
            try Data(out.utf8).write(to: outFile)
            if let exit { try Data(exit.utf8).write(to: exitFile) } else { try? FileManager.default.removeItem(at: exitFile) }
            print("recorded Golden/\(c.name).out" + (exit == nil ? "" : " and .exit"))
            return
        }
        guard let expectedOut = try? Data(contentsOf: outFile) else {
            Issue.record("no golden file Golden/\(c.name).out; \(Golden.recordHint)")
            return
        }
        let expected = String(decoding: expectedOut, as: UTF8.self)
        #expect(out == expected, "Golden/\(c.name).out differs: \(Golden.firstDifference(expected: expected, actual: out))\nIf the change is intended, \(Golden.recordHint)")
        let expectedExit = (try? Data(contentsOf: exitFile)).map { String(decoding: $0, as: UTF8.self) }
        #expect(exit == expectedExit, """
            Golden/\(c.name).exit differs (absent means exit status 0 and nothing on standard error):
              expected: \(expectedExit ?? "(exit 0, no stderr)")
              actual:   \(exit ?? "(exit 0, no stderr)")
            If the change is intended, \(Golden.recordHint)
            """)
    }

    @Test func everyGoldenFileBelongsToACase() throws {
        let names = Set(Golden.cases.map(\.name))
        #expect(names.count == Golden.cases.count, "two cases share a name")
        guard !Golden.recording else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.folder.path)
            .filter { $0.hasSuffix(".out") || $0.hasSuffix(".exit") }
        for file in files {
            let name = file.hasSuffix(".out") ? String(file.dropLast(4)) : String(file.dropLast(5))
            if !names.contains(name) { Issue.record("Golden/\(file) belongs to no case; delete it") }
        }
    }

    @Test func historyCommitIdsAreTheSameOnEveryRun() throws {
        let first = try GoldenHistory().commitIds(), second = try GoldenHistory().commitIds()
        #expect(first.count == 6)
        #expect(first == second)
    }
}
