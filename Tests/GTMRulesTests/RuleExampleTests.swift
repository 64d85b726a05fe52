import GTMCore
import GTMRules
import Testing

/// One argument per rule example, named so a failure says which rule and which example.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    let rule: any Rule.Type
    let example: RuleExample
    let shouldFail: Bool
    let number: Int

    var testDescription: String {
        "\(rule.description.id) \(shouldFail ? "failing" : "passing") #\(number)"
    }

    var sourceLocation: Testing.SourceLocation {
        Testing.SourceLocation(fileID: "GTMRules/\(example.file.split(separator: "/").last ?? "")", filePath: example.file, line: example.line, column: 1)
    }

    static var all: [ExampleCase] {
        RuleCatalog.all.flatMap { rule in
            rule.description.passing.enumerated().map { ExampleCase(rule: rule, example: $1, shouldFail: false, number: $0 + 1) }
                + rule.description.failing.enumerated().map { ExampleCase(rule: rule, example: $1, shouldFail: true, number: $0 + 1) }
        }
    }
}

@Suite("Every rule's examples")
struct RuleExampleTests {
    @Test(arguments: ExampleCase.all)
    func example(_ c: ExampleCase) throws {
        let findings = try ExampleRunner.run(c.rule, c.example)
        let marked = c.example.unmarked
        if !c.shouldFail {
            #expect(findings.isEmpty, "expected no finding, got \(findings.map { "\($0.location): \($0.message)" })", sourceLocation: c.sourceLocation)
            return
        }
        #expect(!marked.primary.isEmpty, "a failing example marks where its findings belong with ↓", sourceLocation: c.sourceLocation)
        let primary = findings.map { [$0.location.line, $0.location.column] }.sorted { $0.lexicographicallyPrecedes($1) }
        let expected = marked.primary.map { [$0.0, $0.1] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(primary == expected, "findings at \(primary), marked at \(expected): \(findings.map(\.message))", sourceLocation: c.sourceLocation)
        let related = findings.flatMap(\.related).map { [$0.location.line, $0.location.column] }.sorted { $0.lexicographicallyPrecedes($1) }
        let expectedRelated = marked.related.map { [$0.0, $0.1] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(related == expectedRelated, "related at \(related), marked at \(expectedRelated)", sourceLocation: c.sourceLocation)
        for finding in findings {
            #expect(finding.rule == c.rule.description.id)
            #expect(finding.severity == c.rule.description.severity)
        }
    }

    @Test(arguments: RuleCatalog.all.map { RuleBox($0) })
    func describesItself(_ box: RuleBox) {
        let d = box.rule.description
        #expect(!d.passing.isEmpty, "\(d.id) needs an example that passes")
        #expect(!d.failing.isEmpty, "\(d.id) needs an example that fails")
        #expect(d.id.wholeMatch(of: /GTM[0-9]{3}/) != nil, "\(d.id) is not a GTMnnn id")
        #expect(d.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(d.name) is not kebab-case")
        #expect(!d.summary.isEmpty && !d.rationale.isEmpty && !d.seeds.isEmpty)
        #expect(d.rationale.lowercased().contains("seed"), "\(d.id)'s rationale cites no seed")
    }

    @Test func idsAndNamesAreUnique() {
        let ids = RuleCatalog.all.map { $0.description.id }
        let names = RuleCatalog.all.map { $0.description.name }
        #expect(Set(ids).count == ids.count)
        #expect(Set(names).count == names.count)
    }
}

struct RuleBox: Sendable, CustomTestStringConvertible {
    let rule: any Rule.Type
    init(_ rule: any Rule.Type) { self.rule = rule }
    var testDescription: String { rule.description.id }
}
