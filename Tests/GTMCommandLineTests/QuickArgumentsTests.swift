@testable import GTMCommandLine
import Testing

/// The quick reading of `gtm check` and `gtm validate` arguments means exactly what the
/// argument parser reads from them, and leaves every other form to the parser.
@Suite("Quick reading of check, validate and log arguments")
struct QuickArgumentsTests {
    static func summary(_ c: LogCommand) -> String {
        [
            "target=\(c.target ?? "-")", "field=\(c.field ?? "-")", "kind=\(c.kind ?? "-")", "since=\(c.since ?? "-")",
            "maxCount=\(c.maxCount.map(String.init) ?? "-")", "rev=\(c.rev)", "allParents=\(c.allParents)",
            "format=\(c.format)", "noCache=\(c.noCache)",
        ].joined(separator: " ")
    }

    @Test("read quickly, as the parser reads them", arguments: [
        ["log"],
        ["check"],
        ["check", "--staged", "--hook"],
        ["check", "--hook", "--staged"],
        ["check", "strategy/"],
        ["check", "strategy/plans/sales.yaml", "strategy/icp.yaml"],
        ["check", "-"],
        ["check", "--rev", "HEAD~1"],
        ["check", "--rev=main", "--format", "json"],
        ["check", "--new-from-rev", "main", "--strict"],
        ["check", "--new-from-rev=origin/main", "--format=sarif", "--color", "never"],
        ["check", "--today", "2026-01-31", "--color=always", "strategy/"],
        ["check", "--schema-map", "https://example.com/=schemas", "--schema-map=https://b.example/=b", "--format-assert"],
        ["check", "--default-draft", "7", "a.yaml", "--staged"],
        ["check", "--default-draft=2019-09", "--today=2025-12-01"],
        ["check", "--format", "github", "--strict", "--staged", "--hook", "--format-assert", "strategy"],
        ["validate", "--schema", "s.json", "a.yaml"],
        ["validate", "a.yaml", "b.json", "--schema=s.yaml", "--strict"],
        ["validate", "--schema", "s.json", "-", "--format", "sarif", "--color=never"],
        ["validate", "--default-draft", "4", "--format-assert", "--schema-map", "https://x/=y", "--schema", "s.json", "dir/"],
    ])
    func quickReadingAgrees(_ arguments: [String]) throws {
        let quick = try #require(QuickArguments.parse(arguments), "\(arguments) should be read quickly")
        let parsed = try GTM.parseAsRoot(arguments)
        switch (quick, parsed) {
        case (.check(let q), let p as CheckCommand): #expect(q == CheckRun(p))
        case (.validate(let q), let p as ValidateCommand): #expect(q == ValidateRun(p))
        case (.log(let q), let p as LogCommand): #expect(Self.summary(q) == Self.summary(p))
        default: Issue.record("read as \(quick), parsed as \(type(of: parsed))")
        }
    }

    @Test("left to the parser", arguments: [
        ["log", "--no-cache"],
        ["log", "platform-teams"],
        ["log", "--help"],
        ["check", "--help"],
        ["check", "-h"],
        ["check", "--version"],
        ["check", "--stagedd"],
        ["check", "--staged", "--staged"],
        ["check", "--staged=yes"],
        ["check", "--format", "yaml"],
        ["check", "--format"],
        ["check", "--rev", "--staged"],
        ["check", "--rev", "a", "--rev", "b"],
        ["check", "--color", "sometimes"],
        ["check", "--", "--staged"],
        ["check", "help"],
        ["check", "-x"],
        ["check", "--today="],
        ["check", "--rev", ""],
        ["help", "check"],
        ["validate", "a.yaml"],
        ["validate", "--schema", "s.json"],
        ["validate", "--schema", "a.json", "--schema", "b.json", "x.yaml"],
        ["validate", "--staged", "--schema", "s.json", "x.yaml"],
        ["validate", "--help"],
    ])
    func otherFormsGoToTheParser(_ arguments: [String]) {
        #expect(QuickArguments.parse(arguments) == nil)
    }
}
