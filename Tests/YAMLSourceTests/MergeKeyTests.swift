import Testing
@testable import YAMLSource

/// One key expected in a mapping after merging: its value's text and where the key was written.
struct MergedKey: Sendable {
    let key: String
    let value: String
    let line: Int
    let column: Int
}

struct MergeCase: Sendable, CustomTestStringConvertible {
    let file: String
    /// The top-level key of the mapping that merges.
    let mapping: String
    /// Every key of that mapping, in order.
    let keys: [MergedKey]
    var testDescription: String { file }
}

struct MergeProblemCase: Sendable, CustomTestStringConvertible {
    let file: String
    let kind: YAMLProblem.Kind
    let line: Int
    let column: Int
    var testDescription: String { file }
}

@Suite("Merge keys: << applied with the positions it merges from")
struct MergeKeyTests {
    static let mergeCases: [MergeCase] = [
        // Merged keys are spliced in where << was written, at their own positions.
        .init(file: "merge/single.yaml", mapping: "development", keys: [
            .init(key: "database", value: "dev", line: 5, column: 3),
            .init(key: "adapter", value: "postgres", line: 2, column: 3),
            .init(key: "host", value: "localhost", line: 3, column: 3),
        ]),
        // Earlier mappings of a list win over later ones.
        .init(file: "merge/list.yaml", mapping: "both", keys: [
            .init(key: "x", value: "from-a", line: 2, column: 3),
            .init(key: "y", value: "from-a", line: 3, column: 3),
            .init(key: "z", value: "from-b", line: 6, column: 3),
            .init(key: "w", value: "own", line: 9, column: 3),
        ]),
        // Keys written in the mapping win, before or after <<, and are no duplicates.
        .init(file: "merge/override.yaml", mapping: "child", keys: [
            .init(key: "name", value: "child", line: 5, column: 3),
            .init(key: "size", value: "2", line: 7, column: 3),
        ]),
        // A merged mapping that merges carries what it merged.
        .init(file: "merge/nested.yaml", mapping: "c", keys: [
            .init(key: "one", value: "1", line: 2, column: 3),
            .init(key: "two", value: "2", line: 5, column: 3),
            .init(key: "three", value: "3", line: 8, column: 3),
        ]),
        .init(file: "merge/inline.yaml", mapping: "job", keys: [
            .init(key: "shell", value: "bash", line: 2, column: 23),
            .init(key: "image", value: "alpine", line: 3, column: 3),
        ]),
        .init(file: "merge/tagged.yaml", mapping: "b", keys: [
            .init(key: "x", value: "1", line: 1, column: 8),
            .init(key: "y", value: "2", line: 4, column: 3),
        ]),
        // A quoted "<<" is a literal key.
        .init(file: "merge/quoted.yaml", mapping: "b", keys: [
            .init(key: "<<", value: "", line: 3, column: 3),
            .init(key: "y", value: "2", line: 4, column: 3),
        ]),
    ]

    @Test(arguments: mergeCases)
    func merges(_ c: MergeCase) throws {
        let file = try loadFixture(c.file)
        #expect(file.problems.isEmpty, "\(file.problems)")
        let entries = try #require(file.documents.first?.root[c.mapping]?.mapping)
        #expect(entries.map(\.keyText) == c.keys.map(\.key))
        for (entry, expected) in zip(entries, c.keys) {
            #expect(entry.key.mark == YAMLMark(line: expected.line, column: expected.column), "\(expected.key)")
            if entry.value.mapping == nil {
                #expect(entry.value.text == expected.value, "\(expected.key)")
            }
        }
    }

    /// The merged value itself keeps its position too, not the alias's.
    @Test func mergedValuesPointAtTheirText() throws {
        let root = try #require(try loadFixture("merge/single.yaml").documents.first?.root)
        #expect(root["development"]?["host"]?.mark == YAMLMark(line: 3, column: 9))
    }

    @Test func quotedMergeKeyKeepsItsValue() throws {
        let root = try #require(try loadFixture("merge/quoted.yaml").documents.first?.root)
        #expect(root["b"]?["<<"]?["x"]?.text == "1")
        #expect(root["b"]?["x"] == nil)
    }

    static let problemCases: [MergeProblemCase] = [
        .init(file: "merge/not-a-mapping.yaml", kind: .badMerge, line: 3, column: 7),
        .init(file: "merge/list-item-not-a-mapping.yaml", kind: .badMerge, line: 3, column: 12),
        .init(file: "merge/twice.yaml", kind: .duplicateKey, line: 5, column: 3),
        .init(file: "merge/bomb.yaml", kind: .aliasBomb, line: 5, column: 39),
        .init(file: "merge/bomb-merge-lists.yaml", kind: .aliasBomb, line: 5, column: 40),
    ]

    @Test(arguments: problemCases)
    func reportsProblem(_ c: MergeProblemCase) throws {
        let clock = ContinuousClock()
        var loaded: YAMLFile?
        let elapsed = try clock.measure { loaded = try loadFixture(c.file) }
        let problem = try #require(loaded?.problems.first)
        #expect(problem.kind == c.kind, "\(problem.message)")
        #expect(problem.mark == YAMLMark(line: c.line, column: c.column), "\(problem.message)")
        // Not a timing test: a bound far above the real cost, to catch an expansion.
        #expect(elapsed < .seconds(1))
    }

    /// A bad merge is reported and left out; the rest of the mapping is still read.
    @Test func badMergeKeepsTheRest() throws {
        let file = try loadFixture("merge/list-item-not-a-mapping.yaml")
        #expect(file.problems.count == 1)
        #expect(file.problems.first?.message.contains("not a list") == true, "\(file.problems)")
        #expect(file.documents.first?.root["job"]?["x"]?.text == "1")
    }

    @Test func secondMergeKeyIsADuplicateAndTheFirstApplies() throws {
        let file = try loadFixture("merge/twice.yaml")
        #expect(file.problems.first?.related == YAMLMark(line: 4, column: 3))
        let job = try #require(file.documents.first?.root["job"])
        #expect(job["x"]?.text == "1")
        #expect(job["y"] == nil)
    }

    /// Large mappings find duplicates through a table; merged keys stay out of it.
    @Test(arguments: [3, 15, 16, 40])
    func mergeIntoMappingsOfAnySize(_ size: Int) throws {
        var text = "base: &base {k1: merged, extra: merged}\nm:\n"
        text += (0..<size).map { "  k\($0): \($0)" }.joined(separator: "\n")
        text += "\n  <<: *base\n"
        let file = YAMLLoader.load(Array(text.utf8), path: "big.yaml")
        #expect(file.problems.isEmpty, "\(file.problems)")
        let m = try #require(file.documents.first?.root["m"])
        #expect(m.mapping?.count == size + 1)
        #expect(m["k1"]?.text == "1")
        #expect(m["extra"]?.mark == YAMLMark(line: 1, column: 33))
    }
}
