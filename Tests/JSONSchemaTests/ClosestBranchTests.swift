import Testing
import JSONSchema

/// Where every branch of `oneOf` or `anyOf` fails, the errors shown are those of the branch the
/// instance was meant to be.
@Suite("The closest branch is reported")
struct ClosestBranchTests {
    /// A CI job is either a job that runs steps or a call of a reusable workflow.
    static let jobSchema = #"""
    {
      "$defs": {
        "normalJob": {
          "type": "object",
          "required": ["runs-on"],
          "properties": {"name": {"type": "string"}, "runs-on": {"type": "string"}, "steps": {"type": "array"}, "needs": {"type": "string"}},
          "additionalProperties": false
        },
        "workflowCall": {
          "type": "object",
          "required": ["uses"],
          "properties": {"name": {"type": "string"}, "uses": {"type": "string"}, "with": {"type": "object"}, "needs": {"type": "string"}},
          "additionalProperties": false
        }
      },
      "properties": {"jobs": {"additionalProperties": {"KEYWORD": [{"$ref": "#/$defs/normalJob"}, {"$ref": "#/$defs/workflowCall"}]}}}
    }
    """#

    struct Case: Sendable, CustomTestStringConvertible {
        var keyword: String
        var instance: String
        var says: String
        var testDescription: String { "\(keyword): \(instance)" }
    }

    static let cases: [Case] = ["oneOf", "anyOf"].flatMap { keyword in [
        Case(keyword: keyword, instance: #"{"jobs": {"build": {"name": "Build", "steps": [{"run": "make"}]}}}"#, says: "missing required property \"runs-on\""),
        Case(keyword: keyword, instance: #"{"jobs": {"deploy": {"name": "Deploy", "with": {"env": "prod"}}}}"#, says: "missing required property \"uses\""),
        Case(keyword: keyword, instance: #"{"jobs": {"build": {"runs-on": "linux", "steps": [], "stpes": []}}}"#, says: "unknown property \"stpes\"; did you mean \"steps\"?"),
        Case(keyword: keyword, instance: #"{"jobs": {"build": "make"}}"#, says: "expected an object"),
    ] }

    @Test(arguments: cases)
    func theErrorsShownAreOfTheIntendedBranch(_ c: Case) throws {
        var compiler = SchemaCompiler()
        let schema = try compiler.compile(try JSONParser.parse(Self.jobSchema.replacing("KEYWORD", with: c.keyword)))
        let result = schema.validate(try JSONParser.parse(c.instance).value)
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.message.hasPrefix(c.says) }, "\(result.errors.map(\.message))")
        #expect(result.errors.count == 1, "one branch's errors only: \(result.errors.map(\.message))")
    }
}
