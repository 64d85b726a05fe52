import ArgumentParser

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show how the ICP evolved, commit by commit (also installed as gtm-log)."
    )

    @Argument(help: "A segment id or a path.")
    var target: String?

    func run() throws {
        Output.error("gtm log: not yet available in this version; it arrives with the history commands")
        throw ExitStatus(code: 2)
    }
}
