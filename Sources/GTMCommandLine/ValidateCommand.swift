import ArgumentParser
import GTMCore
import GTMLint
import GTMReport
import GTMSystem

struct ValidateCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate any YAML or JSON files against one JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12).",
        discussion: "Files ending in .json are read as JSON, others as YAML (every document of a multi-document file is validated). Folders are searched for .yaml, .yml and .json files. `-` reads standard input as YAML. The schema is read by the draft its `$schema` names; one without `$schema` by --default-draft (2020-12 unless told otherwise)."
    )

    static let examples = """
        gtm validate --schema schemas/Segment.schema.json strategy/segments/
        gtm validate --schema vendor/schema.json --format-assert data.yaml
        gtm validate --schema legacy.schema.json --default-draft 7 config.yaml
        cat segment.yaml | gtm validate --schema schemas/Segment.schema.json -
        """

    @Option(name: .long, help: "The schema file (JSON, or YAML by extension).")
    var schema: String

    @Argument(help: "Files or folders to validate; - reads standard input.")
    var files: [String]

    @OptionGroup var report: ReportOptions
    @OptionGroup var schemaOptions: SchemaOptions

    func run() throws {
        try ValidateRun(self).run()
    }
}
