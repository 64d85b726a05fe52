import ArgumentParser
import GTMHistory
import GTMReport

struct ReviewCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a strategy change: changes in meaning, findings introduced and fixed, rules about changes.",
        discussion: "Exit status 1 when the change introduces an error. Formats: markdown (a pull-request comment), github (workflow annotations), sarif (code scanning), json, text."
    )

    static let examples = """
        gtm review --base main
        gtm review --base origin/main --format markdown > review.md
        gtm review --base HEAD~3 --head HEAD --format sarif > review.sarif
        """

    @Option(name: .long, help: "The revision the change starts from (the pull request's base).")
    var base: String

    @Option(name: .long, help: "The revision with the change.")
    var head: String = "HEAD"

    @Option(name: .long, help: ArgumentHelp(Formats.review.help))
    var format: OutputFormat = .text

    func run() throws {
        try Output.require(format, in: Formats.review, command: "review")
        let history = try HistorySession()
        let baseCommit = try history.commit(base), headCommit = try history.commit(head)
        let review = try gitStep { try Review.run(history.reader, base: baseCommit, head: headCommit) }
        Output.render(review, Formats.review, as: format)
        if review.failsReview { throw ExitStatus(code: 1) }
    }
}
