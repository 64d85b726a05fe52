import ArgumentParser
import GTMGit
import GTMSystem

/// The entry point both executables share. Exit codes are the linter's contract: 0 clean,
/// 1 findings that fail the check, 2 usage errors, unreadable settings or internal failures.
public enum GTMMain {
    public static func run(toolName: String) -> Never {
        Allocator.keepFreedMemory()
        var arguments = Array(CommandLine.arguments.dropFirst())
        if toolName == "gtm-log" { arguments.insert("log", at: 0) }
        // Commands that will read git start libgit2's set-up on the other core right away. Not
        // `gtm log`: a second run is answered without libgit2 (`LogCommand.remembered`), and a
        // first one asks for the repository before it has anything else to do.
        let readsGit: Set = ["--staged", "--hook", "--rev", "--new-from-rev", "diff", "bugs", "review", "hook", "report"]
        if arguments.contains(where: { readsGit.contains($0) || $0.hasPrefix("--rev=") || $0.hasPrefix("--new-from-rev=") }) {
            GitRepository.warmUp()
        }
        do {
            if let command = QuickArguments.parse(arguments) {
                try command.run()
            } else {
                var command = try GTM.parseAsRoot(arguments)
                try command.run()
            }
            Output.finish(0)
        } catch let exit as ExitStatus {
            Output.finish(exit.code)
        } catch let failure as CommandFailure {
            Output.error("\(toolName): \(failure.message)")
            Output.finish(2)
        } catch {
            let code = GTM.exitCode(for: error)
            if code == .success {
                Output.write(Help.withExamples(GTM.fullMessage(for: error), arguments: arguments) + "\n")
                Output.finish(0)
            }
            Output.error(GTM.fullMessage(for: error))
            Output.finish(2)
        }
    }
}

/// Ends the command with a status after its output is written.
struct ExitStatus: Error {
    var code: Int32
}

/// A failure of the tool itself or of its input outside any file (bad flags, unreadable
/// settings): one line on standard error, exit 2.
struct CommandFailure: Error {
    var message: String
}

struct GTM: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "gtm",
        abstract: "Lint a go-to-market strategy kept as YAML in git.",
        discussion: "Exit status: 0 when no finding is an error, 1 when one is, 2 for usage errors, unreadable settings or internal failures.",
        version: "0.1.0",
        subcommands: [InitCommand.self, CheckCommand.self, MigrateCommand.self, SchemaCommand.self, ValidateCommand.self, RulesCommand.self, DiffCommand.self, LogCommand.self, BugsCommand.self, ReviewCommand.self, ReportCommand.self, HookCommand.self, ManualCommand.self]
    )

    static let examples = """
        gtm init                  start a strategy folder, answering questions
        gtm check                 check the strategy folder
        gtm schema Strategy       what a Strategy may hold
        gtm rules GTM201          why a rule exists
        gtm review --base main    review a strategy change
        """
}

/// A command whose `--help` ends with examples: lines of a command and what it does, printed
/// as they are written (the discussion above them is wrapped to the terminal; these are not).
protocol Exemplified {
    static var examples: String { get }
}

enum Help {
    /// The help of the command the arguments name, with its examples at the end.
    static func withExamples(_ message: String, arguments: [String]) -> String {
        guard message.contains("USAGE:"), let command = command(named: arguments) else { return message }
        return examples(message, command)
    }

    /// A command's help as `--help` prints it.
    static func message(for type: ParsableCommand.Type, columns: Int? = nil) -> String {
        examples(GTM.helpMessage(for: type, columns: columns), type)
    }

    static func examples(_ message: String, _ type: ParsableCommand.Type) -> String {
        guard let exemplified = type as? Exemplified.Type else { return message }
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        return text + "\n\nEXAMPLES:\n" + exemplified.examples.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    /// The deepest command the words before the first option name (`gtm help hook install`,
    /// `gtm hook install --help`).
    static func command(named arguments: [String]) -> ParsableCommand.Type? {
        var current: ParsableCommand.Type = GTM.self
        var found = false
        for word in arguments where !word.hasPrefix("-") {
            if word == "help", !found { continue }
            guard let next = current.configuration.subcommands.first(where: { $0.configuration.commandName == word }) else { break }
            current = next
            found = true
        }
        return found ? current : GTM.self
    }
}
