import ArgumentParser

/// `gtm generate-manual`: the man page, written from the command-line definitions themselves
/// (each command's help, as `--help` prints it), so that it cannot fall behind them. Hidden:
/// `make install` runs it.
struct ManualCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the man page gtm(1) in roff, from the command-line definitions.",
        shouldDisplay: false
    )

    static let examples = """
        gtm generate-manual > gtm.1 && man ./gtm.1
        """

    func run() throws {
        Output.write(Self.page())
    }

    static func page() -> String {
        let root = GTM.configuration
        var out = """
            .TH GTM 1 "" "gtm \(root.version)" "User Commands"
            .SH NAME
            gtm, gtm-log \\- \(roff(root.abstract))
            .SH SYNOPSIS
            .B gtm
            .I command
            .RI [ options ]
            .br
            .B gtm-log
            .RI [ options ]
            .SH DESCRIPTION
            gtm reads the YAML files in which a company keeps its go-to-market strategy and reports, with file, line and column, what is malformed and what does not hold together. It runs in the terminal, as a pre-commit hook and in CI. gtm-log is gtm log under its own name.
            .PP
            \(roff(root.discussion))
            .SH COMMANDS

            """
        for command in commands(root.subcommands, prefix: "gtm") {
            let config = command.type.configuration
            out += ".SS \(command.name)\n\(roff(config.abstract))\n.PP\n.nf\n"
            out += roff(Help.message(for: command.type, columns: 78)) + "\n.fi\n"
        }
        out += """
            .SH ENVIRONMENT
            .TP
            .B NO_COLOR
            When set and not empty, text output has no colour unless \\-\\-color always is given.
            .TP
            .B GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE
            Read as git sets them for hooks: they decide the repository and the index judged.
            .SH FILES
            .TP
            .I .gtm.yaml
            The settings, at the repository root.
            .TP
            .I strategy/
            The strategy folder, unless .gtm.yaml names another.
            .SH EXIT STATUS
            0 when no finding is an error, 1 when one is (or a warning under \\-\\-strict), 2 for a usage error, unreadable settings or an internal failure.

            """
        return out
    }

    /// Every command that is shown, depth first, with its full name.
    static func commands(_ types: [ParsableCommand.Type], prefix: String) -> [(name: String, type: ParsableCommand.Type)] {
        types.flatMap { type -> [(name: String, type: ParsableCommand.Type)] in
            let config = type.configuration
            guard config.shouldDisplay else { return [] }
            let name = prefix + " " + (config.commandName ?? "")
            return [(name, type)] + commands(config.subcommands, prefix: name)
        }
    }

    /// Text made safe for roff: backslashes escaped, and no line read as a request.
    static func roff(_ text: String) -> String {
        text.replacing("\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n").replacing("-", with: "\\-")
    }
}
