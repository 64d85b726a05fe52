import ArgumentParser
import GTMCore
import GTMHistory
import GTMModel
import GTMReport

struct LogCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show how the ICP evolved, commit by commit (also installed as gtm-log).",
        discussion: "Follows the beachhead segments by default, by kind and id, so renames and moves do not lose them. First-parent history unless --all-parents."
    )

    static let examples = """
        gtm log                                   the beachhead, commit by commit
        gtm log platform-teams --since 2026-01-01
        gtm log strategy/strategy.yaml --field /pricing/acv
        gtm-log --max-count 10
        """

    @Argument(help: "A segment id, or a path to a strategy file, to follow instead of the beachhead.")
    var target: String?

    @Option(name: .long, help: "Only changes at or under this JSON Pointer, e.g. /accounts/estimated.")
    var field: String?

    @Option(name: .long, help: "Only commits on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(name: .customLong("max-count"), help: "Show at most this many commits.")
    var maxCount: Int?

    @Option(name: .long, help: "Start from this revision instead of HEAD.")
    var rev: String = "HEAD"

    @Flag(name: .customLong("all-parents"), help: "Follow every parent of merges, not only the first.")
    var allParents = false

    @Option(name: .long, help: ArgumentHelp(Formats.log.help))
    var format: OutputFormat = .text

    func run() throws {
        try Output.require(format, in: Formats.log, command: "log")
        let history = try HistorySession()
        let head = try history.commit(rev)
        let pointer: JSONPointer?
        if let field {
            guard let p = JSONPointer(parsing: field) else { throw CommandFailure(message: "--field expects a JSON Pointer such as /accounts/estimated, got \"\(field)\"") }
            pointer = p
        } else {
            pointer = nil
        }
        var sinceTime: Int?
        if let since {
            guard let date = CalendarDate(iso: since) else { throw CommandFailure(message: "--since expects a date YYYY-MM-DD, got \"\(since)\"") }
            sinceTime = date.day * 86400
        }
        let workspace = try gitStep { try history.reader.workspace(head) }
        let documents = try followed(in: workspace)
        let result = try gitStep {
            try ICPLog.run(history.reader, from: head.id, target: ICPLog.Target(documents: documents, field: pointer),
                           firstParent: !allParents, maxCount: maxCount, since: sinceTime)
        }
        Output.render(result, Formats.log, as: format)
    }

    /// The documents to follow: a segment by id, the documents of a file, or the beachhead.
    private func followed(in workspace: Workspace) throws(CommandFailure) -> [(DocumentKind, String)] {
        if let target {
            let byPath = workspace.documents.filter { $0.path == target || $0.path.hasSuffix("/" + target) }
            if !byPath.isEmpty { return byPath.compactMap { d in d.id.map { (d.kind, $0) } } }
            if let doc = workspace.documents.first(where: { $0.id == target }) { return [(doc.kind, target)] }
            throw CommandFailure(message: "no document with id \"\(target)\" or file \(target) in the strategy at \(rev)")
        }
        guard let strategy = workspace.strategy else { throw CommandFailure(message: "no Strategy at \(rev); name a segment id to follow") }
        let ids = strategy.root["beachhead"]?.strings ?? []
        guard !ids.isEmpty else { throw CommandFailure(message: "the strategy at \(rev) names no beachhead; name a segment id to follow") }
        return ids.map { (.segment, $0) }
    }
}
