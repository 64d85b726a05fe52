import GTMCore
import YAMLSource

/// Turns YAML-level problems into findings, the one place their rule ids and severities live.
public enum YAMLFindings {
    public static func finding(for problem: YAMLProblem, path: String) -> Finding {
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
            message: problem.message,
            location: SourceLocation(path: path, line: problem.mark.line, column: problem.mark.column),
            related: related
        )
    }
}
