import Foundation
import GTMReport
import Testing

/// `gtm report`: the coherence table never goes stale, the history has its two charts, values
/// are escaped, nothing but `--output` is written, and the page opens in a real browser.
@Suite("gtm report")
struct ReportTests {
    static let example = "examples/devtool-enterprise-mismatch"

    /// The cells of the last column of the coherence table in the HTML report.
    static func contradictionCells(_ html: String) -> [String] {
        guard let start = html.range(of: "<table class=\"coherence\">"),
              let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        let table = html[start.upperBound..<end.lowerBound]
        return table.components(separatedBy: "</tr>").compactMap { row in
            row.components(separatedBy: "<td>").dropFirst().last.map { String($0) }
        }
    }

    @Test func theCoherenceTableHoldsEveryContradictionGtmCheckReports() throws {
        let check = try gtm(["check", "--today", Golden.today, "--format", "json", Self.example])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 5)
        let report = try gtm(["report", "--today", Golden.today, Self.example])
        #expect(report.status == 0, "\(report.stderr)")
        let cells = Self.contradictionCells(report.stdout)
        #expect(cells.count == 10, "the table has one row for each of seed 003's ten choices")
        let column = cells.joined(separator: "\n")
        for finding in findings {
            let message = try #require(finding["message"] as? String)
            let place = "\(finding["path"]!):\(finding["line"]!):\(finding["column"]!)"
            #expect(column.contains(SafeText.html(message)), "the contradiction column misses: \(message)")
            #expect(column.contains("here: <code>\(place)</code>"), "the contradiction column does not name \(place)")
            for related in finding["related"] as? [[String: Any]] ?? [] {
                let other = "\(related["path"]!):\(related["line"]!):\(related["column"]!)"
                #expect(column.contains("other side: <code>\(other)</code>"), "the other side \(other) of \(message) is not named")
            }
        }
    }

    @Test func aHandWrittenAnswerTheModelContradictsIsShownAsSuch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: Paths.packageRoot.appendingPathComponent(Self.example + "/strategy.yaml"), encoding: .utf8)
        let changed = original.replacingOccurrences(
            of: "  - {choice: icp, answer: Platform engineering teams, evidence: {summary: 25 interviews}}",
            with: "  - {choice: icp, answer: Platform engineering teams, evidence: {summary: 25 interviews}}\n  - {choice: motion, answer: Field sales with a small team, evidence: {summary: 4 closed deals}}\n  - {choice: buyer, answer: \"<script>alert(1)</script> & the VP\", evidence: {summary: interviews}}")
        #expect(changed != original)
        try changed.write(to: folder.appendingPathComponent("strategy.yaml"), atomically: false, encoding: .utf8)
        for sub in ["segments", "plans"] {
            try FileManager.default.copyItem(at: Paths.packageRoot.appendingPathComponent(Self.example + "/" + sub), to: folder.appendingPathComponent(sub))
        }
        let report = try gtm(["report", "--today", Golden.today, folder.path])
        #expect(report.status == 0, "\(report.stderr)")
        let html = report.stdout
        #expect(html.contains("<strong>Contradicted by the model:</strong> the row says field sales, but the strategy&#39;s motion is product-led."))
        #expect(html.contains("<strong>Contradicted by the model:</strong> the row records no contradiction, but gtm finds 2 between this choice and another."))
        #expect(!html.contains("<script"), "a value from a document opened a tag")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; the VP"))
        let markdown = try gtm(["report", "--today", Golden.today, "--format", "markdown", folder.path]).stdout
        #expect(markdown.contains("**Contradicted by the model:** the row says field sales"))
        #expect(!markdown.contains("<script"))
    }

    @Test func aRepositoryWithHistoryGetsBothChartsAndTheirTables() throws {
        let history = try GoldenHistory()
        let ids = try history.repo.git("log", "--format=%h").stdout.split(separator: "\n").map(String.init)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: outside) }
        let result = try history.repo.gtm("report", "--today", Golden.today, "--output", outside.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "with --output nothing goes to standard output")
        #expect(try history.repo.git("status", "--porcelain", "--ignored").stdout.isEmpty, "the report wrote into the working tree")
        let html = try String(contentsOf: outside, encoding: .utf8)
        for chart in ["icp-chart", "bugs-chart"] {
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""))
            #expect(html.contains("aria-labelledby=\"\(chart)-title \(chart)-desc\""), "\(chart) has no title and description for screen readers")
            #expect(html.contains("<title id=\"\(chart)-title\">"))
        }
        // Every change of the ICP is numbered on the chart and listed beside it with its commit.
        for (number, change) in [(5, "estimated accounts 4,000 → 900 (narrowed)"), (4, "ACV 3,000 USD → 6,000 USD"),
                                 (3, "employees 50–500 → 50–300 (narrowed)"), (2, "estimated accounts 850 → 4,000 (broadened)")] {
            #expect(html.contains("<text class=\"mark-label\""))
            #expect(html.contains("<tr><td>\(number)</td>"), "change \(number) is not in the table")
            #expect(html.contains("<td>\(change)</td>"), "the ICP table misses \(change)")
        }
        for id in ids where id != ids[2] {
            // The rename (ids[2]) changed no charted value; every other commit is in the ICP table.
            #expect(html.contains("<code>\(id)</code>"), "commit \(id) is missing")
        }
        #expect(html.contains("<td class=\"date\">2026-10-27</td><td>1</td><td>6</td>"), "the week from 2026-10-27 ends with one open finding, 6 days old")
        #expect(html.contains("median time to fix 28 days"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"), "the page names no network address")
        let markdown = try history.repo.gtm("report", "--today", Golden.today, "--format", "markdown").stdout
        #expect(markdown.contains("| 5 | 2026-11-24 | `\(ids[0])` cut the target list | estimated accounts 4,000 → 900 (narrowed) | 900 | 50–300 | 6,000 USD |"))
        #expect(markdown.contains("| From | Open findings | Median age (days) |"))
    }

    @Test func aFormatTheReportDoesNotWriteIsRefused() throws {
        let result = try gtm(["report", "--format", "sarif", Self.example])
        #expect(result.status == 2)
        #expect(result.stderr.contains("gtm report has no sarif output; it writes html (one page that opens offline and prints) or markdown"))
    }

    /// Debian's chromium opens the report: no console error, no network request, a screenshot
    /// that is not blank, a PDF. Skipped, with a message, where chromium is not installed.
    @Test func theReportOpensInAHeadlessBrowser() throws {
        let script = Paths.packageRoot.appendingPathComponent("scripts/report-check")
        let result = try GTMCommandLineTests.run(URL(fileURLWithPath: "/bin/bash"), [script.path], in: Paths.packageRoot,
                                                 environment: ["GTM": Paths.products.appendingPathComponent("gtm").path])
        if result.status == 77 {
            print("skipped the browser test: Debian's chromium is not installed (apt-get install chromium, then run make report-check)")
            return
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        print(result.stdout, terminator: "")
    }
}

@Suite("The sample report is current")
struct SampleReportTests {
    /// examples/devtool-enterprise-mismatch/report.html is what gtm writes for that example.
    @Test func sampleReportMatchesTheTool() throws {
        let result = try gtm(["report", "--today", "2026-11-24", "examples/devtool-enterprise-mismatch"])
        let sample = try String(contentsOf: Paths.packageRoot.appendingPathComponent("examples/devtool-enterprise-mismatch/report.html"), encoding: .utf8)
        #expect(result.stdout == sample, "regenerate it: gtm report --today 2026-11-24 examples/devtool-enterprise-mismatch --output examples/devtool-enterprise-mismatch/report.html")
    }
}
