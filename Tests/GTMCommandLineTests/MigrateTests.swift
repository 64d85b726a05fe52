import Foundation
import Testing

/// gtm reads gtm/v1 as gtm/v2, and `gtm migrate` writes exactly that reading to disk, keeping
/// comments and layout; `--check` writes nothing.
@Suite("gtm migrate and reading gtm/v1")
struct MigrateTests {
    func copy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-migrate-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("v1-strategy"), to: dir)
        return dir
    }

    /// Findings without their positions: the same judgement before and after the rewrite
    /// (a folded block scalar becomes one line, so later lines move up).
    func judgement(_ output: String) -> [String] {
        output.split(separator: "\n").map { line in
            let text = String(line)
            guard let range = text.range(of: ": (error|warning|note): ", options: .regularExpression) else { return text }
            return String(text[range.lowerBound...])
        }
    }

    @Test func aV1FolderIsJudgedAsItsMigration() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try gtm(["check", "--today", "2026-11-24", "."], in: dir)
        let migrate = try gtm(["migrate", "."], in: dir)
        #expect(migrate.status == 0, "\(migrate.stdout)\(migrate.stderr)")
        #expect(migrate.stdout.contains("2 files migrated, 0 already current"), "\(migrate.stdout)")
        let after = try gtm(["check", "--today", "2026-11-24", "."], in: dir)
        #expect(before.status == after.status)
        #expect(judgement(before.stdout) == judgement(after.stdout), "\(before.stdout)\n---\n\(after.stdout)")
        #expect(!after.stdout.contains("GTM205"), "inside sales at a 9,000 ACV and an 11-month payback is coherent: \(after.stdout)")
    }

    @Test func theRewriteKeepsCommentsAndChangesOnlyValues() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("strategy.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        _ = try gtm(["migrate"] + ["."], in: dir)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# A gtm/v1 strategy kept as it was written before gtm/v2: `gtm migrate` must keep this comment.\napiVersion: gtm/v2\n"))
        #expect(text.contains("  primary: inside-sales   # an SDR and two account executives\n"))
        #expect(text.contains("    evidence: {summary: \"Two sellers besides the founders closed 14 of the last 40 deals, at the founders' win rate.\"}\npricing:"))
        #expect(text.contains("      evidence: {summary: 'Six of ten firms we interviewed found tools through their association.'}\n"))
        #expect(text.contains("evidence: {summary: 14 of 40 deals}}"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let again = try gtm(["migrate", "--check", "."], in: dir)
        #expect(again.status == 0 && again.stdout.contains("0 files would be migrated, 2 already current"), "\(again.stdout)")
    }

    @Test func checkWritesNothingAndFailsWhenSomethingWouldChange() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try Data(contentsOf: dir.appendingPathComponent("strategy.yaml"))
        let result = try gtm(["migrate", "--check", "."], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("strategy.yaml: would move to gtm/v2"), "\(result.stdout)")
        #expect(result.stdout.contains("24:12 `sales-led` below a 50,000 ACV is inside sales"), "\(result.stdout)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("strategy.yaml")) == original)
    }

    @Test func aLargeDealSalesMotionBecomesFieldSales() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("strategy.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "amount: 9000", with: "amount: 90000")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let result = try gtm(["migrate", "strategy.yaml"], in: dir)
        #expect(result.stdout.contains("24:12 `sales-led` at this ACV or through procurement is field sales"), "\(result.stdout)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("  primary: field-sales   #"))
    }

    @Test func aFileThatIsNotYAMLIsLeftAlone() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.yaml")
        try "apiVersion: gtm/v1\nkind: Segment\nid: [unclosed\n".write(to: file, atomically: false, encoding: .utf8)
        let result = try gtm(["migrate", "broken.yaml"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("broken.yaml: not migrated:"), "\(result.stdout)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "apiVersion: gtm/v1\nkind: Segment\nid: [unclosed\n")
    }

    /// A v1 setting name keeps working, with a warning to rename it.
    @Test func aRenamedSettingStillWorks() throws {
        let dir = try copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "rules:\n  GTM205: {min-sales-led-acv: 12000}\n".write(to: dir.appendingPathComponent(".gtm.yaml"), atomically: false, encoding: .utf8)
        // Without a stated CAC, GTM205 judges the ACV against the motion's floor.
        let file = dir.appendingPathComponent("strategy.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "  cac: {amount: 6500, currency: USD}\n", with: "")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let result = try gtm(["check", "--today", "2026-11-24", "."], in: dir)
        #expect(result.stdout.contains(".gtm.yaml:2:12: warning: GTM205 min-sales-led-acv is now called min-inside-sales-acv"), "\(result.stdout)")
        #expect(result.stdout.contains("[GTM205]"), "the old name's threshold still applies: \(result.stdout)")
    }
}
