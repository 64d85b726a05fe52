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
    /// The command the words after the program name stand for, or nil to leave them to the
    /// parser.
    static func parse(_ arguments: [String]) -> (any ParsableCommand)? {
        switch arguments.first {
        case "check": check(arguments.dropFirst())
        case "validate": validate(arguments.dropFirst())
        // `gtm log` (and `gtm-log`) alone: a second run reads what the first kept in a few
        // milliseconds, of which building the parser would be a tenth.
        case "log" where arguments.count == 1: LogCommand.plain
        default: nil
        }
    }

    static func check(_ arguments: ArraySlice<String>) -> CheckCommand? {
        guard let words = Words(arguments, flags: ["--staged", "--hook"], options: ["--rev", "--new-from-rev"]),
              let report = words.report
        else { return nil }
        var command = CheckCommand()
        command.paths = words.positionals
        command.staged = words.flags.contains("--staged")
        command.hook = words.flags.contains("--hook")
        command.rev = words.values["--rev"]
        command.newFromRev = words.values["--new-from-rev"]
        command.report = report
        command.schema = words.schema
        return command
    }

    static func validate(_ arguments: ArraySlice<String>) -> ValidateCommand? {
        guard let words = Words(arguments, flags: [], options: ["--schema"]),
              let report = words.report, let schema = words.values["--schema"], !words.positionals.isEmpty
        else { return nil }
        var command = ValidateCommand()
        command.schema = schema
        command.files = words.positionals
        command.report = report
        command.schemaOptions = words.schema
        return command
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

        var report: ReportOptions? {
            guard let format = OutputFormat(rawValue: values["--format"] ?? "text"),
                  let colour = ColourChoice(rawValue: values["--color"] ?? "auto")
            else { return nil }
            var report = ReportOptions()
            report.format = format
            report.colour = colour
            report.strict = flags.contains("--strict")
            report.today = values["--today"]
            return report
        }

        var schema: SchemaOptions {
            var schema = SchemaOptions()
            schema.schemaMap = schemaMap
            schema.formatAssert = flags.contains("--format-assert")
            schema.defaultDraft = values["--default-draft"]
            return schema
        }
    }
}
