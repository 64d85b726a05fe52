import GTMReport

/// The arguments of `gtm check` read without the argument parser, for the pre-commit hook.
///
/// Building the parser's model of thirteen commands (reflection over every option, and the
/// runtime's first look-up of each protocol conformance) cost a fifth of a whole `gtm check`
/// (13.5 M of 68 M instructions). The hook runs on every commit with a few plain flags, so
/// those are read here; anything else (help, a misspelt flag, a value the parser would refuse,
/// a repeated flag, `--`) returns nil and the full parser reads the command, with its messages.
/// `QuickCheckArgumentsTests` holds both readers to the same result on every form this accepts.
enum QuickCheckArguments {
    /// The `check` command the words after the program name stand for, or nil to leave them
    /// to the parser.
    static func parse(_ arguments: [String]) -> CheckCommand? {
        guard arguments.first == "check" else { return nil }
        var paths: [String] = []
        var flags: Set<String> = []
        var values: [String: String] = [:]
        var schemaMap: [String] = []
        var words = arguments.dropFirst()
        while let word = words.popFirst() {
            if word == "-" || !word.hasPrefix("-") {
                // `help` may be read as a request for help; a path of that name goes the long way.
                guard word != "help" else { return nil }
                paths.append(word)
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

        var report = ReportOptions()
        guard let format = OutputFormat(rawValue: values["--format"] ?? "text"),
              let colour = ColourChoice(rawValue: values["--color"] ?? "auto")
        else { return nil }
        report.format = format
        report.colour = colour
        report.strict = flags.contains("--strict")
        report.today = values["--today"]

        var schema = SchemaOptions()
        schema.schemaMap = schemaMap
        schema.formatAssert = flags.contains("--format-assert")
        schema.defaultDraft = values["--default-draft"]

        var command = CheckCommand()
        command.paths = paths
        command.staged = flags.contains("--staged")
        command.hook = flags.contains("--hook")
        command.rev = values["--rev"]
        command.newFromRev = values["--new-from-rev"]
        command.report = report
        command.schema = schema
        return command
    }

    static let flagNames: Set = ["--staged", "--hook", "--strict", "--format-assert"]
    static let optionNames: Set = ["--rev", "--new-from-rev", "--format", "--today", "--color", "--schema-map", "--default-draft"]
}
