import Testing
@testable import YAMLSource

struct ScalarCase: Sendable, CustomTestStringConvertible {
    let yaml: String
    let expected: YAMLScalarValue
    var testDescription: String { yaml }
}

@Suite("YAML 1.2 core schema")
struct ScalarResolutionTests {
    static let cases: [ScalarCase] = [
        .init(yaml: "NO", expected: .string("NO")),
        .init(yaml: "yes", expected: .string("yes")),
        .init(yaml: "off", expected: .string("off")),
        .init(yaml: "on", expected: .string("on")),
        .init(yaml: "true", expected: .bool(true)),
        .init(yaml: "FALSE", expected: .bool(false)),
        .init(yaml: "~", expected: .null),
        .init(yaml: "null", expected: .null),
        .init(yaml: "", expected: .null),
        .init(yaml: "42", expected: .integer("42")),
        .init(yaml: "-0", expected: .integer("0")),
        .init(yaml: "+007", expected: .integer("7")),
        .init(yaml: "0x1F", expected: .integer("31")),
        .init(yaml: "0o17", expected: .integer("15")),
        .init(yaml: "0xFFFFFFFFFFFFFFFFFF", expected: .integer("4722366482869645213695")),
        .init(yaml: "1.5", expected: .float("1.5")),
        .init(yaml: ".5", expected: .float("0.5")),
        .init(yaml: "1e3", expected: .float("1e3")),
        .init(yaml: "-2.5E-3", expected: .float("-2.5e-3")),
        .init(yaml: "\"42\"", expected: .string("42")),
        .init(yaml: "'true'", expected: .string("true")),
        .init(yaml: "1_000", expected: .string("1_000")),
        .init(yaml: "0b101", expected: .string("0b101")),
        .init(yaml: "2026-01-05", expected: .string("2026-01-05")),
        .init(yaml: "!!str 12", expected: .string("12")),
        .init(yaml: "!!float 12", expected: .float("12")),
        .init(yaml: "!!int \"12\"", expected: .integer("12")),
        // Words: only these spellings of four or five letters are not strings.
        .init(yaml: "Null", expected: .null),
        .init(yaml: "NULL", expected: .null),
        .init(yaml: "True", expected: .bool(true)),
        .init(yaml: "False", expected: .bool(false)),
        .init(yaml: "nulls", expected: .string("nulls")),
        .init(yaml: "tRUE", expected: .string("tRUE")),
        .init(yaml: "fals", expected: .string("fals")),
        .init(yaml: "fintech", expected: .string("fintech")),
        .init(yaml: "n", expected: .string("n")),
        .init(yaml: "name", expected: .string("name")),
        .init(yaml: "~x", expected: .string("~x")),
        // Numbers: the text given back when already canonical, rewritten otherwise.
        .init(yaml: "699", expected: .integer("699")),
        .init(yaml: "007", expected: .integer("7")),
        .init(yaml: "0", expected: .integer("0")),
        .init(yaml: "-12", expected: .integer("-12")),
        .init(yaml: "12a", expected: .string("12a")),
        .init(yaml: "-.inf", expected: .nonFinite(-.infinity)),
        // Text read in place (ASCII) and through a string (anything else), alike.
        .init(yaml: "café", expected: .string("café")),
        .init(yaml: "\"naïve 42\"", expected: .string("naïve 42")),
        .init(yaml: "\"\"", expected: .string("")),
        .init(yaml: "'null'", expected: .string("null")),
        .init(yaml: "\"\\u00e9t\\xe9\"", expected: .string("été")),
    ]

    /// A float keeps only its canonical text; its binary value is read back from it exactly.
    @Test(arguments: [("1.5", 1.5), ("0.5", 0.5), ("1e3", 1000), ("-2.5e-3", -0.0025), ("12", 12), ("0.1", 0.1)])
    func aFloatsValueFollowsFromItsText(_ text: String, _ value: Double) {
        #expect(YAMLScalarValue.double(text) == value)
    }

    @Test(arguments: cases)
    func resolves(_ c: ScalarCase) throws {
        let file = YAMLLoader.load(Array("v: \(c.yaml)\n".utf8), path: "t.yaml")
        #expect(file.problems.isEmpty)
        let value = try #require(file.documents.first?.root["v"]?.scalar)
        #expect(value.value == c.expected)
    }

    @Test func infinityAndNaN() throws {
        let file = YAMLLoader.load(Array("a: .inf\nb: -.Inf\nc: .NaN\n".utf8), path: "t.yaml")
        let root = try #require(file.documents.first?.root)
        #expect(root["a"]?.scalar?.value == .nonFinite(.infinity))
        #expect(root["b"]?.scalar?.value == .nonFinite(-.infinity))
        guard case .nonFinite(let d)? = root["c"]?.scalar?.value else {
            Issue.record("expected NaN")
            return
        }
        #expect(d.isNaN)
    }

    @Test func keepsOriginalText() throws {
        let file = YAMLLoader.load(Array("v: 0x1F\n".utf8), path: "t.yaml")
        #expect(file.documents.first?.root["v"]?.scalar?.text == "0x1F")
    }
}
