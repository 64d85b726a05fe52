import GTMCore

/// GitHub Actions workflow commands: each finding becomes an inline annotation on the pull
/// request (`::error file=…,line=…,col=…,title=…::message`).
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for f in report.findings {
            let command = switch f.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var message = SafeText.line(f.message)
            for r in f.related { message += "\n\(SafeText.line(r.location.description)): \(SafeText.line(r.message))" }
            out += "::\(command) file=\(SafeText.workflowProperty(f.location.path)),line=\(f.location.line),col=\(f.location.column),title=\(SafeText.workflowProperty(f.rule))::\(SafeText.workflowData(message))\n"
        }
        return out
    }
}
