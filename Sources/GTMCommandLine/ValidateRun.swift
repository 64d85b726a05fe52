import GTMCore
import GTMLint
import GTMReport
import GTMSystem

/// What `gtm validate` was told, as plain values, and the validation itself: filled by the
/// argument parser's `ValidateCommand`, or directly by the quick reading of its arguments.
struct ValidateRun: Equatable {
    var schema: String
    var files: [String]
    var report = ReportSettings()
    var schemaOptions = SchemaSettings()

    init(schema: String, files: [String]) {
        self.schema = schema
        self.files = files
    }

    init(_ command: ValidateCommand) {
        schema = command.schema
        files = command.files
        report = command.report.settings
        schemaOptions = command.schemaOptions.settings
    }

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
