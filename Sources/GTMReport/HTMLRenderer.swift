import GTMCore
import GTMHistory
import GTMModel

/// `gtm report` as one self-contained HTML file: inline CSS and SVG, no script, no font and
/// nothing from the network (a Content-Security-Policy says so to the browser), laid out to
/// print on A4 or Letter. Every value from a document goes through `SafeText.html`.
public enum HTMLRenderer {
    static let e = SafeText.html

    public static func render(_ page: StrategyPage) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="gtm \(e(page.toolVersion))">
            <title>\(e(page.title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main>

            """
        out += header(page)
        out += contents(page)
        out += onePage(page)
        out += coherence(page)
        out += findings(page)
        out += moveAndMetrics(page)
        if let history = page.history { out += historySection(history) }
        out += "<footer><p>Written by gtm \(e(page.toolVersion)) on \(e(page.today)) from \(e(page.source)). "
        out += "The contradictions come from gtm’s own checks, so this page is as current as the strategy it was read from.</p></footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func header(_ page: StrategyPage) -> String {
        var out = "<header id=\"top\">\n<p class=\"kicker\">Go-to-market strategy</p>\n<h1>\(e(page.title))</h1>\n<dl class=\"meta\">\n"
        func item(_ label: String, _ value: String?, missing: String) {
            out += "<div><dt>\(label)</dt><dd>" + (value.map(e) ?? "<span class=\"missing\">\(missing)</span>") + "</dd></div>\n"
        }
        item("Stage", page.stage.map(PageText.words), missing: "not stated")
        item("Owner", page.owner, missing: "nobody named")
        let review = page.reviewed.map { "reviewed \($0)" + (page.cadence.map { ", \($0)" } ?? "") + (page.nextReview.map { "; next review by \($0)" } ?? "") }
        item("Review", review, missing: "no review date")
        item("Findings", "\(page.errors) error\(page.errors == 1 ? "" : "s"), \(page.warnings) warning\(page.warnings == 1 ? "" : "s")" + (page.notes > 0 ? ", \(page.notes) note\(page.notes == 1 ? "" : "s")" : ""), missing: "")
        out += "</dl>\n</header>\n"
        return out
    }

    static func contents(_ page: StrategyPage) -> String {
        var out = "<nav aria-label=\"Contents\"><ol>"
        out += "<li><a href=\"#one-page\">The one-page strategy</a></li><li><a href=\"#coherence\">Coherence check</a></li>"
        out += "<li><a href=\"#findings\">Findings</a></li><li><a href=\"#move\">MOVE coverage</a></li><li><a href=\"#metrics\">Metrics</a></li>"
        if page.history != nil { out += "<li><a href=\"#history\">History</a></li>" }
        return out + "</ol></nav>\n"
    }

    static func onePage(_ page: StrategyPage) -> String {
        let unanswered = page.parts.filter { !$0.answered }.count
        var out = "<section id=\"one-page\">\n<h2>The one-page strategy</h2>\n"
        out += "<p class=\"lead\">" + (unanswered == 0 ? "All ten parts are answered." : "\(page.parts.count - unanswered) of the ten parts are answered; \(unanswered) \(unanswered == 1 ? "is" : "are") not.") + "</p>\n<div class=\"parts\">\n"
        for part in page.parts {
            out += "<section class=\"part\(part.answered ? "" : " unanswered")\" id=\"\(part.id.anchor)\">\n"
            out += "<h3><span class=\"num\">\(part.id.number)</span> \(part.id.title)</h3>\n<p class=\"question\">\(e(part.id.question))</p>\n"
            if part.answered {
                out += "<dl>\n"
                for entry in part.entries { out += "<dt>\(e(entry.label))</dt><dd>\(e(entry.text))</dd>\n" }
                out += "</dl>\n"
            } else {
                out += "<p class=\"missing\"><strong>Not answered.</strong> The strategy says nothing here yet.</p>\n"
            }
            if part.findings > 0 {
                out += "<p class=\"part-findings\"><a href=\"#findings\">\(part.findings) finding\(part.findings == 1 ? "" : "s") about this part</a></p>\n"
            }
            out += "</section>\n"
        }
        return out + "</div>\n</section>\n"
    }

    static func coherence(_ page: StrategyPage) -> String {
        let open = page.coherence.filter { !$0.contradictions.isEmpty }.count
        var out = "<section id=\"coherence\">\n<h2>Coherence check</h2>\n"
        out += "<p class=\"lead\">Seed 003’s table: each choice, the current answer, its evidence, and the contradiction to resolve. "
        out += "Answers and evidence are read from the strategy; the last column is filled from gtm’s findings, with both sides named. "
        out += open == 0 ? "No choice has a contradiction to resolve.</p>\n" : "\(open) of the ten choices have a contradiction to resolve.</p>\n"
        out += "<table class=\"coherence\">\n<thead><tr><th scope=\"col\">Choice</th><th scope=\"col\">Current answer</th><th scope=\"col\">Evidence</th><th scope=\"col\">Contradiction to resolve</th></tr></thead>\n<tbody>\n"
        for row in page.coherence {
            out += "<tr id=\"choice-\(row.choice.rawValue)\"\(row.contradictions.isEmpty ? "" : " class=\"open\"")>"
            out += "<th scope=\"row\"><a href=\"#\(row.choice.part.anchor)\">\(row.choice.title)</a></th><td>"
            out += row.answer.map(e) ?? "<span class=\"missing\">Not answered</span>"
            if let written = row.written {
                out += "<p class=\"written\">Written in the table: “\(e(written))”</p>"
                if let conflict = row.conflict { out += "<p class=\"conflict\"><strong>Contradicted by the model:</strong> \(e(conflict)).</p>" }
            }
            out += "</td><td>"
            out += row.evidence.isEmpty ? "<span class=\"missing\">No evidence</span>" : "<ul>" + row.evidence.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            out += "</td><td>"
            if row.contradictions.isEmpty {
                out += "<span class=\"none\">None found</span>"
            } else {
                out += "<ul>"
                for f in row.contradictions {
                    out += "<li><span class=\"sev \(f.severity.rawValue)\">\(f.severity.rawValue)</span> \(e(f.message)) <span class=\"rule\">[\(e(f.rule))]</span>"
                    out += "<br><span class=\"where\">here: <code>\(e(f.location.description))</code>"
                    for r in f.related { out += "; other side: <code>\(e(r.location.description))</code> (\(e(r.message)))" }
                    out += "</span></li>"
                }
                out += "</ul>"
            }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func findings(_ page: StrategyPage) -> String {
        var out = "<section id=\"findings\">\n<h2>Findings</h2>\n"
        guard !page.findings.isEmpty else {
            return out + "<p class=\"lead\">gtm finds nothing to fix in the \(page.documents) document\(page.documents == 1 ? "" : "s") it read.</p>\n</section>\n"
        }
        out += "<p class=\"lead\">Grouped by the choice they are about; each links to its place on the one page.</p>\n"
        for group in page.findings {
            out += "<section class=\"group\" id=\"\(group.anchor)\">\n<h3>\(group.title) <span class=\"count\">(\(group.items.count))</span></h3>\n<ul class=\"findings\">\n"
            for item in group.items {
                let f = item.finding
                out += "<li><span class=\"sev \(f.severity.rawValue)\">\(f.severity.rawValue)</span> \(e(f.message)) <span class=\"rule\">[\(e(f.rule))]</span>"
                out += "<br><span class=\"where\"><code>\(e(f.location.description))</code>"
                for r in f.related { out += "; other side: <code>\(e(r.location.description))</code> (\(e(r.message)))" }
                let target = item.part.map { "#\($0.anchor)\">\($0.title)" } ?? "#\(item.anchor)\">\(anchorName(item.anchor))"
                out += " — <a href=\"\(target)</a></span></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out + "</section>\n"
    }

    static func anchorName(_ anchor: String) -> String {
        switch anchor {
        case "top": "the header"
        case "metrics": "Metrics"
        case "move": "MOVE coverage"
        case "coherence": "Coherence check"
        default: "Findings"
        }
    }

    static func moveAndMetrics(_ page: StrategyPage) -> String {
        let answered = page.move.filter { $0.answer != nil }.count
        var out = "<section id=\"move\">\n<h2>MOVE coverage</h2>\n<p class=\"lead\">Seed 000 asks four questions; the strategy answers \(answered) of them.</p>\n"
        out += "<table class=\"move\">\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">Question</th><th scope=\"col\">The strategy’s answer</th></tr></thead>\n<tbody>\n"
        for row in page.move {
            out += "<tr><td class=\"letter\">\(row.letter)</td><th scope=\"row\">\(e(row.question))</th><td>" + (row.answer.map(e) ?? "<span class=\"missing\">Not answered</span>") + "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        let missing = page.metrics.filter { $0.ceo && !$0.present }.count
        out += "<section id=\"metrics\">\n<h2>Metrics</h2>\n<p class=\"lead\">The five the CEO watches (seed 002) come first"
        out += missing == 0 ? "; all five are in the strategy.</p>\n" : "; \(missing) of them \(missing == 1 ? "is" : "are") missing.</p>\n"
        out += "<table class=\"metrics\">\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Stage</th><th scope=\"col\">Target</th></tr></thead>\n<tbody>\n"
        for m in page.metrics {
            out += "<tr\(m.ceo ? " class=\"ceo\"" : "")><th scope=\"row\">\(e(m.label))\(m.ceo ? " <span class=\"tag\">CEO</span>" : "")</th>"
            out += "<td>\(m.stage.map(e) ?? "")</td><td>"
            out += !m.present ? "<span class=\"missing\">Not in the strategy</span>" : (m.target.map(e) ?? "<span class=\"missing\">No target</span>")
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func historySection(_ h: StrategyHistory) -> String {
        var out = "<section id=\"history\">\n<h2>History</h2>\n"
        out += "<p class=\"lead\">\(h.commits) commit\(h.commits == 1 ? "" : "s") changed the strategy, the latest \(h.head.id.short) on \(ChangeText.date(h.head.committer.time)).</p>\n"
        if h.bugs.stoppedAtShallowBoundary { out += "<p class=\"missing\">\(e(LogRenderer.shallowNote))</p>\n" }
        if let icp = HistoryCharts.icp(h) {
            out += "<section class=\"chart-block\" id=\"icp-history\">\n<h3>The ICP over time</h3>\n<figure>\n\(icp.chart.svg())\n"
            out += "<figcaption>\(e(icp.chart.summary))</figcaption>\n</figure>\n"
            out += "<table class=\"data\">\n<caption>The latest changes of the ICP, newest first\(icp.earlier > 0 ? " (\(icp.earlier) earlier in <code>gtm log</code>)" : "")</caption>\n"
            out += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Date</th><th scope=\"col\">Commit</th><th scope=\"col\">Change</th><th scope=\"col\">Accounts</th><th scope=\"col\">Employees</th><th scope=\"col\">ACV</th></tr></thead>\n<tbody>\n"
            for r in icp.rows {
                out += "<tr><td>\(r.number)</td><td class=\"date\">\(r.date)</td><td><code>\(r.commit)</code> \(e(r.subject))</td><td>\(e(r.change))</td><td>\(e(r.accounts))</td><td>\(e(r.employees))</td><td>\(e(r.acv))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        let bugs = HistoryCharts.bugs(h)
        out += "<section class=\"chart-block\" id=\"bugs-history\">\n<h3>GTM bugs over time</h3>\n<figure>\n\(bugs.chart.svg())\n"
        out += "<figcaption>\(e(bugs.chart.summary))</figcaption>\n</figure>\n"
        let listed = bugs.periods.suffix(HistoryCharts.listedPeriods)
        out += "<table class=\"data\">\n<caption>Open findings by \(bugs.days == 7 ? "week" : "period of \(bugs.days) days")\(listed.count < bugs.periods.count ? ", the latest \(listed.count)" : "")</caption>\n"
        out += "<thead><tr><th scope=\"col\">From</th><th scope=\"col\">Open findings</th><th scope=\"col\">Median age (days)</th></tr></thead>\n<tbody>\n"
        for p in listed.reversed() {
            out += "<tr><td class=\"date\">\(ChangeText.date(p.start))</td><td>\(p.open)</td><td>\(p.medianAge.map(PageText.number) ?? "—")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !h.bugs.open.isEmpty {
            out += "<h4>Open now</h4>\n<ul class=\"findings\">\n"
            for bug in h.bugs.open {
                out += "<li><span class=\"sev \(bug.finding.severity.rawValue)\">\(bug.finding.severity.rawValue)</span> \(e(bug.finding.message)) <span class=\"rule\">[\(e(bug.finding.rule))]</span>"
                out += "<br><span class=\"where\">open for \(bug.ageDays(now: h.bugs.now)) days, since <code>\(bug.introduced.id.short)</code> \(ChangeText.date(bug.introduced.committer.time)) \(e(bug.introduced.summary))</span></li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
        out += "<section id=\"recent-changes\">\n<h3>The last changes in meaning</h3>\n"
        if h.recent.isEmpty { out += "<p>No change in meaning yet.</p>\n" }
        for change in h.recent {
            out += "<h4><code>\(change.commit.id.short)</code> \(ChangeText.date(change.commit.committer.time)) \(e(change.commit.author.name)): \(e(change.commit.summary))</h4>\n<ul class=\"changes\">\n"
            for c in change.changes.prefix(12) { out += "<li><span class=\"doc\">\(e(c.documentKind.rawValue)) \(e(c.document))</span> \(e(ChangeText.line(c)))</li>\n" }
            if change.changes.count > 12 { out += "<li>and \(change.changes.count - 12) more (<code>gtm diff</code> lists them)</li>\n" }
            out += "</ul>\n"
        }
        return out + "</section>\n</section>\n"
    }

    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f6f3; color: #1a1a1a; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 960px; margin: 0 auto; padding: 28px 32px 40px; background: #ffffff; }
        h1 { font-size: 28px; margin: 2px 0 12px; line-height: 1.2; }
        h2 { font-size: 21px; margin: 34px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1a1a1a; break-after: avoid; }
        h3 { font-size: 16px; margin: 18px 0 6px; break-after: avoid; }
        h4 { font-size: 14px; margin: 14px 0 4px; font-weight: 600; }
        a { color: #1d4f91; }
        code { font: 12.5px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f0f0ec; padding: 0 3px; border-radius: 2px; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: #555555; margin: 0; }
        .meta { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px 18px; margin: 0; padding: 12px 14px; background: #f0f0ec; border: 1px solid #d8d8d2; }
        .meta dt { font-size: 11.5px; text-transform: uppercase; letter-spacing: .06em; color: #555555; }
        .meta dd { margin: 0; font-weight: 600; }
        nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 14px 0 0; font-size: 14px; }
        .lead { color: #333333; margin: 4px 0 12px; }
        .parts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
        .part { border: 1px solid #c9c9c2; border-left: 4px solid #1a1a1a; padding: 8px 12px 10px; break-inside: avoid; }
        .part.unanswered { border-left: 4px dashed #8a8a84; background: #fafaf7; }
        .part h3 { margin: 0 0 2px; }
        .num { display: inline-block; min-width: 1.5em; font-variant-numeric: tabular-nums; color: #555555; }
        .question { font-size: 12.5px; color: #555555; margin: 0 0 6px; font-style: italic; }
        .part dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 14px; }
        .part dt { color: #555555; }
        .part dd { margin: 0; }
        .part-findings { margin: 6px 0 0; font-size: 13px; }
        .missing { color: #6b3b00; font-style: italic; }
        .none { color: #555555; }
        table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 6px 0 12px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border: 1px solid #c9c9c2; }
        thead th { background: #e9e9e4; font-size: 12.5px; text-transform: uppercase; letter-spacing: .04em; }
        tr { break-inside: avoid; }
        caption { text-align: left; font-size: 13px; color: #333333; padding: 4px 0; caption-side: top; }
        td ul, .findings, .changes { margin: 0; padding-left: 18px; }
        td li + li, .findings li + li { margin-top: 6px; }
        table.coherence th[scope=row] { width: 15%; }
        table.coherence tr.open td:last-child { background: #fbf3e6; border-left: 3px solid #1a1a1a; }
        .written { margin: 6px 0 0; font-size: 12.5px; color: #333333; }
        .conflict { margin: 4px 0 0; font-size: 12.5px; border-left: 3px solid #1a1a1a; padding-left: 6px; }
        .sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 4px; border: 1px solid currentColor; border-radius: 2px; }
        .sev.error { color: #8a1010; }
        .sev.warning { color: #6b3b00; }
        .sev.note { color: #333333; }
        .rule, .where, .count { color: #555555; font-size: 12.5px; }
        .letter { font-weight: 700; width: 6em; }
        td.date { white-space: nowrap; }
        .tag { font-size: 10.5px; font-weight: 700; border: 1px solid #555555; padding: 0 3px; border-radius: 2px; color: #333333; }
        figure { margin: 8px 0; }
        figcaption { font-size: 12.5px; color: #333333; margin-top: 4px; }
        .chart { width: 100%; height: auto; display: block; }
        .chart text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1a1a1a; }
        .chart .panel-title { font-weight: 600; font-size: 12px; }
        .chart .tick { fill: #444444; }
        .chart .grid { stroke: #dddddd; stroke-width: 1; }
        .chart .axis { stroke: #1a1a1a; stroke-width: 1; }
        .chart .line { fill: none; stroke: #1a1a1a; stroke-width: 2; }
        .chart .line.dashed { stroke-dasharray: 6 3; }
        .chart .dot { fill: #ffffff; stroke: #1a1a1a; stroke-width: 1.5; }
        .chart .bar { fill: #6b6b6b; stroke: #1a1a1a; stroke-width: .5; }
        .chart .band { stroke: #333333; stroke-width: 1; }
        .chart .mark { stroke: #777777; stroke-width: 1; stroke-dasharray: 2 3; }
        .chart .mark-label { font-size: 10px; font-weight: 700; }
        .chart-block { break-inside: avoid; }
        .doc { color: #555555; font-size: 12.5px; }
        footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid #c9c9c2; font-size: 12.5px; color: #555555; }
        @media (max-width: 720px) { .parts { grid-template-columns: 1fr; } .meta { grid-template-columns: 1fr 1fr; } main { padding: 16px; } }
        @page { margin: 14mm 12mm; }
        @media print {
          body { background: #ffffff; font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          h2 { margin-top: 18pt; }
          .part, table.coherence tr, .chart-block figure { break-inside: avoid; }
          #coherence, #history { break-before: page; }
        }
        """
}
