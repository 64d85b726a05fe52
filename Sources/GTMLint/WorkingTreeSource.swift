import GTMCore
import GTMSystem

/// Reads strategy files from the file system: the folders and files named on the command
/// line, or the configured strategy folder.
public struct WorkingTreeSource: Sendable {
    public var repositoryRoot: String?
    public var maxFileSize: Int

    public init(repositoryRoot: String?, maxFileSize: Int) {
        self.repositoryRoot = repositoryRoot
        self.maxFileSize = maxFileSize
    }

    /// Expands folders to their YAML files (a file named explicitly is always taken, whatever
    /// its extension) and reads each once. A path that does not exist is an input error.
    public func inputs(for paths: [String]) -> (inputs: [LintInput], missing: [String]) {
        var entries: [FileSystem.TreeEntry] = []
        var missing: [String] = []
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .directory: entries += FileSystem.tree(under: path, accept: FileSystem.isYAMLName)
            case .file, .other: entries.append(.file(path))
            case .missing: missing.append(path)
            }
        }
        var seen = Set<String>()
        let unique = entries.filter { seen.insert(FileSystem.normalize($0.path)).inserted }
        return (unique.map(input), missing)
    }

    /// A walked entry as the linter takes it; what git would not read is said, with the same
    /// words `--staged` uses.
    func input(_ entry: FileSystem.TreeEntry) -> LintInput {
        switch entry {
        case .file(let path): LintInput(path: display(path), content: .file(path))
        case .link(let path): LintInput(path: display(path), content: .unreadable(StrategyFiles.linkReason))
        case .badName(let path): LintInput(path: display(path), content: .unreadable(StrategyFiles.badNameReason))
        case .unreadableFolder(let path, let reason): LintInput(path: display(path), content: .unreadable("cannot read the folder: \(reason)"))
        }
    }

    public func read(_ path: String) -> LintInput {
        read(path, shownAs: display(path))
    }

    public func read(_ path: String, shownAs shown: String) -> LintInput {
        do {
            switch try FileSystem.read(path, limit: maxFileSize) {
            case .bytes(let b): return LintInput(path: shown, content: .bytes(b))
            case .tooLarge(let size): return LintInput(path: shown, content: .tooLarge(size: size))
            }
        } catch {
            return LintInput(path: shown, content: .unreadable(error.message))
        }
    }

    /// Paths print as the user would type them: relative to the current folder when the file
    /// lies below it.
    public func display(_ path: String) -> String {
        if path.hasPrefix("/") {
            return FileSystem.relative(path, to: FileSystem.currentDirectory())
        }
        return FileSystem.normalize(path)
    }
}
