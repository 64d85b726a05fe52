import ArgumentParser
import GTMHistory
import GTMReport

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a strategy change: changes in meaning, findings introduced and fixed, rules about changes.",
        discussion: "Exit status 1 when the change introduces an error. Formats: markdown (a pull-request comment), github (workflow annotations), sarif (code scanning), json, text."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, github, sarif, json }

    @Option(name: .long, help: "The revision the change starts from (the pull request's base).")
    var base: String

    @Option(name: .long, help: "The revision with the change.")
    var head: String = "HEAD"

    @Option(name: .long, help: "Output format: text, markdown, github, sarif or json.")
    var format: Format = .text

    func run() throws {
        let history = try HistorySession()
        let baseCommit = try history.commit(base), headCommit = try history.commit(head)
        let review = try gitStep { try Review.run(history.reader, base: baseCommit, head: headCommit) }
        switch format {
        case .text: Output.write(ReviewRenderer.text(review))
        case .markdown: Output.write(ReviewRenderer.markdown(review))
        case .json: Output.write(ReviewRenderer.json(review))
        case .github: Output.write(ReviewRenderer.github(review))
        case .sarif: Output.write(ReviewRenderer.sarif(review, rules: RuleMetadataCatalog.all, version: GTM.configuration.version))
        }
        if review.failsReview { throw ExitStatus(code: 1) }
    }
}
