import Foundation
import Testing

/// `.gtm.yaml`: rules turned off or changed, thresholds, waivers, and errors at positions.
@Suite("Settings in .gtm.yaml")
struct SettingsTests {
    func repository(settings: String) throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("reportsTo: ceo", with: "reportsTo: vp-sales"))
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.write(".gtm.yaml", settings)
        return repo
    }

    @Test func waiversTurnFindingsIntoNotesAndReportStaleWaivers() throws {
        let repo = try repository(settings: """
            waivers:
              - rule: GTM305
                document: acme
                reason: RevOps moves to the CFO in January
                expires: 2027-03-31
              - rule: revops-reporting
                document: other-strategy
                reason: nothing matches this one
                expires: 2027-03-31
              - rule: GTM102
                path: strategy/segment.yaml
                reason: an old exception
                expires: 2026-01-01

            """)
        let result = try repo.gtm("check", "--today", "2026-11-24")
        #expect(result.stdout.contains("note: waived until 2027-03-31 (RevOps moves to the CFO in January): RevOps reports to the VP of sales"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:6:5: warning: the waiver of GTM305 for other-strategy matches no finding"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:10:5: error: the waiver of GTM102 for strategy/segment.yaml expired on 2026-01-01"), "\(result.stdout)")
        #expect(result.status == 1)
    }

    @Test func unknownRulesAndSettingsAreErrorsAtTheirPosition() throws {
        let repo = try repository(settings: """
            strategy: strategy
            rules:
              GTM999: {enabled: false}
              GTM102: {max-acounts: 500}
              GTM305: {severity: fatal}
            colour: true

            """)
        let result = try repo.gtm("check", "--today", "2026-11-24")
        #expect(result.status == 1)
        #expect(result.stdout.contains(".gtm.yaml:3:3: error: unknown rule \"GTM999\""), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:4:12: error: unknown setting \"max-acounts\" for GTM102; did you mean \"max-accounts\"?"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:5:22: error: severity is one of error, warning, note"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:6:1: error: unknown setting \"colour\""), "\(result.stdout)")
    }

    /// No setting value can crash the tool: numbers have ranges, limits have ceilings.
    @Test func hostileNumbersAreRefusedAtTheirPosition() throws {
        let repo = try repository(settings: """
            limits: {max-depth: 1000000, max-nodes: 1e300}
            rules:
              GTM401: {quarterly-days: -1e300}
              GTM102: {max-accounts: 1e400}
              GTM307: {stages: [product-market-fit, gtm_fit]}

            """)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        try repo.write("strategy/deep.yaml", deep)
        let result = try repo.gtm("check", "--today", "2026-11-24")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(".gtm.yaml:1:21: error: limits.max-depth is at most 512; got 1000000"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:1:41: error: expected a positive integer"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:3:28: error: GTM401 quarterly-days is a number from 1 to 1000000000000"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:4:26: error: GTM102 max-accounts is a number from 0 to 1000000000000; got a number beyond any range"), "\(result.stdout)")
        #expect(result.stdout.contains(".gtm.yaml:5:41: error: GTM307 stages: \"gtm_fit\" is not one of problem-solution-fit, product-market-fit, gtm-fit, scale; did you mean \"gtm-fit\"?"), "\(result.stdout)")
        #expect(result.stdout.contains("strategy/deep.yaml"), "the deep file is still judged, at the default depth: \(result.stdout)")
    }

    @Test func rulesCanBeTurnedOffRetunedAndReSeverityd() throws {
        let off = try repository(settings: "rules:\n  revops-reporting: false\n")
        #expect(!(try off.gtm("check", "--today", "2026-11-24").stdout.contains("GTM305")))
        let note = try repository(settings: "rules:\n  GTM305: {severity: note}\n")
        #expect(try note.gtm("check", "--today", "2026-11-24").stdout.contains("note: RevOps reports to the VP of sales"))
        let tight = try repository(settings: "rules:\n  GTM102: {max-accounts: 500}\n")
        #expect(try tight.gtm("check", "--today", "2026-11-24").stdout.contains("[GTM102]"))
    }

    @Test func strictFailsOnWarnings() throws {
        let repo = try repository(settings: "rules:\n  GTM305: {severity: warning}\n")
        #expect(try repo.gtm("check", "--today", "2026-11-24").status == 0)
        #expect(try repo.gtm("check", "--today", "2026-11-24", "--strict").status == 1)
    }

    @Test func unreadableSettingsExitTwo() throws {
        let repo = try repository(settings: "rules: [unclosed\n")
        let result = try repo.gtm("check")
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read settings"))
    }
}
