import GTMCore
import GTMHistory

/// `gtm report --format markdown`: the same page for a wiki or a STRATEGY.md, charts as
/// tables. Every value from a document goes through `SafeText.markdown` or `SafeText.code`.
public enum MarkdownPage {
    static func m(_ s: String) -> String { SafeText.markdown(s, limit: 600) }

    public static func render(_ page: StrategyPage) -> String {
        var out = "# \(m(page.title))\n\n"
        let review = page.reviewed.map { "reviewed \($0)" + (page.cadence.map { ", \($0)" } ?? "") + (page.nextReview.map { "; next review by \($0)" } ?? "") }
        out += "**Stage:** \(page.stage.map { m(PageText.words($0)) } ?? "*not stated*") · "
        out += "**Owner:** \(page.owner.map(m) ?? "*nobody named*") · "
        out += "**Review:** \(review.map(m) ?? "*no review date*") · "
        out += "**Findings:** \(page.errors) error\(page.errors == 1 ? "" : "s"), \(page.warnings) warning\(page.warnings == 1 ? "" : "s")\n\n"

        let unanswered = page.parts.filter { !$0.answered }.count
        out += "## The one-page strategy\n\n"
        out += (unanswered == 0 ? "All ten parts are answered." : "\(page.parts.count - unanswered) of the ten parts are answered; \(unanswered) \(unanswered == 1 ? "is" : "are") not.") + "\n\n"
        for part in page.parts {
            out += "### \(part.id.number). \(part.id.title)\n\n*\(part.id.question)*\n\n"
            if part.answered {
                for entry in part.entries { out += "- **\(m(entry.label)):** \(m(entry.text))\n" }
            } else {
                out += "**Not answered.** The strategy says nothing here yet.\n"
            }
            if part.findings > 0 { out += "\n\(part.findings) finding\(part.findings == 1 ? "" : "s") about this part: see [Findings](#findings).\n" }
            out += "\n"
        }

        let open = page.coherence.filter { !$0.contradictions.isEmpty }.count
        out += "## Coherence check\n\n"
        out += "Answers and evidence are read from the strategy; the last column is filled from gtm's findings, with both sides named. "
        out += open == 0 ? "No choice has a contradiction to resolve.\n\n" : "\(open) of the ten choices have a contradiction to resolve.\n\n"
        out += "| Choice | Current answer | Evidence | Contradiction to resolve |\n|---|---|---|---|\n"
        for row in page.coherence {
            var answer = row.answer.map(m) ?? "*Not answered*"
            if let written = row.written {
                answer += "<br>Written in the table: “\(m(written))”"
                if let conflict = row.conflict { answer += "<br>**Contradicted by the model:** \(m(conflict))." }
            }
            let evidence = row.evidence.isEmpty ? "*No evidence*" : row.evidence.map(m).joined(separator: "<br>")
            let contradictions = row.contradictions.isEmpty ? "None found" : row.contradictions.map { f in
                "**\(f.severity.rawValue)** \(m(f.message)) [\(f.rule)]; here: \(SafeText.code(f.location.description))"
                    + f.related.map { "; other side: \(SafeText.code($0.location.description)) (\(m($0.message)))" }.joined()
            }.joined(separator: "<br>")
            out += "| \(row.choice.title) | \(answer) | \(evidence) | \(contradictions) |\n"
        }
        out += "\n## Findings\n\n"
        if page.findings.isEmpty {
            out += "gtm finds nothing to fix in the \(page.documents) document\(page.documents == 1 ? "" : "s") it read.\n\n"
        }
        for group in page.findings {
            out += "### \(group.title) (\(group.items.count))\n\n"
            for item in group.items {
                let f = item.finding
                out += "- **\(f.severity.rawValue)** \(m(f.message)) [\(f.rule)] \(SafeText.code(f.location.description))"
                out += f.related.map { "; other side: \(SafeText.code($0.location.description)) (\(m($0.message)))" }.joined()
                if let part = item.part { out += " ([part \(part.number), \(part.title)](#\(part.number)-\(part.title.lowercased().replacing(" ", with: "-"))))" }
                out += "\n"
            }
            out += "\n"
        }

        let answered = page.move.filter { $0.answer != nil }.count
        out += "## MOVE coverage\n\nThe strategy answers \(answered) of seed 000's four questions.\n\n| | Question | The strategy's answer |\n|---|---|---|\n"
        for row in page.move { out += "| \(row.letter) | \(row.question) | \(row.answer.map(m) ?? "*Not answered*") |\n" }
        let missing = page.metrics.filter { $0.ceo && !$0.present }.count
        out += "\n## Metrics\n\nThe five the CEO watches come first" + (missing == 0 ? "; all five are in the strategy.\n\n" : "; \(missing) of them \(missing == 1 ? "is" : "are") missing.\n\n")
        out += "| Metric | Stage | Target |\n|---|---|---|\n"
        for metric in page.metrics {
            let target = !metric.present ? "*Not in the strategy*" : metric.target.map(m) ?? "*No target*"
            out += "| \(m(metric.label))\(metric.ceo ? " (CEO)" : "") | \(metric.stage.map(m) ?? "") | \(target) |\n"
        }
        if let history = page.history { out += self.history(history) }
        out += "\n---\n\nWritten by gtm \(m(page.toolVersion)) on \(page.today) from \(m(page.source)).\n"
        return out
    }

    static func history(_ h: StrategyHistory) -> String {
        var out = "\n## History\n\n\(h.commits) commit\(h.commits == 1 ? "" : "s") changed the strategy, the latest `\(h.head.id.short)` on \(ChangeText.date(h.head.committer.time)).\n\n"
        if h.bugs.stoppedAtShallowBoundary { out += LogRenderer.shallowNote + "\n\n" }
        if let icp = HistoryCharts.icp(h) {
            out += "### The ICP over time\n\n\(m(icp.chart.summary))\n\n"
            out += "| # | Date | Commit | Change | Accounts | Employees | ACV |\n|---|---|---|---|---|---|---|\n"
            for r in icp.rows {
                out += "| \(r.number) | \(r.date) | `\(r.commit)` \(m(r.subject)) | \(m(r.change)) | \(m(r.accounts)) | \(m(r.employees)) | \(m(r.acv)) |\n"
            }
            if icp.earlier > 0 { out += "\n\(icp.earlier) earlier changes: `gtm log` lists them.\n" }
            out += "\n"
        }
        let bugs = HistoryCharts.bugs(h)
        out += "### GTM bugs over time\n\n\(m(bugs.chart.summary))\n\n| From | Open findings | Median age (days) |\n|---|---|---|\n"
        for p in bugs.periods.suffix(HistoryCharts.listedPeriods).reversed() {
            out += "| \(ChangeText.date(p.start)) | \(p.open) | \(p.medianAge.map(PageText.number) ?? "—") |\n"
        }
        if !h.bugs.open.isEmpty {
            out += "\nOpen now:\n\n"
            for bug in h.bugs.open {
                out += "- **\(bug.finding.severity.rawValue)** \(m(bug.finding.message)) [\(bug.finding.rule)], open for \(bug.ageDays(now: h.bugs.now)) days since `\(bug.introduced.id.short)` \(ChangeText.date(bug.introduced.committer.time))\n"
            }
        }
        out += "\n### The last changes in meaning\n\n"
        if h.recent.isEmpty { out += "No change in meaning yet.\n" }
        for change in h.recent {
            out += "**`\(change.commit.id.short)` \(ChangeText.date(change.commit.committer.time)) \(m(change.commit.author.name)): \(m(change.commit.summary))**\n\n"
            for c in change.changes.prefix(12) { out += "- \(c.documentKind.rawValue) \(SafeText.code(c.document)) \(SafeText.code(ChangeText.line(c)))\n" }
            if change.changes.count > 12 { out += "- and \(change.changes.count - 12) more (`gtm diff` lists them)\n" }
            out += "\n"
        }
        return out
    }
}
