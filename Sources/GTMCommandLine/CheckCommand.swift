import ArgumentParser
import GTMCore
import GTMLint
import GTMReport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check strategy files: YAML, schemas, and coherence.",
        discussion: "With no PATH, checks the strategy folder (`strategy/` under the repository root, or `strategy:` in .gtm.yaml)."
    )

    @Argument(help: "Files or folders to check.")
    var paths: [String] = []

    @OptionGroup var report: ReportOptions
    @OptionGroup var schema: SchemaOptions

    func run() throws {
        var session = try Session.open()
        try session.apply(schema)
        let targets = paths.isEmpty ? [session.resolve(session.configuration.strategyFolder)] : paths
        let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: session.configuration.limits.maxFileSize)
        let (inputs, missing) = source.inputs(for: targets)
        if let first = missing.first {
            throw CommandFailure(message: "no such file or folder: \(first)")
        }
        let (linter, settingsFindings) = try LinterFactory.make(session, today: try LinterFactory.today(report.today))
        let result = linter.lint(inputs)
        let findings = session.configurationFindings + settingsFindings + result.findings
        let files = result.paths.map { Report.FileStatus(path: $0, valid: result.isValid($0)) }
        try session.finish(Report(findings: findings, files: files), options: report)
    }
}
