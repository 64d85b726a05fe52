import GTMCore

/// Findings as Markdown, for a wiki page, a job summary or a comment: a summary line, then a
/// table of findings with the other side of each contradiction beneath it. Every value from a
/// document is escaped (see `SafeText`).
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = "## gtm check\n\n" + TextReporter(colour: false).summary(report) + "\n"
        guard !report.findings.isEmpty else { return out }
        out += "\n| severity | rule | where | finding |\n|---|---|---|---|\n"
        for f in report.findings {
            var finding = SafeText.markdown(f.message)
            for r in f.related {
                finding += "<br>↳ " + SafeText.code(r.location.description) + " " + SafeText.markdown(r.message)
            }
            out += "| \(f.severity.rawValue) | \(f.rule) | \(SafeText.code(f.location.description)) | \(finding) |\n"
        }
        return out
    }
}
