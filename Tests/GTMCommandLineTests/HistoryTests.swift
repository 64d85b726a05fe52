import Foundation
import Testing

/// A repository with a known history of its ICP: added, an unrelated commit, broadened, moved
/// to another file, narrowed on a branch and merged, narrowed again, then reordered only.
final class KnownHistory {
    let repo: GitFixture
    var ids: [String: String] = [:]

    init() throws {
        repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segments/icp.yaml", StrategyText.segment())
        try commit("add", "strategy")
        try repo.write("README.md", "# notes\n")
        try commit("unrelated", "README.md")
        try repo.write("strategy/segments/icp.yaml", StrategyText.segment(estimated: "4000"))
        try commit("broaden", "strategy")
        try repo.git("mv", "strategy/segments/icp.yaml", "strategy/segments/platform.yaml")
        try commit("move", "strategy")
        try repo.git("checkout", "-q", "-b", "side")
        try repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "4000").replacing("max: 500", with: "max: 300"))
        try commit("narrow on a branch", "strategy")
        try repo.git("checkout", "-q", "main")
        try repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
        ids["merge side"] = try repo.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "900").replacing("max: 500", with: "max: 300"))
        try commit("narrow", "strategy")
        try repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "900").replacing("max: 500", with: "max: 300")
            .replacing("industries: [fintech]", with: "industries: [fintech]").replacing("{industries: [fintech], employees: {min: 50, max: 300}}", with: "{employees: {max: 300, min: 50}, industries: [fintech]}"))
        try commit("reorder", "strategy")
    }

    func commit(_ message: String, _ path: String) throws {
        try repo.git("add", path)
        try repo.git("commit", "-q", "-m", message)
        ids[message] = try repo.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func json(_ arguments: String...) throws -> [String: Any] {
        let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }
}

@Suite("Strategy over history")
struct HistoryTests {
    @Test func logListsExactlyTheCommitsThatChangedTheICP() throws {
        let h = try KnownHistory()
        let entries = try #require(try h.json("log", "--format", "json")["entries"] as? [[String: Any]])
        let subjects = entries.map { $0["subject"] as! String }
        #expect(subjects == ["narrow", "merge side", "move", "broaden", "add"])
        let classes = entries.map { $0["classification"] as! String }
        #expect(classes == ["narrowed", "narrowed", "moved", "broadened", "added"])
        #expect(entries.allSatisfy { ($0["commit"] as! String).count == 40 })
        #expect(entries[0]["commit"] as? String == h.ids["narrow"])
        let broaden = try #require(entries[3]["changes"] as? [[String: Any]])
        #expect(broaden.count == 1)
        #expect(broaden[0]["pointer"] as? String == "/accounts/estimated")
        // One change of meaning, in words, with the edit that makes it as its detail.
        #expect((broaden[0]["summary"] as? String)?.hasSuffix("(broadened)") == true, "\(broaden[0])")
        let detail = try #require((broaden[0]["details"] as? [[String: Any]])?.first)
        #expect(detail["old"] as? Int == 800 && detail["new"] as? Int == 4000)

        let allParents = try #require(try h.json("log", "--all-parents", "--format", "json")["entries"] as? [[String: Any]])
        #expect(allParents.map { $0["subject"] as! String } == ["narrow", "narrow on a branch", "move", "broaden", "add"])

        let field = try #require(try h.json("log", "--field", "/accounts/estimated", "--format", "json")["entries"] as? [[String: Any]])
        #expect(field.map { $0["subject"] as! String } == ["narrow", "broaden", "add"])
    }

    @Test func gtmLogIsTheSameCommand() throws {
        let h = try KnownHistory()
        let viaLog = try GTMCommandLineTests.gtm(["log"], in: h.repo.root, environment: GitFixture.environment)
        let viaTool = try run(Paths.products.appendingPathComponent("gtm-log"), [], in: h.repo.root, environment: GitFixture.environment)
        #expect(viaLog.status == 0 && viaTool.status == 0)
        #expect(viaLog.stdout == viaTool.stdout)
        #expect(viaTool.stdout.contains("[broadened]"))
    }

    @Test func diffIgnoresReorderingAndReportsMoves() throws {
        let h = try KnownHistory()
        let reorder = try h.json("diff", "HEAD~1", "HEAD", "--format", "json")
        #expect((reorder["changes"] as? [Any])?.isEmpty == true)
        let move = try #require(try h.json("diff", "HEAD~4", "HEAD~3", "--format", "json")["changes"] as? [[String: Any]])
        #expect(move.count == 1)
        #expect(move[0]["kind"] as? String == "moved")
        #expect(move[0]["path"] as? String == "strategy/segments/platform.yaml")
    }

    @Test func bugsHaveTheirIntroducingAndFixingCommits() throws {
        let h = try KnownHistory()
        let bugs = try #require(try h.json("bugs", "--format", "json")["bugs"] as? [[String: Any]])
        let accounts = try #require(bugs.first { $0["rule"] as? String == "GTM102" })
        #expect((accounts["introduced"] as? [String: Any])?["commit"] as? String == h.ids["broaden"])
        #expect((accounts["fixed"] as? [String: Any])?["commit"] as? String == h.ids["narrow"])
        #expect(accounts["pointer"] as? String == "/accounts/estimated")
    }

    /// What `gtm bugs` reports, the overdue reviews (GTM401) among it, and the id of HEAD.
    static func overdueReviews(_ repo: GitFixture) throws -> (bugs: [[String: Any]], overdue: [[String: Any]], head: String) {
        let result = try GTMCommandLineTests.gtm(["bugs", "--format", "json"], in: repo.root, environment: GitFixture.environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let bugs = try #require(object["bugs"] as? [[String: Any]])
        let head = try repo.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (bugs, bugs.filter { $0["rule"] as? String == "GTM401" }, head)
    }

    @Test func reviewCadenceCountsCommitsToTheStrategy() throws {
        let repo = try GitFixture()
        // Reviewed long before the first commit, but the commit itself touches the strategy.
        let stale = StrategyText.strategy.replacing("review: {cadence: yearly, reviewed: 2026-10-01}", with: "review: {cadence: quarterly, reviewed: 2025-01-01}")
        try repo.write("strategy/strategy.yaml", stale)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy")
        repo.advance(days: 120)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "700"))
        try repo.git("commit", "-qam", "segment only, four months later")
        let (bugs, overdue, head) = try Self.overdueReviews(repo)
        #expect(overdue.count == 1, "\(bugs)")
        #expect((overdue.first?["introduced"] as? [String: Any])?["commit"] as? String == head)
    }

    /// A strategy that comes back (a revert) is judged as of its own date, not served from
    /// the earlier commit that had the same files: by then the review may be overdue.
    @Test func aStateThatComesBackIsJudgedOnItsOwnDate() throws {
        let repo = try GitFixture()
        let fresh = StrategyText.strategy.replacing("review: {cadence: yearly, reviewed: 2026-10-01}", with: "review: {cadence: quarterly, reviewed: 2026-09-01}")
        try repo.write("strategy/strategy.yaml", fresh)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy, reviewed this month")
        repo.advance(days: 10)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "700"))
        try repo.git("commit", "-qam", "segment resized")
        repo.advance(days: 200)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("commit", "-qam", "segment back as it was, seven months later")
        let (bugs, overdue, head) = try Self.overdueReviews(repo)
        #expect(overdue.count == 1, "\(bugs)")
        #expect((overdue.first?["introduced"] as? [String: Any])?["commit"] as? String == head)
    }

    @Test func checkAsksGitWhenTheReviewDateIsOld() throws {
        let repo = try GitFixture()
        let stale = StrategyText.strategy.replacing("review: {cadence: yearly, reviewed: 2026-10-01}", with: "review: {cadence: quarterly, reviewed: 2025-01-01}")
        try repo.write("strategy/strategy.yaml", stale)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy")
        let commitDate = CalendarDateText.of(repo.clock)
        // Committed 2026-09-21: fresh on 2026-11-24 although reviewed in 2025.
        let fresh = try repo.gtm("check", "--today", "2026-11-24")
        #expect(!fresh.stdout.contains("GTM401"), "\(fresh.stdout)")
        let later = try repo.gtm("check", "--today", "2027-03-01")
        #expect(later.stdout.contains("[GTM401]"), "\(later.stdout)")
        // Outside git only the review date counts.
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plain.appendingPathComponent("strategy"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plain) }
        try stale.write(to: plain.appendingPathComponent("strategy/strategy.yaml"), atomically: false, encoding: .utf8)
        #expect(try GTMCommandLineTests.gtm(["check", "--today", "2026-11-24"], in: plain).stdout.contains("[GTM401]"))
        #expect(commitDate == "2026-09-21")
    }

    @Test func reviewInEveryFormat() throws {
        let h = try KnownHistory()
        let base = try #require(h.ids["unrelated"]), head = try #require(h.ids["broaden"])
        let json = try h.json("review", "--base", base, "--head", head, "--format", "json")
        let introduced = try #require(json["introduced"] as? [[String: Any]])
        #expect(introduced.map { $0["rule"] as! String } == ["GTM102"])
        let diff = try #require(json["diff_findings"] as? [[String: Any]])
        #expect(diff.map { $0["rule"] as! String } == ["GTM502"])

        let markdown = try GTMCommandLineTests.gtm(["review", "--base", base, "--head", head, "--format", "markdown"], in: h.repo.root)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("## gtm strategy review"))
        #expect(markdown.stdout.contains("| warning | GTM502 |"))
        #expect(markdown.stdout.contains("<details>"))

        let github = try GTMCommandLineTests.gtm(["review", "--base", base, "--head", head, "--format", "github"], in: h.repo.root)
        #expect(github.stdout.contains("::warning file=strategy/segments/icp.yaml,line=8,col=23,title=GTM102::"), "\(github.stdout)")

        let sarifText = try GTMCommandLineTests.gtm(["review", "--base", base, "--head", head, "--format", "sarif"], in: h.repo.root).stdout
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(sarifText.utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        try SARIFSchema.expectValid(sarifText)

        // An error introduced by the change fails the review.
        try h.repo.write("strategy/segments/platform.yaml", StrategyText.segment(estimated: "\"lots\""))
        try h.commit("break", "strategy")
        let failing = try GTMCommandLineTests.gtm(["review", "--base", "HEAD~1"], in: h.repo.root)
        #expect(failing.status == 1)
    }
}

/// The SARIF 2.1.0 schema, from a PyPI package that ships it (fetched by `make test`), checked
/// with gtm's own validator.
enum SARIFSchema {
    static let path = Paths.packageRoot.appendingPathComponent(".build/sarif-schema/sarif-2.1.0.json")

    static func expectValid(_ sarif: String) throws {
        guard FileManager.default.fileExists(atPath: path.path) else {
            print("SARIF 2.1.0 schema not found at \(path.path) (make test fetches it); skipped the schema check")
            return
        }
        let result = try gtm(["validate", "--schema", path.path, "-"], stdin: Data(sarif.utf8))
        #expect(result.status == 0, "SARIF output is not valid SARIF 2.1.0:\n\(result.stdout)")
    }
}

enum CalendarDateText {
    static func of(_ unix: Int) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}
