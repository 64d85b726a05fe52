import ArgumentParser
import GTMHistory
import GTMReport
import GTMSystem

struct BugsCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "bugs",
        abstract: "Follow each finding from the commit that introduced it to the one that fixed it.",
        discussion: "Replays the checks over the first-parent commits that touched the strategy. Open bugs first, oldest first; then the fixed ones and the median time to fix."
    )

    static let examples = """
        gtm bugs                    every finding's life over history
        gtm bugs --since v1.0       since a tag
        gtm bugs --format markdown
        """

    @Option(name: .long, help: "Only follow commits after this revision.")
    var since: String?

    @Option(name: .long, help: "Start from this revision instead of HEAD.")
    var rev: String = "HEAD"

    @Option(name: .long, help: ArgumentHelp(Formats.bugs.help))
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Count the age of open bugs up to this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        try Output.require(format, in: Formats.bugs, command: "bugs")
        let now = try today.map { (try LinterFactory.today($0)).day * 86400 } ?? ProcessServices.unixTime()
        let history = try HistorySession()
        let head = try history.commit(rev)
        let base = try since.map { try history.git.resolve($0) }
        let report = try gitStep { try BugTracker.run(history.reader, from: head.id, until: base, now: now) }
        KeptUntilExit.keep(report)
        Output.render(report, Formats.bugs, as: format)
    }
}
