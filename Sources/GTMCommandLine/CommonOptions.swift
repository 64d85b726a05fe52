import ArgumentParser
import GTMReport

extension OutputFormat: ExpressibleByArgument {}

/// Flags every findings command shares.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Formats.findings.help))
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Judge dates (review cadence, waiver expiry) as of this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .customLong("color"), help: ArgumentHelp("Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "auto|always|never"))
    var colour: ColourChoice = .auto
}

/// `--color`: auto follows the terminal and NO_COLOR; always and never are the user's word
/// for this run, which outranks the environment (https://no-color.org).
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Flags that change how schemas are read.
struct SchemaOptions: ParsableArguments {
    @Option(name: .customLong("schema-map"), help: ArgumentHelp(
        "Resolve remote $refs starting with PREFIX from files under DIR (repeatable).",
        valueName: "PREFIX=DIR"))
    var schemaMap: [String] = []

    @Flag(name: .customLong("format-assert"), help: "Treat the JSON Schema `format` keyword as an assertion, not an annotation.")
    var formatAssert = false

    @Option(name: .customLong("default-draft"), help: ArgumentHelp(
        "The JSON Schema draft of a schema without $schema: 4, 6, 7, 2019-09 or 2020-12 (default 2020-12).",
        valueName: "DRAFT"))
    var defaultDraft: String?
}

/// What `ReportOptions` say, as plain values: what a run reads. The quick reading of the
/// hook's arguments fills these without the parser's property wrappers.
struct ReportSettings: Equatable {
    var format: OutputFormat = .text
    var strict = false
    var today: String?
    var colour: ColourChoice = .auto
}

/// What `SchemaOptions` say, as plain values.
struct SchemaSettings: Equatable {
    var schemaMap: [String] = []
    var formatAssert = false
    var defaultDraft: String?
}

extension ReportOptions {
    var settings: ReportSettings { ReportSettings(format: format, strict: strict, today: today, colour: colour) }
}

extension SchemaOptions {
    var settings: SchemaSettings { SchemaSettings(schemaMap: schemaMap, formatAssert: formatAssert, defaultDraft: defaultDraft) }
}
