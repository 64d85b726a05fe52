import GTMCore
import GTMModel

/// What the pipeline found: findings in print order, every file looked at, and the workspace
/// the rules saw (the history commands reuse it).
public struct LintResult: Sendable {
    public var findings: [Finding] {
        didSet { invalidPaths = Self.invalidPaths(in: findings) }
    }
    public internal(set) var paths: [String]
    public var workspace: Workspace
    /// The paths with an error, grouped once: asking about every file stays linear.
    private var invalidPaths: Set<String>

    public init(findings: [Finding], paths: [String], workspace: Workspace) {
        self.findings = findings.sorted()
        self.paths = paths.sorted()
        self.workspace = workspace
        self.invalidPaths = Self.invalidPaths(in: findings)
    }

    /// A file is valid when no finding in it is an error.
    public func isValid(_ path: String) -> Bool {
        !invalidPaths.contains(path)
    }

    /// The paths that hold an error finding, in one pass over the findings (searching the
    /// findings once per file made a run over thousands of invalid files quadratic).
    public static func invalidPaths(in findings: [Finding]) -> Set<String> {
        var paths = Set<String>()
        for finding in findings where finding.severity == .error { paths.insert(finding.location.path) }
        return paths
    }
}
