import ArgumentParser
import GTMGit

/// The entry point both executables share. Exit codes are the linter's contract: 0 clean,
/// 1 findings that fail the check, 2 usage errors, unreadable settings or internal failures.
public enum GTMMain {
    public static func run(toolName: String) -> Never {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if toolName == "gtm-log" { arguments.insert("log", at: 0) }
        // Commands that will read git start libgit2's set-up on the other core right away.
        let readsGit: Set = ["--staged", "--hook", "--rev", "--new-from-rev", "diff", "log", "bugs", "review", "hook", "report"]
        if arguments.contains(where: { readsGit.contains($0) || $0.hasPrefix("--rev=") || $0.hasPrefix("--new-from-rev=") }) {
            GitRepository.warmUp()
        }
        do {
            var command = try GTM.parseAsRoot(arguments)
            try command.run()
            Output.finish(0)
        } catch let exit as ExitStatus {
            Output.finish(exit.code)
        } catch let failure as CommandFailure {
            Output.error("\(toolName): \(failure.message)")
            Output.finish(2)
        } catch {
            let code = GTM.exitCode(for: error)
            if code == .success {
                Output.write(GTM.fullMessage(for: error) + "\n")
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

struct GTM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtm",
        abstract: "Lint a go-to-market strategy kept as YAML in git.",
        discussion: "Exit status: 0 when no finding is an error, 1 when one is, 2 for usage errors, unreadable settings or internal failures.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, ValidateCommand.self, RulesCommand.self, DiffCommand.self, LogCommand.self, BugsCommand.self, ReviewCommand.self, ReportCommand.self, HookCommand.self]
    )
}
