import GTMCore

/// GitHub Actions workflow commands: each finding becomes an inline annotation on the pull
/// request (`::error file=…,line=…,col=…,title=…::message`).
/// Paths are the repository root's, as GitHub resolves them, whatever folder gtm ran in.
public struct GitHubReporter: Reporter {
    public var fromRoot: @Sendable (String) -> String

    public init(fromRoot: @escaping @Sendable (String) -> String = { $0 }) { self.fromRoot = fromRoot }

    public func render(_ report: Report) -> String {
        var out = ""
        for f in report.findings {
            let command = switch f.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var message = SafeText.line(f.message)
            for r in f.related { message += "\n\(SafeText.line(fromRoot(r.location.path))):\(r.location.line):\(r.location.column): \(SafeText.line(r.message))" }
            out += "::\(command) file=\(SafeText.workflowProperty(fromRoot(f.location.path))),line=\(f.location.line),col=\(f.location.column),title=\(SafeText.workflowProperty(f.rule))::\(SafeText.workflowData(message))\n"
        }
        return out
    }
}
