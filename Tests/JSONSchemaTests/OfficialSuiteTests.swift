import Testing
import JSONSchema

extension Suite.Case: CustomTestStringConvertible {
    var testDescription: String { name }
}

@Suite("JSON Schema Test Suite, draft 2020-12")
struct OfficialSuiteTests {
    /// Every required case: each group is one argument, each test inside it is checked.
    @Test(.enabled(if: Suite.available, Comment(rawValue: Suite.skipMessage)), arguments: Suite.groups(""))
    func required(_ c: Suite.Case) {
        let failures = Suite.run(c)
        #expect(failures.isEmpty, "\(c.name): \(failures.joined(separator: "; "))")
    }
}
