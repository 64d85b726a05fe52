import Foundation
import Testing

@Suite("gtm rules")
struct RulesCommandTests {
    @Test func readmeRuleTableIsCurrent() throws {
        let table = try gtm(["rules", "--format", "markdown"]).stdout
        let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- rules-table:start -->\n"))
        let end = try #require(readme.range(of: "<!-- rules-table:end -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == table, "run `make readme`")
    }

    @Test func jsonListsEveryRuleWithItsExamples() throws {
        let result = try gtm(["rules", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let rules = try #require(object["rules"] as? [[String: Any]])
        for rule in rules {
            for key in ["id", "name", "severity", "summary", "rationale", "seed", "settings", "examples"] {
                #expect(rule.keys.contains(key), "\(rule["id"] ?? "?") lacks \(key)")
            }
            let examples = try #require(rule["examples"] as? [String: [String]])
            #expect(!(examples["passing"] ?? []).isEmpty && !(examples["failing"] ?? []).isEmpty)
        }
    }

    @Test func explainsOneRuleAndRejectsUnknownOnes() throws {
        let one = try gtm(["rules", "GTM201"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("self-serve-vs-procurement"))
        #expect(one.stdout.contains("Fails (1):"))
        let unknown = try gtm(["rules", "GTM2011"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean"))
    }
}
