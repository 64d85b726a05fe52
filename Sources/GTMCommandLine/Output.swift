import GTMGit
import GTMReport
import GTMSystem

/// Where the commands write, whether the terminal gets colour, and how the process ends.
enum Output {
    /// Writes a report to standard output. A write that fails (a full disk, a closed stream)
    /// ends the run with a message and status 2: an empty report must never pass for a clean
    /// one. A reader that went away (`gtm check | head`) ends it quietly.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same, for bytes already laid out (`gtm log` prints the end of its cache file).
    static func write(bytes: UnsafeRawBufferPointer) {
        do {
            try ProcessServices.write(bytes, to: 1)
        } catch {
            switch error {
            case .closedPipe:
                finish(0)
            case .failed(let reason):
                self.error("gtm: cannot write the report to standard output: \(reason)")
                finish(2)
            }
        }
    }

    static func error(_ line: String) {
        try? ProcessServices.write(line + "\n", to: 2)
    }

    /// Renders a subject in a format its table offers and writes it. The command checked the
    /// format with `require` before doing its work.
    static func render<Subject>(_ subject: Subject, _ table: FormatTable<Subject>, as format: OutputFormat) {
        let cwd = FileSystem.currentDirectory(), root = repositoryRoot ?? cwd
        let context = RenderContext(colour: useColour, rules: RuleMetadataCatalog.all, toolVersion: GTM.configuration.version) { path in
            FileSystem.relative(path.hasPrefix("/") ? path : FileSystem.normalize(cwd + "/" + path), to: root)
        }
        write(table.render(subject, as: format, context: context) ?? "")
    }

    /// Fails with the formats the command offers when it has no such format.
    static func require<Subject>(_ format: OutputFormat, in table: FormatTable<Subject>, command: String) throws(CommandFailure) {
        guard !table.formats.contains(format) else { return }
        throw CommandFailure(message: "gtm \(command) has no \(format.rawValue) output; \(table.help.lowercased().replacing("output format: ", with: "it writes "))")
    }

    /// The root of the repository the command reads, for paths in CI formats.
    nonisolated(unsafe) static var repositoryRoot: String?

    /// What `--color` asked for; auto unless the command takes the flag.
    nonisolated(unsafe) static var colourChoice = ColourChoice.auto

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org),
    /// unless `--color always` or `--color never` says otherwise for this run.
    static var useColour: Bool {
        switch colourChoice {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if let value = ProcessServices.environment("NO_COLOR"), !value.isEmpty { return false }
        return ProcessServices.isTerminal(1)
    }

    /// Ends the process, after any libgit2 set-up started on another thread has finished.
    static func finish(_ code: Int32) -> Never {
        GitRepository.finishWarmUp()
        ProcessServices.exit(code)
    }
}

/// What a command built and needs until it ends: a compiled schema catalog, a linter and the
/// documents it read. The process ends right after the output is written, so these are left
/// for the system to reclaim with the process instead of being taken apart object by object
/// (about a tenth of a whole `gtm check` on the bundled strategy).
enum KeptUntilExit {
    nonisolated(unsafe) private static var objects: [Any] = []

    /// Called on the main thread only, by the command that made `object`.
    static func keep(_ object: Any) {
        objects.append(object)
    }
}
