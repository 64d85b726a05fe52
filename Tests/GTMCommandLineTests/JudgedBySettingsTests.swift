import Foundation
import Testing

/// What is judged carries its own rules: the hook reads settings and schemas from the index, a
/// review each side's own, and the rules about changes are configured like every rule.
@Suite("Settings and schemas come from what is judged")
struct JudgedBySettingsTests {
    /// A committed, coherent strategy whose committee is about to grow past what a
    /// product-led motion can close (GTM202).
    func repository(hook: Bool = true) throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy")
        if hook {
            let install = try repo.gtm("hook", "install")
            #expect(install.status == 0, "\(install.stderr)")
        }
        return repo
    }

    static let committee = StrategyText.strategy.replacing("motion: {primary: product-led}", with: "motion: {primary: product-led}\nbuyers: {committeeSize: 8}")

    @Test func anUnstagedSettingsFileCannotSwitchARuleOffForTheCommit() throws {
        let repo = try repository()
        try repo.write("strategy/strategy.yaml", Self.committee)
        try repo.git("add", "strategy/strategy.yaml")
        try repo.write(".gtm.yaml", "rules: {GTM202: false}\n")
        let blocked = try repo.git("commit", "-q", "-m", "bigger committee")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("GTM202"), "\(blocked.stderr)")
        // Staged, the same settings are part of the commit and judge it.
        try repo.git("add", ".gtm.yaml")
        let passed = try repo.git("commit", "-q", "-m", "bigger committee, rule off")
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    }

    @Test func anUnstagedSchemaCannotLoosenTheCommit() throws {
        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        try repo.git("add", "strategy/segment.yaml")
        // An untracked schema that accepts anything, as a careless or hostile edit would.
        try repo.write("schemas/Segment.schema.json", #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://gtm.tools/schemas/v1/Segment.schema.json"}"#)
        let blocked = try repo.git("commit", "-q", "-m", "lots")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("got the string \"lots\""), "\(blocked.stderr)")
        // The working tree itself is judged by the working tree's schema.
        let workingTree = try repo.gtm("check")
        #expect(!workingTree.stdout.contains("got the string \"lots\""), "\(workingTree.stdout)")
    }

    @Test func checkAtARevisionUsesThatRevisionsSettings() throws {
        let repo = try repository(hook: false)
        try repo.write("strategy/strategy.yaml", Self.committee)
        try repo.write(".gtm.yaml", "rules: {GTM202: false}\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "rule off with the change")
        try repo.write(".gtm.yaml", "rules: {GTM202: true}\n")
        let atHead = try repo.gtm("check", "--rev", "HEAD", "--today", "2026-11-24")
        #expect(atHead.status == 0, "\(atHead.stdout)\(atHead.stderr)")
        let workingTree = try repo.gtm("check", "--today", "2026-11-24")
        #expect(workingTree.status == 1 && workingTree.stdout.contains("GTM202"), "\(workingTree.stdout)")
    }

    @Test func rulesAboutChangesAreConfiguredAndWaivedLikeEveryRule() throws {
        let repo = try repository(hook: false)
        let base = String(decoding: try repo.git("rev-parse", "HEAD").stdout.utf8, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // Broaden the ICP (GTM502) and drop the exclusion (GTM503) in one change.
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "5000"))
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("exclusions: [{id: agencies, reason: They resell rather than use.}]\n", with: "exclusions: [{id: consultancies, reason: They advise rather than run.}]\n"))
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "broaden")
        let plain = try repo.gtm("review", "--base", base, "--format", "json")
        #expect(plain.stdout.contains("\"GTM502\"") && plain.stdout.contains("\"GTM503\""), "\(plain.stdout)")

        try repo.write(".gtm.yaml", """
            rules:
              GTM502: false
            waivers:
              - {rule: GTM503, document: acme, reason: Agencies now buy direct., expires: 2099-01-01}

            """)
        try repo.git("add", ".gtm.yaml")
        try repo.git("commit", "-q", "-m", "settings")
        let configured = try repo.gtm("review", "--base", base, "--format", "json")
        #expect(!configured.stdout.contains("\"GTM502\""), "\(configured.stdout)")
        #expect(configured.stdout.contains("waived until 2099-01-01"), "\(configured.stdout)")
        // The settings are accepted by check: GTM502 is a known rule, the waiver is not unused.
        let check = try repo.gtm("check", "--today", "2026-11-24", "--format", "json")
        #expect(!check.stdout.contains("\"config\"") && !check.stdout.contains("waiver-unused"), "\(check.stdout)")
    }

    /// A pull request that raises the committee and turns GTM202 off in the same change.
    @Test func aReviewSeesTheRulesLoosenedAndWhatThatLetsThrough() throws {
        let repo = try repository(hook: false)
        try repo.write(".gtm.yaml", "rules:\n  GTM205: {min-inside-sales-acv: 25000}\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "settings")
        let base = String(decoding: try repo.git("rev-parse", "HEAD").stdout.utf8, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("strategy/strategy.yaml", Self.committee)
        try repo.write(".gtm.yaml", """
            rules:
              GTM202: false
              GTM205: {min-inside-sales-acv: 5000}
            waivers:
              - {rule: GTM101, document: platform-teams, reason: Criteria come next quarter., expires: 2099-01-01}

            """)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "bigger committee, rule off")
        let review = try repo.gtm("review", "--base", base)
        #expect(review.status == 1, "\(review.stdout)")
        #expect(review.stdout.contains(".gtm.yaml:2:3: warning: GTM202 self-serve-vs-buying-committee: turned off by this change [settings-loosened]"), "\(review.stdout)")
        #expect(review.stdout.contains("GTM205 sales-motion-vs-small-acv: min-inside-sales-acv relaxed from 25000 to 5000"), "\(review.stdout)")
        #expect(review.stdout.contains("this change waives GTM101 for platform-teams until 2099-01-01"), "\(review.stdout)")
        #expect(review.stdout.contains("error: hidden by this change's settings:") && review.stdout.contains("[GTM202] [settings-loosened]"), "\(review.stdout)")
    }

    @Test func settingsNeverNameFoldersOutsideTheRepository() throws {
        let repo = try repository(hook: false)
        try repo.write(".gtm.yaml", "strategy: ../outside\nschemas: /usr\n")
        let result = try repo.gtm("check", "--today", "2026-11-24")
        #expect(result.status == 1)
        #expect(result.stdout.contains(".gtm.yaml:1:11: error: \"../outside\" lies outside the repository"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:2:10: error: \"/usr\" lies outside the repository"), "\(result.stdout)")
    }

    @Test func aStrategyFolderLinkedOutsideIsNotRead() throws {
        let repo = try repository(hook: false)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try "apiVersion: gtm/v1\nkind: Segment\nid: secret\n".write(to: outside.appendingPathComponent("secret.yaml"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("linked").path, withDestinationPath: outside.path)
        try repo.write(".gtm.yaml", "strategy: linked\n")
        let result = try repo.gtm("check", "--today", "2026-11-24")
        #expect(!result.stdout.contains("secret.yaml"), "\(result.stdout)")
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("outside the repository"), "\(result.stderr)")
    }

    @Test func explainsARuleAboutAChangeWithItsExamples() throws {
        let result = try gtm(["rules", "GTM501"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("A rule about a change"), "\(result.stdout)")
        #expect(result.stdout.contains("# before") && result.stdout.contains("# after"), "\(result.stdout)")
    }
}
