import GTMCore
import GTMModel
import YAMLSource

/// Turns YAML-level problems into findings, the one place their rule ids and severities live.
public enum YAMLFindings {
    public static func finding(for problem: YAMLProblem, path: String, source: [UInt8]? = nil) -> Finding {
        var related: [RelatedLocation] = []
        if let mark = problem.related {
            related.append(RelatedLocation(
                location: SourceLocation(path: path, line: mark.line, column: mark.column),
                message: problem.relatedMessage ?? ""
            ))
        }
        return Finding(
            rule: problem.kind.rawValue,
            severity: .error,
            message: problem.message + (source.flatMap { flowColonHint(problem, source: $0) } ?? ""),
            location: SourceLocation(path: path, line: problem.mark.line, column: problem.mark.column),
            related: related
        )
    }

    /// A colon that ended a key inside a flow mapping (`{role: CFO, note: signs: approves}`):
    /// libyaml stops at the second colon; the value that holds it needs quotes.
    static func flowColonHint(_ problem: YAMLProblem, source: [UInt8]) -> String? {
        guard problem.kind == .syntax, problem.message.contains("flow mapping") else { return nil }
        let lines = source.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.indices.contains(problem.mark.line - 1) else { return nil }
        let line = Array(String(decoding: lines[problem.mark.line - 1], as: UTF8.self))
        let at = problem.mark.column - 1
        guard line.indices.contains(at), line[at] == ":" else { return nil }
        var start = at
        while start > 0, line[start - 1] != ",", line[start - 1] != "{" { start -= 1 }
        var end = at
        while end < line.count, line[end] != ",", line[end] != "}" { end += 1 }
        let entry = String(line[start..<end]).trimmingCharacters(in: " ")
        guard let colon = entry.firstRange(of: ": ") else { return nil }
        let key = String(entry[..<colon.lowerBound]), value = String(entry[colon.upperBound...]).trimmingCharacters(in: " ")
        guard !key.isEmpty, !value.isEmpty, !value.contains("\"") else { return nil }
        return "; inside `{…}` a colon followed by a space ends a key, so quote a value that holds one: `\(key): \"\(value)\"`"
    }
}
