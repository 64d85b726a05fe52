import GTMCore

/// `path:line:column: severity: message [rule]`, one finding a line, related places indented
/// below it, then a summary line: the format compilers use, so editors and CI logs link it.
/// Values are escaped so that a finding is always one line and never a terminal sequence.
public struct TextReporter: Reporter {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ report: Report) -> String {
        var out = ""
        for finding in report.findings {
            out += "\(SafeText.leadingPath(finding.location.description)): \(paint(finding.severity)): \(SafeText.line(finding.message)) [\(finding.rule)]\n"
            for related in finding.related {
                out += "    \(SafeText.line(related.location.description)): \(dim("note")): \(SafeText.line(related.message))\n"
            }
        }
        out += summary(report) + "\n"
        return out
    }

    public func summary(_ report: Report) -> String {
        let errors = report.count(.error), warnings = report.count(.warning), notes = report.count(.note)
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if notes > 0 { parts.append(plural(notes, "note")) }
        var line = parts.joined(separator: ", ") + " in " + plural(report.files.count, "file")
        if report.omittedFindings > 0 {
            line += " (\(plural(report.omittedFindings, "older finding")) left out)"
        }
        return line
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    private func paint(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }

    private func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}
