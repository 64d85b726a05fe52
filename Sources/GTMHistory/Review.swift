import GTMCore
import GTMGit
import GTMLint
import GTMModel

/// What a reviewer of a strategy change needs: the changes in meaning, the findings the change
/// introduces and fixes, and the findings of the rules about changes.
public struct Review: Sendable {
    public var base: CommitInfo
    public var head: CommitInfo
    public var changes: [SemanticChange]
    public var introduced: [Finding]
    public var fixed: [Finding]
    public var diffFindings: [Finding]

    /// The change makes things worse: it introduces an error, or a rule about changes says so.
    public var failsReview: Bool {
        (introduced + diffFindings).contains { $0.severity == .error }
    }

    public static func run(_ reader: HistoryReader, base: CommitInfo, head: CommitInfo) throws -> Review {
        let before = try reader.state(base), after = try reader.state(head)
        let changes = SemanticDiff.changes(from: before.workspace, to: after.workspace)
        return Review(
            base: base, head: head, changes: changes,
            introduced: Baseline.newFindings(after.findings, base: before.findings).new,
            fixed: Baseline.newFindings(before.findings, base: after.findings).new,
            diffFindings: reader.linters.linter(for: head).checkChange(
                from: before.workspace, to: after.workspace, changes: changes,
                today: CalendarDate(unixTime: head.committer.time)).sorted())
    }
}
