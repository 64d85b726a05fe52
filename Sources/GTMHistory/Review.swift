import GTMCore
import GTMGit
import GTMLint
import GTMModel
import GTMRules

/// What a reviewer of a strategy change needs: the changes in meaning, the findings the change
/// introduces and fixes, and the findings of the rules about changes.
public struct Review: Sendable {
    public var base: CommitInfo
    public var head: CommitInfo
    /// The strategy on each side, for showing what the change does to it in words.
    public var before: Workspace
    public var after: Workspace
    public var changes: [SemanticChange]
    public var introduced: [Finding]
    /// Findings whose subject is still there and now passes.
    public var fixed: [Finding]
    /// Findings that went away because the change removed or replaced what they judged.
    public var noLongerApplies: [Finding]
    public var diffFindings: [Finding]
    /// What the change does to the rules that judge it: rules turned off, thresholds relaxed,
    /// waivers added, schemas changed; and, as errors, what those changes let through.
    public var settingsFindings: [Finding]

    /// The change makes things worse: it introduces an error, a rule about changes says so, or
    /// it changes the settings so that an error goes unreported.
    public var failsReview: Bool {
        (introduced + diffFindings + settingsFindings).contains { $0.severity == .error }
    }

    public static func run(_ reader: HistoryReader, base: CommitInfo, head: CommitInfo) throws -> Review {
        let before = try reader.state(base), after = try reader.state(head)
        let changes = SemanticDiff.changes(from: before.workspace, to: after.workspace)
        let gone = Baseline.newFindings(before.findings, base: after.findings).new
        let resolutions = gone.map { Resolution.of($0, before: before.workspace, after: after.workspace, changes: changes) }
        return Review(
            base: base, head: head, before: before.workspace, after: after.workspace, changes: changes,
            introduced: Baseline.newFindings(after.findings, base: before.findings).new,
            fixed: zip(gone, resolutions).filter { $0.1 == .fixed }.map(\.0),
            noLongerApplies: zip(gone, resolutions).filter { $0.1 == .noLongerApplies }.map(\.0),
            diffFindings: reader.linters.linter(for: head).checkChange(
                from: before.workspace, to: after.workspace, changes: changes,
                today: CalendarDate(unixTime: head.committer.time)).sorted(),
            settingsFindings: try settingsFindings(reader, base: base, head: head, after: after).sorted())
    }

    /// Each side is judged by its own settings; the difference between them is reported, and
    /// the head is judged by the base's settings too, so an error hidden by a loosening shows.
    static func settingsFindings(_ reader: HistoryReader, base: CommitInfo, head: CommitInfo, after: LintResult) throws(GitError) -> [Finding] {
        let baseLinter = reader.linters.linter(for: base), headLinter = reader.linters.linter(for: head)
        let settingsPath = reader.display(Configuration.fileName)
        var findings = SettingsDiff.loosenings(
            base: baseLinter.rules?.rules ?? [], head: headLinter.rules?.rules ?? [],
            baseWaivers: baseLinter.waivers, headWaivers: headLinter.waivers, settingsPath: settingsPath)
        let baseSchemas = reader.linters.schemasID(for: base), headSchemas = reader.linters.schemasID(for: head)
        if baseSchemas != headSchemas {
            findings.append(Finding(
                rule: ToolCheck.settingsLoosened.id, severity: .warning,
                message: "this change changes the schemas that judge every strategy document; review them as closely as the strategy",
                location: .file(settingsPath)))
        }
        guard !findings.isEmpty else { return [] }
        let underBase = try reader.state(head, judgedAs: base)
        for hidden in Baseline.newFindings(underBase.findings, base: after.findings).new where hidden.severity == .error {
            var finding = hidden
            finding.rule = ToolCheck.settingsLoosened.id
            finding.message = "hidden by this change's settings: \(hidden.message) [\(hidden.rule)]"
            findings.append(finding)
        }
        return findings
    }
}
