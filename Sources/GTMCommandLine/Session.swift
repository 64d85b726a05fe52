import GTMCore
import GTMLint
import GTMReport
import GTMRules
import GTMHistory
import GTMSystem

/// What every command starts from: the repository root, the snapshot it reads (the working
/// tree, the index or a commit), the settings of that snapshot, and the findings the settings
/// file itself produced.
struct Session {
    var root: String
    var snapshot: any RepositorySnapshot
    var configuration: Configuration
    var configurationFindings: [Finding]

    /// Whether the root holds a git repository (a `.git` folder or file).
    var isRepository: Bool { FileSystem.exists(root + "/.git") }

    /// The working tree of the repository around the current folder (or the folder itself).
    static func open() throws(CommandFailure) -> Session {
        let cwd = FileSystem.currentDirectory()
        let root = FileSystem.repositoryRoot(from: cwd) ?? cwd
        return try open(snapshot: WorkingTreeSnapshot(root: root), root: root)
    }

    /// The same, for a command that writes files there (`init`, `migrate`): refused in a git
    /// folder (a bare repository), which has no working tree to write them in.
    static func openWorkingTree() throws(CommandFailure) -> Session {
        let session = try open()
        if FileSystem.isGitFolder(session.root) { throw GitSession.bare }
        return session
    }

    /// The settings of a snapshot of the repository at `root`.
    static func open(snapshot: any RepositorySnapshot, root: String) throws(CommandFailure) -> Session {
        Output.repositoryRoot = root
        let shown = FileSystem.relative(root + "/" + Configuration.fileName, to: FileSystem.currentDirectory())
        do {
            var (configuration, findings) = try Configuration.load(from: snapshot, shownAs: shown)
            configuration.path = shown
            for i in findings.indices { findings[i].location.path = shown }
            return Session(root: root, snapshot: snapshot, configuration: configuration, configurationFindings: findings)
        } catch {
            throw CommandFailure(message: "cannot read settings in \(snapshot.name): \(error)")
        }
    }

    /// A repository-relative folder from the settings, as the user would type it from here.
    func display(_ folder: String) -> String {
        FileSystem.relative(folder.isEmpty ? root : root + "/" + folder, to: FileSystem.currentDirectory())
    }

    /// Command-line schema flags on top of the settings.
    mutating func apply(_ options: SchemaSettings) throws(CommandFailure) {
        if !configuration.apply(compiling: options), let text = options.defaultDraft {
            throw CommandFailure(message: "--default-draft expects one of \(Configuration.draftNames), got \"\(text)\"")
        }
        for text in options.schemaMap {
            guard let mapping = SchemaMapping.parse(text) else {
                throw CommandFailure(message: "--schema-map expects PREFIX=DIR, got \"\(text)\"")
            }
            let directory = mapping.directory.hasPrefix("/") ? mapping.directory : FileSystem.absolute(mapping.directory)
            configuration.commandLineSchemaMap.append((mapping.prefix, directory))
        }
    }

    /// A folder from the settings, as an absolute path under the repository root.
    func resolve(_ folder: String) -> String {
        folder.isEmpty ? root : FileSystem.normalize(root + "/" + folder)
    }

    /// Prints a report in the chosen format and turns it into the exit status.
    func finish(_ report: Report, options: ReportSettings) throws(ExitStatus) {
        Output.colourChoice = options.colour
        Output.render(report, Formats.findings, as: options.format)
        let failing = report.findings.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
        if failing { throw ExitStatus(code: 1) }
    }
}

/// Rule metadata for reporters that describe rules (SARIF), including the tool's own input
/// checks, which are not rules of the catalog.
enum RuleMetadataCatalog {
    static var all: [RuleMetadata] {
        RuleCatalog.all.map { type in
            let d = type.description
            return RuleMetadata(id: d.id, name: d.name, summary: d.summary, help: d.rationale, severity: d.severity)
        } + ToolCheck.allCases.map { check in
            RuleMetadata(id: check.id, name: check.id, summary: check.summary, help: check.summary, severity: check.severity)
        }
    }
}

extension Configuration {
    /// `--format-assert` and `--default-draft` over the settings: how schemas are compiled.
    /// False when the draft named is not one gtm reads (the settings keep theirs).
    mutating func apply(compiling options: SchemaSettings) -> Bool {
        if options.formatAssert { formatAssertion = true }
        guard let text = options.defaultDraft else { return true }
        guard let draft = Configuration.draft(named: text) else { return false }
        defaultDraft = draft
        return true
    }
}
