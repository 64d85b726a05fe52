import GTMCore
import GTMModel
import Testing
import YAMLSource
@testable import GTMHistory

struct DiffExampleCase: Sendable, CustomTestStringConvertible {
    let rule: any DiffRule.Type
    let example: DiffExample
    let shouldFail: Bool
    var testDescription: String { "\(rule.description.id) \(shouldFail ? "failing" : "passing")" }

    static var all: [DiffExampleCase] {
        DiffRuleCatalog.all.flatMap { rule in
            rule.description.passing.map { DiffExampleCase(rule: rule, example: $0, shouldFail: false) }
                + rule.description.failing.map { DiffExampleCase(rule: rule, example: $0, shouldFail: true) }
        }
    }
}

@Suite("Every diff rule's examples")
struct DiffRuleExampleTests {
    @Test(arguments: DiffExampleCase.all)
    func example(_ c: DiffExampleCase) {
        let before = workspace(["example.yaml": c.example.before])
        let (text, marks) = c.example.unmarkedAfter
        let after = workspace(["example.yaml": text])
        let changes = SemanticDiff.changes(from: before, to: after)
        let findings = c.rule.init().check(DiffContext(before: before, after: after, changes: changes, description: c.rule.description))
        let location = Testing.SourceLocation(fileID: "GTMHistory/x.swift", filePath: c.example.file, line: c.example.line, column: 1)
        if c.shouldFail {
            let got = findings.map { [$0.location.line, $0.location.column] }.sorted { $0.lexicographicallyPrecedes($1) }
            let want = marks.map { [$0.0, $0.1] }.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(!want.isEmpty, sourceLocation: location)
            #expect(got == want, "\(findings.map(\.message))", sourceLocation: location)
        } else {
            #expect(findings.isEmpty, "\(findings.map(\.message))", sourceLocation: location)
        }
    }

    @Test func everyDiffRuleHasBothKindsOfExample() {
        for rule in DiffRuleCatalog.all {
            #expect(!rule.description.passing.isEmpty && !rule.description.failing.isEmpty, "\(rule.description.id)")
        }
    }
}
