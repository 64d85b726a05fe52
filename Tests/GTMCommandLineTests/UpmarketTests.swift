import Foundation
import Testing

/// Seed 003's seductive wrong move, caught in every form a real change makes it, on a
/// repository: one finding per change, before GTM fit only.
@Suite("The move upmarket before fit, in every form")
struct UpmarketTests {
    static func strategy(stage: String = "product-market-fit", motion: String = "product-led", beachhead: String = "mid-market-ops",
                         quoteOnly: String = "false", buyers: String = "{buyingProcess: team-purchase, committeeSize: 2, salesCycleDays: 21}",
                         exclusions: String = "[{id: agencies, reason: They resell rather than use.}, {id: enterprises, reason: Companies over 1000 employees buy through procurement.}]") -> String {
        """
        apiVersion: gtm/v1
        kind: Strategy
        id: acme
        owner: {role: ceo, name: Dana Reyes}
        stage: \(stage)
        beachhead: \(beachhead)
        motion: {primary: \(motion)}
        pricing: {quoteOnly: \(quoteOnly), acv: {amount: 6000, currency: USD}}
        buyers: \(buyers)
        exclusions: \(exclusions)

        """
    }

    static func segment(id: String = "mid-market-ops", employees: String = "{min: 50, max: 500}") -> String {
        """
        apiVersion: gtm/v1
        kind: Segment
        id: \(id)
        firmographic: {industries: [logistics], employees: \(employees), regions: [US]}
        accounts: {estimated: 800}

        """
    }

    struct Form: Sendable, CustomTestStringConvertible {
        var name: String
        var strategy: String
        var segments: [String: String] = [:]
        var moves: Int = 1
        var testDescription: String { name }
    }

    static let forms: [Form] = [
        Form(name: "motion to enterprise", strategy: strategy(motion: "enterprise")),
        Form(name: "beachhead swapped for larger companies", strategy: strategy(beachhead: "enterprise-ops"),
             segments: ["strategy/enterprise.yaml": segment(id: "enterprise-ops", employees: "{min: 2000}")]),
        Form(name: "beachhead edited toward larger companies", strategy: strategy(),
             segments: ["strategy/segment.yaml": segment(employees: "{min: 500, max: 5000}")]),
        Form(name: "quote-only tier", strategy: strategy(quoteOnly: "true")),
        Form(name: "exclusion of large companies dropped", strategy: strategy(exclusions: "[{id: agencies, reason: They resell rather than use.}]")),
        Form(name: "enterprise buying", strategy: strategy(buyers: "{buyingProcess: procurement-led, committeeSize: 6, salesCycleDays: 150}"), moves: 3),
        Form(name: "all at once", strategy: strategy(motion: "enterprise", quoteOnly: "true", buyers: "{buyingProcess: procurement-led, committeeSize: 2, salesCycleDays: 21}"),
             segments: ["strategy/segment.yaml": segment(employees: "{min: 500, max: 5000}")], moves: 4),
    ]

    func review(_ form: Form, stage: String) throws -> [[String: Any]] {
        let repo = try GitFixture()
        let base = Self.strategy(stage: stage)
        try repo.write("strategy/strategy.yaml", base)
        try repo.write("strategy/segment.yaml", Self.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "base")
        let text = form.strategy.replacing("stage: product-market-fit", with: "stage: \(stage)")
        try repo.write("strategy/strategy.yaml", text)
        for (path, segment) in form.segments { try repo.write(path, segment) }
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", form.name)
        let result = try repo.gtm("review", "--base", "HEAD~1", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
        return ((object["diff_findings"] as? [[String: Any]]) ?? []).filter { $0["rule"] as? String == "GTM501" }
    }

    @Test(arguments: forms)
    func oneFindingBeforeFit(_ form: Form) throws {
        let findings = try review(form, stage: "product-market-fit")
        #expect(findings.count == 1, "\(form.name): \(findings)")
        let related = (findings.first?["related"] as? [[String: Any]]) ?? []
        // Each further move is a related position, and so is the stage.
        #expect(related.count == form.moves, "\(form.name): \(related)")
    }

    @Test(arguments: forms)
    func noFindingAtGTMFit(_ form: Form) throws {
        #expect(try review(form, stage: "gtm-fit").isEmpty, "\(form.name)")
    }
}
