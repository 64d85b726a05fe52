import Foundation
import Testing

@Suite("gtm validate from the command line")
struct ValidateCommandTests {
    static let schema = """
        {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "type": "object",
         "properties": {"id": {"type": "string"}, "accounts": {"type": "object", "properties": {"estimated": {"type": "integer"}}}},
         "additionalProperties": true}
        """

    @Test func reportsEachProblemAtItsPosition() throws {
        let dir = Paths.fixtures.appendingPathComponent("broken")
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-validate-\(UUID().uuidString).json")
        try Self.schema.write(to: schemaFile, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let result = try gtm(["validate", "--schema", schemaFile.path, "type-error.yaml", "duplicate-key.yaml", "syntax-error.yaml", "billion-laughs.yaml"], in: dir)
        #expect(result.status == 1)
        for expected in [
            "type-error.yaml:6:14: error: expected an integer, got the string \"many\" [schema]",
            "duplicate-key.yaml:5:1: error: duplicate key \"name\"",
            "syntax-error.yaml:6:10: error: did not find expected ',' or ']'",
            "billion-laughs.yaml:6:8: error: the document expands to more than 100000 nodes",
        ] {
            #expect(result.stdout.contains(expected), "missing: \(expected)\n\(result.stdout)")
        }
    }

    /// Merge keys are applied before validation: a required key present only through `<<`
    /// passes, and a bad merged value is reported where it was written, inside the anchor.
    @Test func mergeKeysFromTheCommandLine() throws {
        let dir = Paths.fixtures.appendingPathComponent("merge")
        let valid = try gtm(["validate", "--schema", "job.schema.json", "merged.yaml"], in: dir)
        #expect(valid.status == 0, "\(valid.stdout)")
        let result = try gtm(["validate", "--schema", "job.schema.json", "merged-bad-value.yaml", "literal.yaml", "not-a-mapping.yaml"], in: dir)
        #expect(result.status == 1)
        for expected in [
            "merged-bad-value.yaml:3:12: error: expected an integer, got the string \"many\" [schema]",
            "literal.yaml:5:3: error: missing required property \"image\" [schema]",
            "not-a-mapping.yaml:3:7: error: the merge key `<<` takes a mapping or a list of mappings",
        ] {
            #expect(result.stdout.contains(expected), "missing: \(expected)\n\(result.stdout)")
        }
    }

    @Test func readsStandardInput() throws {
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-validate-\(UUID().uuidString).json")
        try Self.schema.write(to: schemaFile, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let result = try gtm(["validate", "--schema", schemaFile.path, "-"], stdin: Data("id: 12\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("-:1:5: error: expected a string, got the integer 12"), "\(result.stdout)")
    }

    @Test func malformedSchemaIsRejectedAtTheKeyword() throws {
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-bad-\(UUID().uuidString).json")
        try "{\n  \"type\": \"object\",\n  \"minimum\": \"a\"\n}\n".write(to: schemaFile, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let result = try gtm(["validate", "--schema", schemaFile.path, "-"], stdin: Data("{}".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains(":3:3: error: invalid schema: minimum: expected a number"), "\(result.stdout)")
    }
}

/// The official suite through the command line: one process per group, its tests as files,
/// answers read from `files[].valid` in the JSON output. All of 2020-12, and of the other
/// drafts the files where reading by the wrong draft shows (references, identifiers, `items`,
/// bounds); schemas without `$schema` are read by `--default-draft`, the draft of their
/// folder. Every case of every draft also runs in process (`OfficialSuiteTests`).
@Suite("JSON Schema Test Suite through gtm validate")
struct SuiteThroughCommandLineTests {
    static let suite = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/json-schema-test-suite")
    static let meta = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/json-schema-metaschemas")
    static var available: Bool { FileManager.default.fileExists(atPath: suite.appendingPathComponent("tests/draft2020-12").path) }
    /// Each draft's folder in the suite, and its name for `--default-draft`.
    static let drafts = [("draft2020-12", "2020-12"), ("draft2019-09", "2019-09"), ("draft7", "7"), ("draft6", "6"), ("draft4", "4")]
    /// Where each draft's meta-schemas are, for the suite's references to them.
    static let metaSchemaMaps = [
        "https://json-schema.org/draft/2020-12/=draft2020-12", "https://json-schema.org/draft/2019-09/=draft2019-09",
        "http://json-schema.org/draft-07/=draft-07", "http://json-schema.org/draft-06/=draft-06", "http://json-schema.org/draft-04/=draft-04",
    ]

    static let draftSensitive: Set = [
        "ref.json", "refRemote.json", "id.json", "definitions.json", "items.json", "additionalItems.json",
        "exclusiveMaximum.json", "exclusiveMinimum.json", "maximum.json", "recursiveRef.json", "dependencies.json",
    ]

    static var files: [String] {
        guard available else { return [] }
        return drafts.flatMap { folder, _ in
            let dir = suite.appendingPathComponent("tests/" + folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix(".json") && (folder == "draft2020-12" || draftSensitive.contains($0)) }.sorted().map { folder + "/" + $0 }
        }
    }

    @Test(.enabled(if: available, "JSON-Schema-Test-Suite not found at ../shared/json-schema-test-suite; skipped"), arguments: files)
    func file(_ name: String) throws {
        let folder = String(name.prefix { $0 != "/" })
        let draft = try #require(Self.drafts.first { $0.0 == folder }?.1)
        let data = try Data(contentsOf: Self.suite.appendingPathComponent("tests").appendingPathComponent(name))
        let groups = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var maps = ["--schema-map", "http://localhost:1234/=" + Self.suite.appendingPathComponent("remotes").path]
        for map in Self.metaSchemaMaps {
            let (prefix, dir) = (map.prefix { $0 != "=" }, map.drop { $0 != "=" }.dropFirst())
            maps += ["--schema-map", prefix + "=" + Self.meta.appendingPathComponent(String(dir)).path]
        }
        for (g, group) in groups.enumerated() {
            let schemaFile = work.appendingPathComponent("schema-\(g).json")
            try JSONSerialization.data(withJSONObject: group["schema"]!, options: [.fragmentsAllowed]).write(to: schemaFile)
            let tests = group["tests"] as? [[String: Any]] ?? []
            var arguments = ["validate", "--format", "json", "--schema", schemaFile.path, "--default-draft", draft] + maps
            for (t, test) in tests.enumerated() {
                let file = work.appendingPathComponent("g\(g)-t\(t).json")
                try JSONSerialization.data(withJSONObject: test["data"]!, options: [.fragmentsAllowed]).write(to: file)
                arguments.append(file.lastPathComponent)
            }
            let result = try gtm(arguments, in: work)
            let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
            let valid = Dictionary(uniqueKeysWithValues: ((output["files"] as? [[String: Any]]) ?? []).map { ($0["path"] as! String, $0["valid"] as! Bool) })
            for (t, test) in tests.enumerated() {
                let expected = test["valid"] as? Bool ?? false
                #expect(valid["g\(g)-t\(t).json"] == expected, "\(name) / \(group["description"] ?? "") / \(test["description"] ?? "")")
            }
            #expect(result.status == (tests.allSatisfy { $0["valid"] as? Bool == true } ? 0 : 1))
        }
    }
}

@Suite("YAML as people write it")
struct YAMLAsWrittenTests {
    /// A number beyond a double's range is the same number in YAML as in JSON.
    @Test func hugeNumbersGetTheSameVerdictInYAMLAndJSON() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-huge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"properties": {"x": {"type": "number", "maximum": 10}}}"#.write(to: dir.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        try "x: 1e400\n".write(to: dir.appendingPathComponent("a.yaml"), atomically: false, encoding: .utf8)
        try #"{"x": 1e400}"#.write(to: dir.appendingPathComponent("b.json"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "s.json", "a.yaml", "b.json"], in: dir)
        #expect(result.stdout.contains("a.yaml:1:4: error: expected at most 10, got 1e400"), "\(result.stdout)")
        #expect(result.stdout.contains("b.json:1:2: error: expected at most 10, got 1e400"), "\(result.stdout)")
    }

    /// A day no calendar has is said to be one, not taken for a missing date.
    @Test func anImpossibleReviewDateIsNamed() throws {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("reviewed: 2026-10-01", with: "reviewed: 2026-02-30"))
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        let result = try repo.gtm("check", "--today", "2026-11-24")
        #expect(result.stdout.contains("the review date 2026-02-30 is not a day on the calendar"), "\(result.stdout)")
        #expect(!result.stdout.contains("has no review date"), "\(result.stdout)")
    }
}

@Suite("Meta-schemas that describe themselves")
struct SelfDescribingMetaSchemaTests {
    /// The 2019-09 meta-schema names itself in `$schema`: loaded once, never without end.
    @Test func aMetaSchemaFromTheSchemaMapIsLoadedOnce() throws {
        let metas = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/json-schema-metaschemas/draft2019-09")
        guard FileManager.default.fileExists(atPath: metas.path) else {
            print("skipped: ../shared/json-schema-metaschemas is not here")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"$schema": "https://json-schema.org/draft/2019-09/schema", "$ref": "https://json-schema.org/draft/2019-09/schema"}"#.write(to: dir.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        try "type: 12\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "s.json", "--schema-map", "https://json-schema.org/draft/2019-09/=\(metas.path)", "d.yaml"], in: dir)
        #expect(result.status == 1, "a crash ends with a signal: \(result.status) \(result.stderr)")
        #expect(result.stdout.contains("d.yaml:1:7"), "\(result.stdout)\(result.stderr)")
    }

    /// A custom meta-schema that names itself is read once, by its own `$vocabulary`.
    @Test func aCustomMetaSchemaThatNamesItself() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("meta"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"""
        {"$schema": "https://example.com/meta/strict", "$id": "https://example.com/meta/strict",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                         "https://json-schema.org/draft/2020-12/vocab/applicator": true,
                         "https://json-schema.org/draft/2020-12/vocab/validation": true}}
        """#.write(to: dir.appendingPathComponent("meta/strict.json"), atomically: false, encoding: .utf8)
        try #"{"$schema": "https://example.com/meta/strict", "type": "object"}"#.write(to: dir.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        try "- 1\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "s.json", "--schema-map", "https://example.com/meta/=\(dir.appendingPathComponent("meta").path)", "d.yaml"], in: dir)
        #expect(result.status == 1, "\(result.status) \(result.stderr)")
        #expect(result.stdout.contains("expected an object"), "\(result.stdout)\(result.stderr)")
    }
}

@Suite("Minified JSON")
struct MinifiedJSONTests {
    /// Columns on one long line are counted on from the last one, and stay right.
    @Test func positionsOnOneLongLineAreRight() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-minified-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A 100,000-value enum, minified: compiled and used in well under a second.
        let values = (0..<100_000).map { "\"v\($0)\"" }.joined(separator: ",")
        try "{\"properties\":{\"x\":{\"enum\":[\(values)]}}}".write(to: dir.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        try #"{"a":"é","b":"ü","x":"nope"}"#.write(to: dir.appendingPathComponent("d.json"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "s.json", "d.json"], in: dir)
        // The member x starts at the 18th character (é and ü count one character each).
        #expect(result.stdout.contains("d.json:1:18: error:"), "\(result.stdout)")
    }
}

@Suite("Bounded evaluation")
struct EvaluationBudgetTests {
    /// Recursive anyOf on a 25-deep document is exponential: it stops with a clear finding.
    @Test func branchingWithoutEndStopsWithAFinding() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let branch = ##"{"type": "object", "properties": {"a": {"$ref": "#/$defs/n"}}}"##
        let schema = ##"{"$defs": {"n": {"anyOf": [BRANCH, {"allOf": [BRANCH], "required": ["a"]}, {"allOf": [BRANCH], "minProperties": 1}]}}, "$ref": "#/$defs/n"}"##
            .replacing("BRANCH", with: branch)
        try schema.write(to: dir.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        var document = "\"end\""
        for _ in 0..<25 { document = "{\"a\": \(document)}" }
        try document.write(to: dir.appendingPathComponent("d.json"), atomically: false, encoding: .utf8)
        let result = try gtm(["validate", "--schema", "s.json", "d.json"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("steps through the schema (its anyOf or oneOf branch without end); gtm stopped here"), "\(result.stdout)")
    }
}
