import GTMCore
import GTMSystem
import YAMLSource

/// Files parsed and validated before it is known exactly what will be judged.
///
/// The pre-commit hook judges the index, and reading the index waits for libgit2 to start
/// (in Debian's build, most of that is parsing the system's certificates, on the other core).
/// Meanwhile the hook lints the working tree's strategy files; afterwards each index file with
/// the same path and the same bytes (all of them, unless part of a file is staged) takes the
/// outcome already made instead of being parsed again. A file whose bytes differ, or a run
/// whose settings read files differently, is linted as if nothing had been done ahead.
public struct LintedAhead {
    let limits: YAMLLimits
    private var outcomes: [String: (bytes: [UInt8], outcome: Linter.FileOutcome)] = [:]

    /// Lints the YAML files under `folder` (as the working tree has them) with the default
    /// limits and `catalog`: one after another while the other core starts libgit2, on both
    /// cores when it has (`twoCores`).
    public init(folder: String, catalog: SchemaCatalog, limits: YAMLLimits, twoCores: Bool = false) {
        self.limits = limits
        let source = WorkingTreeSource(repositoryRoot: nil, maxFileSize: limits.maxFileSize)
        // A real folder only (a link may lead anywhere, and what it holds is not judged), and
        // a strategy of a size whose linting fits in the time libgit2 takes to start: beyond
        // that, linting ahead would only delay the lint that counts.
        let path = FileSystem.normalize(FileSystem.absolute(folder))
        guard FileSystem.kind(of: folder) == .directory, FileSystem.realPath(path) == path else { return }
        let inputs = source.inputs(for: [folder]).inputs
        guard inputs.count <= Self.maximumFiles else { return }
        let linter = Linter(limits: limits, validator: catalog)
        let read: [(String, [UInt8])] = inputs.compactMap { input in
            guard case .file(let path) = input.content,
                  case .bytes(let bytes) = source.read(path, shownAs: input.path).content else { return nil }
            return (input.path, bytes)
        }
        let lint: @Sendable ((String, [UInt8])) -> Linter.FileOutcome = { file in
            linter.lintFile(LintInput(path: file.0, content: .bytes(file.1)))
        }
        let linted = twoCores ? concurrentMap(read, from: 2, lint) : read.map(lint)
        for ((path, bytes), outcome) in zip(read, linted) {
            outcomes[path] = (bytes, outcome)
        }
    }

    /// The most files linted ahead: about what one core lints while libgit2 starts.
    static let maximumFiles = 100

    /// The number of files linted ahead.
    public var count: Int { outcomes.count }

    /// A cache for `Linter.lint(_:cache:)` with the outcomes that hold for `inputs`: same path,
    /// same bytes, read with the same limits. Nil when none does.
    public func cache(for inputs: [LintInput], limits: YAMLLimits) -> FileOutcomeCache? {
        guard limits == self.limits else { return nil }
        let cache = FileOutcomeCache()
        for input in inputs {
            guard let blob = input.blobID, case .bytes(let bytes) = input.content,
                  let ahead = outcomes[input.path], ahead.bytes == bytes else { continue }
            cache.outcomes[FileOutcomeCache.Key(blob: blob, path: input.path)] = ahead.outcome
        }
        return cache.outcomes.isEmpty ? nil : cache
    }
}
