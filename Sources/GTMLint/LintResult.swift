import GTMCore
import GTMModel

/// What the pipeline found: findings in print order, every file looked at, and the workspace
/// the rules saw (the history commands reuse it).
public struct LintResult: Sendable {
    public var findings: [Finding]
    public internal(set) var paths: [String]
    public var workspace: Workspace

    public init(findings: [Finding], paths: [String], workspace: Workspace) {
        self.findings = findings.sorted()
        self.paths = paths.sorted()
        self.workspace = workspace
    }

    /// A file is valid when no finding in it is an error.
    public func isValid(_ path: String) -> Bool {
        !findings.contains { $0.location.path == path && $0.severity == .error }
    }
}
