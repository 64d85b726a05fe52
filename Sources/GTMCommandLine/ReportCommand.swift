import ArgumentParser
import GTMCore
import GTMGit
import GTMHistory
import GTMLint
import GTMModel
import GTMReport
import GTMSystem

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the strategy as one page: the one-page strategy, the coherence check, the findings and the history.",
        discussion: """
            Reads the strategy in the working tree, or in a commit with --rev, and writes one self-contained page \
            (HTML that opens offline and prints, or Markdown for a wiki) to standard output or to --output. \
            In a repository the page adds the ICP's evolution, GTM bugs over time and the last changes in meaning. \
            A FOLDER given on the command line is reported without history.
            """
    )

    @Argument(help: "A strategy folder to report on instead of the repository's.")
    var folder: String?

    @Option(name: .long, help: "Report the strategy as it is in this commit.")
    var rev: String?

    @Option(name: .long, help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(Formats.report.help))
    var format: OutputFormat = .html

    @Option(name: .long, help: ArgumentHelp("Judge dates (review cadence, the age of open bugs) as of this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        try Output.require(format, in: Formats.report, command: "report")
        if folder != nil, rev != nil { throw CommandFailure(message: "a folder and --rev name different strategies; give one") }
        let date = try LinterFactory.today(today)
        let version = GTM.configuration.version
        let input: StrategyPage.Input
        if let rev {
            input = try atCommit(rev, today: date, version: version)
        } else {
            input = try inWorkingTree(today: date, version: version)
        }
        let page = StrategyPage(input)
        let text = Formats.report.render(page, as: format, context: RenderContext(toolVersion: version)) ?? ""
        if let output {
            do {
                try FileSystem.write(Array(text.utf8), to: FileSystem.absolute(output))
            } catch {
                throw CommandFailure(message: "cannot write the report to \(output): \(error.message)")
            }
        } else {
            Output.write(text)
        }
    }

    /// The strategy in the working tree (or a folder named on the command line), judged as
    /// `gtm check` judges it, with the history of the repository up to HEAD.
    private func inWorkingTree(today: CalendarDate, version: String) throws(CommandFailure) -> StrategyPage.Input {
        let session = try Session.open()
        let repository = folder == nil && session.isRepository
        let history = repository
            ? GitChangeHistory(directory: FileSystem.currentDirectory(), environment: GitSession.environment(), includeIndex: false, today: today)
            : nil
        let (linter, settingsFindings) = try LinterFactory.make(session, today: today, history: history)
        let strategyFolder = session.configuration.strategyFolder
        if folder == nil, FileSystem.exists(session.resolve(strategyFolder)), !WorkingTreeSnapshot(root: session.root).confined(strategyFolder) {
            throw CommandFailure(message: "the strategy folder \(session.display(strategyFolder)) is a link to a place outside the repository; gtm reads nothing outside it unless the path is given on the command line")
        }
        let target = folder ?? session.resolve(strategyFolder)
        let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: session.configuration.limits.maxFileSize)
        let (inputs, missing) = source.inputs(for: [target])
        if let first = missing.first { throw CommandFailure(message: "no such file or folder: \(first)") }
        let result = linter.lint(inputs)
        let past = repository ? try strategyHistory(from: "HEAD", today: today, optional: true) : nil
        let shown = folder.map { "the folder \($0)" } ?? "the working tree"
        return StrategyPage.Input(workspace: result.workspace, findings: session.configurationFindings + settingsFindings + result.findings,
                                  history: past, source: shown, today: today, toolVersion: version)
    }

    /// The strategy in a commit, judged by that commit's own settings and schemas.
    private func atCommit(_ rev: String, today: CalendarDate, version: String) throws(CommandFailure) -> StrategyPage.Input {
        var git = try GitSession.open(allowBare: true)
        let id = try git.resolve(rev)
        let session = try Session.open(snapshot: try git.snapshot(.commit(id)), root: git.workdir)
        git.configure(session.configuration, paths: [])
        let (linter, settingsFindings) = try LinterFactory.make(session, today: today)
        let result = linter.lint(try git.inputs(at: .commit(id)))
        let past = try strategyHistory(from: rev, today: today, optional: false)
        return StrategyPage.Input(workspace: result.workspace, findings: session.configurationFindings + settingsFindings + result.findings,
                                  history: past, source: "commit \(id.short)", today: today, toolVersion: version)
    }

    /// The history up to a revision; none in a repository without commits yet.
    private func strategyHistory(from rev: String, today: CalendarDate, optional: Bool) throws(CommandFailure) -> StrategyHistory? {
        let history = try HistorySession(today: self.today)
        if optional, try history.git.head() == nil { return nil }
        let head = try history.commit(rev)
        let now = self.today == nil ? ProcessServices.unixTime() : today.day * 86400
        return try gitStep { try StrategyHistory.run(history.reader, head: head, now: now) }
    }
}
