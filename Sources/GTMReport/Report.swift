import GTMCore

/// What a check produced: the findings, and each file looked at with whether it is valid.
/// Reporters are pure functions of this value.
public struct Report: Sendable {
    public struct FileStatus: Sendable, Hashable {
        public var path: String
        public var valid: Bool
        public init(path: String, valid: Bool) {
            self.path = path
            self.valid = valid
        }
    }

    public var findings: [Finding]
    public var files: [FileStatus]
    /// Findings that were left out because they already existed at a base revision.
    public var omittedFindings: Int

    public init(findings: [Finding], files: [FileStatus], omittedFindings: Int = 0) {
        self.findings = findings.sorted()
        self.files = files.sorted { $0.path < $1.path }
        self.omittedFindings = omittedFindings
    }

    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

/// A reporter turns a report into text; one per format.
public protocol Reporter {
    func render(_ report: Report) -> String
}
