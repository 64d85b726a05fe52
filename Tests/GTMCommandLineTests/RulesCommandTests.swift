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
            for key in ["id", "name", "kind", "severity", "summary", "rationale", "seed", "settings", "examples"] {
                #expect(rule.keys.contains(key), "\(rule["id"] ?? "?") lacks \(key)")
            }
            // Rules carry examples; the tool's own input checks do not.
            guard rule["kind"] as? String != "input" else { continue }
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

    @Test func documentsTheToolsOwnChecksAndRulesAboutChanges() throws {
        let list = try gtm(["rules"]).stdout
        #expect(list.contains("yaml-duplicate-key") && list.contains("waiver-unused") && list.contains("GTM503"), "\(list)")
        let check = try gtm(["rules", "yaml-duplicate-key"])
        #expect(check.status == 0 && check.stdout.contains("A mapping defines the same key twice."), "\(check.stdout)")
    }

    @Test func refusesAFormatTheCommandDoesNotWrite() throws {
        let result = try gtm(["rules", "--format", "sarif"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("gtm rules has no sarif output; it writes text, json or markdown"), "\(result.stderr)")
    }
}
