import Foundation
import Testing

/// A value that failed the schema is judged by the schema alone: a typo gives one finding that
/// says how to fix it, not also a coherence finding that contradicts what the person meant.
@Suite("Rules do not judge values that failed the schema")
struct SchemaFirstTests {
    @Test func aMisspeltKeyOrAMistypedListGivesOnlyTheSchemaFinding() throws {
        let result = try gtm(["check", "--today", "2026-11-24", "Tests/GTMCommandLineTests/Fixtures/misspelt"])
        #expect(result.stdout.contains("misspelt/strategy.yaml:6:1: error: unknown property \"problm\"; did you mean \"problem\"? [schema]"), "\(result.stdout)")
        #expect(result.stdout.contains("misspelt/strategy.yaml:9:18: error: expected an object, got the string \"Living with flaky pipelines\": each item of `alternatives` takes the keys name, kind, whyWeWin, for example `- {name: Spreadsheets and a weekly meeting, kind: do-nothing, whyWeWin: The forecast updates itself}` [schema]"), "\(result.stdout)")
        // The problem is there, misspelt: GTM216 would call it missing.
        #expect(!result.stdout.contains("[GTM216]"), "\(result.stdout)")
        // The alternatives are there, as strings: GTM215 would say there are none.
        #expect(!result.stdout.contains("[GTM215]"), "\(result.stdout)")
        // Choices the document really lacks are still reported.
        #expect(result.stdout.contains("[GTM212]"), "\(result.stdout)")
    }
}
