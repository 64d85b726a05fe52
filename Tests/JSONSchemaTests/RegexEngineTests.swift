import Testing
@testable import JSONSchema

/// The ECMA-262 patterns of `pattern` and `patternProperties`, run by PCRE2: ECMA-262's
/// meaning, syntax it does not have refused, and an answer in bounded time for every text.
@Suite("ECMA-262 patterns on PCRE2")
struct RegexEngineTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var pattern: String
        var text: String
        var matches: Bool
        var testDescription: String { "/\(pattern)/ on \(text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "U+" + String($0.value, radix: 16, uppercase: true) }.joined())" }
    }

    static let examples: [Example] = [
        // A range ending at a character Swift's Regex refused (SchemaStore's buildkite schema).
        Example(pattern: #"^[\u2000-\u200a]$"#, text: "\u{2005}", matches: true),
        Example(pattern: #"^[\u2000-\u200a]$"#, text: "\u{200B}", matches: false),
        // \d, \w and \b are ASCII.
        Example(pattern: #"^\d$"#, text: "7", matches: true),
        Example(pattern: #"^\d$"#, text: "\u{0663}", matches: false),
        Example(pattern: #"^\D$"#, text: "\u{0663}", matches: true),
        Example(pattern: #"^\w$"#, text: "_", matches: true),
        Example(pattern: #"^\w$"#, text: "é", matches: false),
        Example(pattern: #"^[\w]$"#, text: "é", matches: false),
        Example(pattern: #"\bcole"#, text: "école", matches: true),
        // \s is ECMA-262's white space and line terminators, the byte-order mark included.
        Example(pattern: #"^\s$"#, text: "\u{FEFF}", matches: true),
        Example(pattern: #"^\s$"#, text: "\u{00A0}", matches: true),
        Example(pattern: #"^\s$"#, text: "\u{2029}", matches: true),
        Example(pattern: #"^\s$"#, text: "\u{0085}", matches: false),
        Example(pattern: #"^\S$"#, text: "\u{FEFF}", matches: false),
        Example(pattern: #"^[\S]$"#, text: "\u{00A0}", matches: false),
        Example(pattern: #"^[^\s]$"#, text: "x", matches: true),
        Example(pattern: #"^[\s\d]+$"#, text: "1\u{3000}2", matches: true),
        // Unicode properties, by ECMA-262's names.
        Example(pattern: #"^\p{Letter}+$"#, text: "école", matches: true),
        Example(pattern: #"^\p{L}$"#, text: "1", matches: false),
        Example(pattern: #"^\P{Letter}$"#, text: "1", matches: true),
        Example(pattern: #"^\p{digit}+$"#, text: "\u{09EA}\u{09E8}", matches: true),
        Example(pattern: #"^\p{Script=Greek}$"#, text: "α", matches: true),
        Example(pattern: #"^\p{gc=Lu}$"#, text: "a", matches: false),
        Example(pattern: #"^[\p{Assigned}]$"#, text: "a", matches: true),
        // Lookbehind, positive and negative.
        Example(pattern: #"(?<=\$)\d+"#, text: "cost: $42", matches: true),
        Example(pattern: #"(?<!\$)\b\d+"#, text: "$42", matches: false),
        Example(pattern: #"(?<=a|bc)d"#, text: "bcd", matches: true),
        // ECMA-262's ., $, [^] and [].
        Example(pattern: #"^.$"#, text: "😀", matches: true),
        Example(pattern: #"^.$"#, text: "\n", matches: false),
        Example(pattern: #"^.$"#, text: "\u{2028}", matches: false),
        Example(pattern: #"^abc$"#, text: "abc\n", matches: false),
        Example(pattern: #"^[^]$"#, text: "\n", matches: true),
        Example(pattern: #"[]"#, text: "a", matches: false),
        // Escapes PCRE2 spells otherwise.
        Example(pattern: #"^\uD83D\uDE00$"#, text: "😀", matches: true),
        Example(pattern: #"^\u{1F600}$"#, text: "😀", matches: true),
        Example(pattern: #"^\v$"#, text: "\u{0B}", matches: true),
        Example(pattern: #"^[\b]$"#, text: "\u{08}", matches: true),
        Example(pattern: #"^\cJ$"#, text: "\n", matches: true),
        Example(pattern: #"^\0$"#, text: "\u{0}", matches: true),
        Example(pattern: #"^[[:a]+$"#, text: "a:[", matches: true),
        Example(pattern: #"^[a\-z]+$"#, text: "-", matches: true),
        Example(pattern: #"^[a\-z]+$"#, text: "b", matches: false),
        Example(pattern: #"^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10$"#, text: "abcdefghijj", matches: true),
        Example(pattern: #"^(?<year>\d{4})-\k<year>$"#, text: "2024-2024", matches: true),
        Example(pattern: #"^\1(a)$"#, text: "a", matches: true),
        Example(pattern: #"^a{2,3}?$"#, text: "aaa", matches: true),
    ]

    @Test(arguments: examples)
    func matchesAsECMA262Does(_ example: Example) throws {
        let regex = try ECMARegex(example.pattern)
        #expect(regex.evaluate(example.text) == (example.matches ? .match : .noMatch))
    }

    /// PCRE2 syntax, and other syntax ECMA-262 with the `u` flag does not have.
    @Test(arguments: [
        "a++", "a*+", "a?+", "a{2}+", "a**", "(?>a)", #"\A"#, #"\Z"#, #"\z"#, #"\Qa\E"#, "(?i)a", "(?ims)a",
        #"\h"#, #"\R"#, #"\K"#, #"\G"#, #"\X"#, #"\e"#, #"\a"#, "(?R)", "(?1)", "(?(1)a|b)", "(*UCP)a", "(?P<n>a)",
        "(?#c)a", "(?|a)", "a{,5}", "a{2", "x}", "]", "^*", "(?=a)*", "(?<=a)+", #"\b+"#, #"\pL"#, #"\p{Lettre}"#,
        #"\p{letter}"#, #"[\d-z]"#, #"[a-\w]"#, "[z-a]", #"\01"#, #"[\1]"#, #"\k"#, #"\x4"#, #"\u12"#, #"\c1"#,
        "(a", "a)", "[a", #"a\"#, "(?<1a>x)", #"a\-b"#,
    ])
    func refusesSyntaxECMA262DoesNotHave(_ pattern: String) {
        #expect(throws: ECMARegex.InvalidPattern.self) { try ECMARegex(pattern) }
        #expect(!ECMARegex.isValid(pattern))
    }

    /// A lookbehind of variable width is ECMA-262 (ES2018) that PCRE2 10.42 cannot run: a valid
    /// `format: regex`, an unusable `pattern`.
    @Test func variableWidthLookbehindIsValidButUnusable() throws {
        #expect(ECMARegex.isValid("(?<=a+)b"))
        var compiler = SchemaCompiler()
        let document = try JSONParser.parse(#"{"pattern": "(?<=a+)b"}"#)
        let error = #expect(throws: SchemaError.self) { try compiler.compile(document) }
        #expect(error?.message.contains("unusable regular expression") == true, "\(String(describing: error))")
    }

    struct Pathological: Sendable, CustomTestStringConvertible {
        var pattern: String
        var text: String
        var testDescription: String { "/\(pattern)/ on \(text.count) characters" }
    }

    /// Patterns that backtrack without end: PCRE2 gives up within its budget, undecided.
    static let pathological = [
        Pathological(pattern: "^(a+)+$", text: String(repeating: "a", count: 21) + "!"),
        Pathological(pattern: "^(a|aa)+$", text: String(repeating: "a", count: 37) + "!"),
        Pathological(pattern: "(a|aa)+$", text: String(repeating: "a", count: 300) + "!"),
    ]

    @Test(arguments: pathological)
    func backtrackingWithoutEndIsUndecided(_ example: Pathological) throws {
        #expect(try ECMARegex(example.pattern).evaluate(example.text) == .undecided)
    }

    /// A long text that overflows the JIT's small stack is matched again by the interpreter,
    /// whose backtracking frames live on the heap: still decided.
    @Test func longTextBeyondTheJITStackIsStillDecided() throws {
        let regex = try ECMARegex("^(?:a|b)*$")
        #expect(regex.evaluate(String(repeating: "ab", count: 10_000)) == .match)
        #expect(regex.evaluate(String(repeating: "ab", count: 10_000) + "c") == .noMatch)
    }

    /// Undecided is reported as such, the one error of the document, even under `not`.
    @Test(arguments: [
        #"{"pattern": "^(a+)+$"}"#,
        #"{"not": {"pattern": "^(a+)+$"}}"#,
        #"{"anyOf": [{"pattern": "^(a+)+$"}, {"type": "number"}]}"#,
    ])
    func undecidedPatternIsOneClearError(_ schemaText: String) throws {
        var compiler = SchemaCompiler()
        let schema = try compiler.compile(JSONParser.parse(schemaText))
        let result = schema.validate(.string(String(repeating: "a", count: 21) + "!"))
        #expect(!result.isValid)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("could not be evaluated") == true, "\(result.errors)")
        #expect(result.errors.first?.keyword == "pattern")
    }

    @Test func undecidedPropertyNameIsOneClearError() throws {
        var compiler = SchemaCompiler()
        let schema = try compiler.compile(JSONParser.parse(#"{"patternProperties": {"^(a|aa)+$": {}}, "additionalProperties": false}"#))
        let key = String(repeating: "a", count: 37) + "!"
        let result = schema.validate(try JSONParser.parse(#"{"\#(key)": 1}"#).value)
        #expect(!result.isValid)
        #expect(result.errors.map(\.keyword) == ["patternProperties"])
        #expect(result.errors.first?.instanceLocation == "/" + key)
        #expect(result.errors.first?.message.contains("within its budget") == true, "\(result.errors)")
    }
}
