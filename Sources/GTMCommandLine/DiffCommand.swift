import ArgumentParser
import GTMCore
import GTMHistory
import GTMModel
import GTMReport

struct DiffCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the strategy between revisions by meaning, not by lines.",
        discussion: "With no revision: HEAD against the working tree; one: that revision against the working tree; two: the first against the second. Reordering is not a change; moved documents are moves."
    )

    static let examples = """
        gtm diff                  HEAD against the working tree
        gtm diff --staged         HEAD against the index
        gtm diff main            main against the working tree
        gtm diff HEAD~5 HEAD      between two commits
        """

    @Argument(help: "Revisions to compare.")
    var revisions: [String] = []

    @Flag(name: .long, help: "Compare HEAD with the index instead of the working tree.")
    var staged = false

    @Option(name: .long, help: ArgumentHelp(Formats.diff.help))
    var format: OutputFormat = .text

    func run() throws {
        try Output.require(format, in: Formats.diff, command: "diff")
        guard revisions.count <= 2 else { throw CommandFailure(message: "gtm diff takes at most two revisions") }
        let history = try HistorySession()
        let before = try history.workspace(.commit(revisions.first ?? "HEAD"))
        let after: HistorySession.Side = revisions.count == 2 ? .commit(revisions[1]) : (staged ? .index : .workingTree)
        let changes = SemanticDiff.changes(from: before, to: try history.workspace(after))
        Output.render(changes, Formats.diff, as: format)
    }
}
