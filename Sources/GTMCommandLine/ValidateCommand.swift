import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate any YAML or JSON files against one JSON Schema."
    )

    @Option(name: .long, help: "The schema file (JSON or YAML).")
    var schema: String

    @Argument(help: "Files to validate; - reads standard input.")
    var files: [String]

    @OptionGroup var report: ReportOptions
    @OptionGroup var schemaOptions: SchemaOptions

    func run() throws {
        throw CommandFailure(message: "validate: pending")
    }
}
