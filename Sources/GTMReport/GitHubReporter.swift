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
            var message = f.message
            for r in f.related { message += "\n\(r.location): \(r.message)" }
            out += "::\(command) file=\(escapeProperty(f.location.path)),line=\(f.location.line),col=\(f.location.column),title=\(escapeProperty(f.rule))::\(escapeData(message))\n"
        }
        return out
    }

    /// Escaping as the workflow-command format defines it.
    func escapeData(_ s: String) -> String {
        s.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    func escapeProperty(_ s: String) -> String {
        escapeData(s).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
