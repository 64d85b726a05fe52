import ArgumentParser
import GTMHistory
import GTMReport
import GTMSystem

struct BugsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bugs",
        abstract: "Follow each finding from the commit that introduced it to the one that fixed it.",
        discussion: "Replays the checks over the first-parent commits that touched the strategy. Open bugs first, oldest first; then the fixed ones and the median time to fix."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(name: .long, help: "Only follow commits after this revision.")
    var since: String?

    @Option(name: .long, help: "Start from this revision instead of HEAD.")
    var rev: String = "HEAD"

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: Format = .text

    func run() throws {
        let history = try HistorySession()
        let head = try history.commit(rev)
        let base = try since.map { try history.git.resolve($0) }
        let report = try gitStep { try BugTracker.run(history.reader, from: head.id, until: base, now: ProcessServices.unixTime()) }
        switch format {
        case .text: Output.write(BugRenderer.text(report))
        case .json: Output.write(BugRenderer.json(report))
        case .markdown: Output.write(BugRenderer.markdown(report))
        }
    }
}
