import Foundation
import Testing
@testable import YAMLSource

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func loadFixture(_ name: String, limits: YAMLLimits = .default) throws -> YAMLFile {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
    return YAMLLoader.load([UInt8](data), path: name, limits: limits)
}

struct ProblemCase: Sendable, CustomTestStringConvertible {
    let file: String
    let kind: YAMLProblem.Kind
    let line: Int
    let column: Int
    var testDescription: String { file }
}

@Suite("Bad YAML is reported with positions, never crashes")
struct YAMLProblemTests {
    static let cases: [ProblemCase] = [
        .init(file: "syntax-error.yaml", kind: .syntax, line: 4, column: 1),
        .init(file: "duplicate-key.yaml", kind: .duplicateKey, line: 3, column: 1),
        .init(file: "billion-laughs.yaml", kind: .aliasBomb, line: 6, column: 8),
        .init(file: "undefined-alias.yaml", kind: .undefinedAlias, line: 1, column: 4),
        .init(file: "unknown-tag.yaml", kind: .unknownTag, line: 1, column: 4),
        .init(file: "latin1.yaml", kind: .encoding, line: 2, column: 9),
        .init(file: "binary.bin.yaml", kind: .binary, line: 2, column: 1),
    ]

    @Test(arguments: cases)
    func reportsProblem(_ c: ProblemCase) throws {
        let file = try loadFixture(c.file)
        let problem = try #require(file.problems.first)
        #expect(problem.kind == c.kind)
        #expect(problem.mark == YAMLMark(line: c.line, column: c.column), "\(problem.message)")
    }

    @Test func duplicateKeyPointsAtBothPlaces() throws {
        let file = try loadFixture("duplicate-key.yaml")
        let problem = try #require(file.problems.first)
        #expect(problem.related == YAMLMark(line: 1, column: 1))
        #expect(file.documents.first?.root["name"]?.scalar?.text == "x")
    }

    @Test(arguments: [3, 15, 16, 17, 40])
    func duplicateKeyInMappingsOfAnySize(_ size: Int) throws {
        var text = (0..<size).map { "k\($0): \($0)" }.joined(separator: "\n")
        text += "\nk1: again\n"
        let file = YAMLLoader.load(Array(text.utf8), path: "big.yaml")
        let problem = try #require(file.problems.first)
        #expect(problem.kind == .duplicateKey)
        #expect(problem.mark == YAMLMark(line: size + 1, column: 1))
        #expect(problem.related == YAMLMark(line: 2, column: 1))
        #expect(file.problems.count == 1)
    }

    @Test func syntaxErrorKeepsLibyamlWords() throws {
        let problem = try #require(try loadFixture("syntax-error.yaml").problems.first)
        #expect(problem.message.contains("flow sequence"))
    }

    @Test func billionLaughsFailsWithoutExpanding() throws {
        let clock = ContinuousClock()
        var file: YAMLFile?
        let elapsed = try clock.measure { file = try loadFixture("billion-laughs.yaml") }
        #expect(file?.problems.first?.kind == .aliasBomb)
        // Not a timing test: a bound a hundred times the real cost, to catch exponential expansion.
        #expect(elapsed < .seconds(1))
    }

    /// A long list without a single alias is too large, not an alias bomb.
    @Test func aLongListIsNotCalledAnAliasBomb() {
        let text = "items:\n" + String(repeating: "  - x\n", count: 1_000)
        let file = YAMLLoader.load(Array(text.utf8), path: "long.yaml", limits: YAMLLimits(maxNodes: 500))
        #expect(file.problems.first?.kind == .tooManyNodes, "\(file.problems)")
        #expect(file.problems.first?.message.contains("more than 500 values") == true)
    }

    @Test func acceptsBOMAndCRLF() throws {
        let file = try loadFixture("bom-crlf.yaml")
        #expect(file.problems.isEmpty)
        let root = try #require(file.documents.first?.root)
        #expect(root["kind"]?.scalar?.text == "Segment")
        #expect(root.entry("id")?.key.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func multipleDocuments() throws {
        let file = try loadFixture("multi.yaml")
        #expect(file.documents.count == 2)
        #expect(file.documents[1].root["b"]?.mark == YAMLMark(line: 3, column: 4))
    }

    @Test func fileTooLarge() {
        let file = YAMLLoader.load(Array(repeating: UInt8(ascii: "#"), count: 2048), path: "big.yaml", limits: YAMLLimits(maxFileSize: 1024))
        #expect(file.problems.first?.kind == .tooLarge)
    }

    @Test func nestingTooDeep() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let file = YAMLLoader.load(Array(text.utf8), path: "deep.yaml")
        #expect(file.problems.first?.kind == .tooDeep)
    }

    @Test func positionsOfNestedNodes() throws {
        let text = "kind: Segment\ncriteria:\n  industries:\n    - fintech\n    - \"NO\"\n"
        let root = try #require(YAMLLoader.load(Array(text.utf8), path: "p.yaml").documents.first?.root)
        let list = try #require(root["criteria"]?["industries"]?.sequence)
        #expect(list[0].mark == YAMLMark(line: 4, column: 7))
        #expect(list[1].scalar?.value == .string("NO"))
        #expect(root.entry("criteria")?.key.mark == YAMLMark(line: 2, column: 1))
    }
}
