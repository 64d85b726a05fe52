import ArgumentParser
import GTMCore
import GTMLint
import GTMModel
import GTMReport
import GTMSystem

/// `gtm migrate`: rewrites documents of an older `apiVersion` to the current one, in place.
/// One of the three commands that write (with `init` and `hook install`), and only the files
/// it is given or the strategy folder; `--check` writes nothing.
struct MigrateCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Rewrite strategy documents of an older apiVersion to \(ModelVersion.current.rawValue), in place.",
        discussion: """
            gtm reads every apiVersion it has known; migrate writes the current one, so that the files say what gtm reads. Only the values that change are rewritten: comments, order and layout stay as they are. Each rewritten file is read back and must say exactly what gtm read before, or it is left alone. With --check nothing is written, and the exit status is 1 when a file would change (for CI).
            From gtm/v1 to gtm/v2: evidence becomes a mapping with a summary (add its kind: customer-data, interviews, experiment, market-research, assumption, founder-preference); the sales-led motion becomes inside-sales, or field-sales where the ACV is 50,000 or more or buyers purchase through procurement; enterprise becomes field-sales.
            """
    )

    static let examples = """
        gtm migrate                    migrate the strategy folder
        gtm migrate --check            say what would change; exit 1 if anything would
        gtm migrate examples/acme      migrate another folder
        """

    @Argument(help: "Files or folders to migrate (default: the strategy folder).")
    var paths: [String] = []

    @Flag(name: .long, help: "Write nothing; list what would change and exit 1 if anything would.")
    var check = false

    func run() throws {
        let session = try Session.openWorkingTree()
        let cwd = FileSystem.currentDirectory()
        let targets = paths.isEmpty ? [session.resolve(session.configuration.strategyFolder)] : paths
        var files: [String] = []
        for path in targets {
            switch FileSystem.kind(of: path) {
            case .directory: files += FileSystem.files(under: path, where: FileSystem.isYAMLName)
            case .file: files.append(path)
            default: throw CommandFailure(message: "no such file or folder: \(SafeText.line(FileSystem.relative(path, to: cwd)))")
            }
        }
        var migrated = 0, current = 0, failed = 0
        for file in files.sorted() {
            let shown = SafeText.line(FileSystem.relative(file, to: cwd))
            guard case .bytes(let bytes)? = try? FileSystem.read(file, limit: session.configuration.limits.maxFileSize) else {
                Output.write("\(shown): cannot read the file; left as it is\n")
                failed += 1
                continue
            }
            switch ModelMigration.migrate(bytes, path: file, limits: session.configuration.limits) {
            case .current:
                current += 1
            case .failed(let reason):
                Output.write("\(shown): not migrated: \(SafeText.line(reason))\n")
                failed += 1
            case .migrated(let text, let changes):
                if !check {
                    do { try FileSystem.replace(file, with: text) } catch {
                        Output.write("\(shown): cannot write: \(SafeText.line(error.message))\n")
                        failed += 1
                        continue
                    }
                }
                migrated += 1
                Output.write("\(shown): \(check ? "would move" : "moved") to \(ModelVersion.current.rawValue)\n")
                for change in changes {
                    Output.write("  \(change.line):\(change.column) \(change.reason)\n")
                }
            }
        }
        let verb = check ? "would be migrated" : "migrated"
        Output.write("\(migrated) \(migrated == 1 ? "file" : "files") \(verb), \(current) already current" + (failed > 0 ? ", \(failed) not migrated" : "") + "\n")
        if failed > 0 { Output.finish(1) }
        if check && migrated > 0 { Output.finish(1) }
    }
}
