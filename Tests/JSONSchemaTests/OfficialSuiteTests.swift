import Testing
import JSONSchema

extension Suite.Case: CustomTestStringConvertible {
    var testDescription: String { qualifiedName }
}

/// Every required case of the official suite, draft by draft: each schema without `$schema` is
/// read by the draft of its folder, as `--default-draft` would have it.
@Suite("JSON Schema Test Suite, required, every draft")
struct OfficialSuiteTests {
    @Test(.enabled(if: Suite.available, Comment(rawValue: Suite.skipMessage)), arguments: Draft.allCases.flatMap { Suite.groups("", draft: $0) })
    func required(_ c: Suite.Case) {
        let failures = Suite.run(c)
        #expect(failures.isEmpty, "\(c.qualifiedName): \(failures.joined(separator: "; "))")
    }
}
