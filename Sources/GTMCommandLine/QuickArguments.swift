import ArgumentParser
import GTMReport

/// The arguments of `gtm check`, `gtm validate` and a plain `gtm log` read without the
/// argument parser.
///
/// Building the parser's model of thirteen commands (reflection over every option, and the
/// runtime's first look-up of each protocol conformance) cost a fifth of a whole `gtm check`
/// (13.5 M of 68 M instructions). The pre-commit hook runs `gtm check --staged` on every
/// commit, and `gtm validate` is run by hooks and CI over many files: their plain forms are
/// read here. Anything else (help, a misspelt flag, a value the parser would refuse, a
/// repeated flag, `--`, a missing argument) returns nil, and the full parser reads the command
/// with its messages. `QuickArgumentsTests` holds both readers to the same result on every
/// form this accepts.
enum QuickArguments {
    /// A command read without the parser, ready to run.
    enum Command {
        case check(CheckRun)
        case validate(ValidateRun)
        case log(LogCommand)

        func run() throws {
            switch self {
            case .check(let run): try run.run()
            case .validate(let run): try run.run()
            case .log(let command): try command.run()
            }
        }
    }

    /// The command the words after the program name stand for, or nil to leave them to the
    /// parser.
    static func parse(_ arguments: [String]) -> Command? {
        switch arguments.first {
        case "check": check(arguments.dropFirst()).map(Command.check)
        case "validate": validate(arguments.dropFirst()).map(Command.validate)
        // `gtm log` (and `gtm-log`) alone: a second run reads what the first kept in a few
        // milliseconds, of which building the parser would be a tenth.
        case "log" where arguments.count == 1: .log(LogCommand.plain)
        default: nil
        }
    }

    static func check(_ arguments: ArraySlice<String>) -> CheckRun? {
        guard let words = Words(arguments, flags: ["--staged", "--hook"], options: ["--rev", "--new-from-rev"]),
              let report = words.report
        else { return nil }
        var run = CheckRun()
        run.paths = words.positionals
        run.staged = words.flags.contains("--staged")
        run.hook = words.flags.contains("--hook")
        run.rev = words.values["--rev"]
        run.newFromRev = words.values["--new-from-rev"]
        run.report = report
        run.schema = words.schema
        return run
    }

    static func validate(_ arguments: ArraySlice<String>) -> ValidateRun? {
        guard let words = Words(arguments, flags: [], options: ["--schema"]),
              let report = words.report, let schema = words.values["--schema"], !words.positionals.isEmpty
        else { return nil }
        var run = ValidateRun(schema: schema, files: words.positionals)
        run.report = report
        run.schemaOptions = words.schema
        return run
    }

    /// The words of one command: positionals, flags given once, options given once (but
    /// `--schema-map`, which repeats), each as the parser would read them or not at all.
    struct Words {
        var positionals: [String] = []
        var flags: Set<String> = []
        var values: [String: String] = [:]
        var schemaMap: [String] = []

        /// Flags and options every findings command has (`ReportOptions`, `SchemaOptions`).
        static let sharedFlags: Set = ["--strict", "--format-assert"]
        static let sharedOptions: Set = ["--format", "--today", "--color", "--schema-map", "--default-draft"]

        init?(_ arguments: ArraySlice<String>, flags flagNames: Set<String>, options optionNames: Set<String>) {
            let flagNames = flagNames.union(Self.sharedFlags), optionNames = optionNames.union(Self.sharedOptions)
            var words = arguments
            while let word = words.popFirst() {
                if word == "-" || !word.hasPrefix("-") {
                    // `help` may be read as a request for help; a path of that name goes the long way.
                    guard word != "help" else { return nil }
                    positionals.append(word)
                    continue
                }
                var name = word, value: String?
                if let equals = word.firstIndex(of: "=") {
                    name = String(word[..<equals])
                    value = String(word[word.index(after: equals)...])
                }
                if flagNames.contains(name) {
                    guard value == nil, flags.insert(name).inserted else { return nil }
                    continue
                }
                guard optionNames.contains(name) else { return nil }
                if value == nil {
                    guard let next = words.popFirst(), !next.hasPrefix("-") else { return nil }
                    value = next
                }
                // The parser refuses `--today=`; an empty value is left to it either way.
                guard let value, !value.isEmpty else { return nil }
                if name == "--schema-map" {
                    schemaMap.append(value)
                } else {
                    guard values.updateValue(value, forKey: name) == nil else { return nil }
                }
            }
        }

        var report: ReportSettings? {
            guard let format = OutputFormat(rawValue: values["--format"] ?? "text"),
                  let colour = ColourChoice(rawValue: values["--color"] ?? "auto")
            else { return nil }
            return ReportSettings(format: format, strict: flags.contains("--strict"), today: values["--today"], colour: colour)
        }

        var schema: SchemaSettings {
            SchemaSettings(schemaMap: schemaMap, formatAssert: flags.contains("--format-assert"), defaultDraft: values["--default-draft"])
        }
    }
}
