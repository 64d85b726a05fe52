import Foundation
import Testing

/// A finding that goes away because its subject was removed or replaced is not a fix.
@Suite("Fixed, or no longer applies")
struct ResolutionTests {
    /// A beachhead estimated at 4,000 accounts: GTM102 says a first list stays under 1,000.
    func repository() throws -> (GitFixture, String) {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "4000"))
        try repo.write("strategy/other.yaml", StrategyText.segment(estimated: "600").replacing("id: platform-teams", with: "id: data-teams"))
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "too many accounts")
        let base = String(decoding: try repo.git("rev-parse", "HEAD").stdout.utf8, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (repo, base)
    }

    func review(_ repo: GitFixture, _ base: String) throws -> [String: Any] {
        let result = try repo.gtm("review", "--base", base, "--format", "json")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    static func rules(_ list: Any?) -> [String] { ((list as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String } }

    @Test func cuttingTheListFixesIt() throws {
        let (repo, base) = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "800"))
        try repo.git("commit", "-q", "-am", "cut the list")
        let review = try review(repo, base)
        #expect(Self.rules(review["fixed"]).contains("GTM102"), "\(review)")
        #expect(!Self.rules(review["no_longer_applies"]).contains("GTM102"), "\(review)")
    }

    @Test func swappingTheBeachheadIsNotAFix() throws {
        let (repo, base) = try repository()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("beachhead: platform-teams", with: "beachhead: data-teams"))
        try repo.git("commit", "-q", "-am", "another beachhead")
        let review = try review(repo, base)
        #expect(!Self.rules(review["fixed"]).contains("GTM102"), "\(review)")
        #expect(Self.rules(review["no_longer_applies"]).contains("GTM102"), "\(review)")
        let text = try repo.gtm("review", "--base", base).stdout
        #expect(text.contains("Findings that no longer apply"), "\(text)")
    }

    @Test func bugsCountOnlyFixesInTheMedianTimeToFix() throws {
        let (repo, _) = try repository()
        repo.advance(days: 10)
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("beachhead: platform-teams", with: "beachhead: data-teams"))
        try repo.git("commit", "-q", "-am", "another beachhead")
        let result = try repo.gtm("bugs", "--today", "2026-11-24", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        let summary = try #require(object["summary"] as? [String: Any], "\(object)")
        #expect(summary["no_longer_applies"] as? Int == 1, "\(summary)")
        #expect(summary["fixed"] as? Int == 0, "\(summary)")
        let text = try repo.gtm("bugs", "--today", "2026-11-24").stdout
        #expect(text.contains("0 fixed, 1 no longer apply") && !text.contains("median time to fix"), "\(text)")
    }
}

@Suite("gtm log for any field, in words")
struct LogInWordsTests {
    @Test func pricingAndMotionEvolveInWords() throws {
        let repo = try GitFixture.withStrategy()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("motion: {primary: product-led}", with: "motion: {primary: sales-led}"))
        try repo.git("commit", "-q", "-am", "sales-led")
        let motion = try repo.gtm("log", "--kind", "Strategy", "--field", "motion")
        #expect(motion.stdout.contains("≈ the motion went from product-led to inside-sales"), "\(motion.stdout)\(motion.stderr)")
        let unknown = try repo.gtm("log", "--kind", "Strategie")
        #expect(unknown.status == 2 && unknown.stderr.contains("the kinds are Strategy, Segment"), "\(unknown.stderr)")
        let icp = try repo.gtm("log")
        #expect(icp.stdout.contains("the segment is added: 800 accounts"), "\(icp.stdout)")
    }

    /// One commit moves the ICP's size and its estimate together: the ICP's change points at
    /// the first criterion edited, the size, and a log of the estimate shows it all the same.
    @Test func aFieldEditedWithAnotherCriterionIsShown() throws {
        let repo = try GitFixture.withStrategy()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "1200").replacing("max: 500", with: "max: 900"))
        try repo.git("commit", "-q", "-am", "larger teams")
        for field in ["accounts", "/accounts/estimated", "firmographic"] {
            let log = try repo.gtm("log", "--field", field)
            #expect(log.stdout.contains("larger teams"), "--field \(field): \(log.stdout)\(log.stderr)")
        }
        let untouched = try repo.gtm("log", "--field", "behavioural")
        #expect(!untouched.stdout.contains("larger teams"), "\(untouched.stdout)")
    }
}

@Suite("gtm log stops where it is asked to")
struct LogStopsEarlyTests {
    /// `--max-count 1` stops at the first commit it shows: in a shallow clone it never reaches
    /// the boundary, so it has nothing to say about it; the whole log does.
    @Test func maxCountStopsTheWalk() throws {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        for (i, accounts) in ["800", "700", "600"].enumerated() {
            try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: accounts))
            try repo.git("add", ".")
            try repo.git("commit", "-q", "-m", "step \(i)")
        }
        let clone = try GitFixture()
        try clone.git("clone", "-q", "--depth", "2", "file://" + repo.root.path, "shallow")
        let shallow = clone.root.appendingPathComponent("shallow")
        let all = try clone.gtm("log", in: shallow)
        #expect(all.stdout.contains("this clone is shallow"), "\(all.stdout)")
        let one = try clone.gtm("log", "--max-count", "1", in: shallow)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("700 accounts to 600 accounts"), "\(one.stdout)")
        #expect(!one.stdout.contains("this clone is shallow"), "the walk went on past the first entry: \(one.stdout)")
    }
}
