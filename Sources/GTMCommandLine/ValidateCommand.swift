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
        var session = try Session.open()
        try session.apply(schemaOptions)
        let configuration = session.configuration
        let cwd = FileSystem.currentDirectory()
        guard FileSystem.kind(of: schema) == .file else { throw CommandFailure(message: "no such schema file: \(schema)") }
        let (validator, schemaFindings) = InstanceValidator.load(
            schemaPath: schema, displayPath: FileSystem.relative(schema, to: cwd),
            schemaFolder: session.resolve(configuration.schemaFolder), loader: configuration.schemaLoader(snapshot: session.snapshot),
            root: session.root, options: configuration.validatorOptions, limits: configuration.limits)
        guard let validator else {
            try session.finish(Report(findings: session.configurationFindings + schemaFindings, files: []), options: report)
            return
        }
        let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: configuration.limits.maxFileSize)
        var inputs: [LintInput] = []
        for path in files {
            if path == "-" {
                let content: LintInput.Content
                do {
                    switch try FileSystem.readStandardInput(limit: configuration.limits.maxFileSize) {
                    case .bytes(let b): content = .bytes(b)
                    case .tooLarge(let n): content = .tooLarge(size: n)
                    }
                } catch {
                    content = .unreadable(error.message)
                }
                inputs.append(LintInput(path: "-", content: content))
            } else if FileSystem.kind(of: path) == .directory {
                inputs += FileSystem.files(under: path) { FileSystem.isYAMLName($0) || $0.hasSuffix(".json") }
                    .map { LintInput(path: source.display($0), content: .file($0)) }
            } else if FileSystem.exists(path) {
                inputs.append(LintInput(path: source.display(path), content: .file(path)))
            } else {
                throw CommandFailure(message: "no such file or folder: \(path)")
            }
        }
        let perFile = concurrentMap(inputs) { validator.validate($0) }
        let findings = session.configurationFindings + schemaFindings + perFile.flatMap { $0 }
        let invalid = LintResult.invalidPaths(in: findings)
        let statuses = inputs.map { Report.FileStatus(path: $0.path, valid: !invalid.contains($0.path)) }
        try session.finish(Report(findings: findings, files: statuses), options: report)
    }
}
