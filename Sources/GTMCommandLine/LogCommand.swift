import ArgumentParser
import GTMCore
import GTMGit
import GTMLint
import GTMHistory
import GTMModel
import GTMReport
import GTMSystem
import YAMLSource

struct LogCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show how the ICP, or any part of the strategy, evolved, commit by commit (also installed as gtm-log).",
        discussion: """
            Follows the beachhead segments by default, by kind and id, so renames and moves do not lose them; --kind follows every document of a kind. First-parent history unless --all-parents.

            Examples:
              gtm log                                   how the ICP evolved
              gtm log --kind Strategy --field pricing   how pricing evolved
              gtm log --kind Strategy --field motion    how the motion evolved
              gtm log data-teams --field /accounts/estimated
            """
    )

    static let examples = """
        gtm log                                   the beachhead, commit by commit
        gtm log platform-teams --since 2026-01-01
        gtm log strategy/strategy.yaml --field /pricing/acv
        gtm-log --max-count 10
        """

    @Argument(help: "A segment id, or a path to a strategy file, to follow instead of the beachhead.")
    var target: String?

    @Option(name: .long, help: "Only changes at or under this field: a name (pricing, motion, pricing.acv) or a JSON Pointer (/accounts/estimated).")
    var field: String?

    @Option(name: .long, help: "Follow every document of this kind (Strategy, Segment, SalesPlan, …) instead of the beachhead.")
    var kind: String?

    @Option(name: .long, help: "Only commits on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(name: .customLong("max-count"), help: "Show at most this many commits.")
    var maxCount: Int?

    @Option(name: .long, help: "Start from this revision instead of HEAD.")
    var rev: String = "HEAD"

    @Flag(name: .customLong("all-parents"), help: "Follow every parent of merges, not only the first.")
    var allParents = false

    @Option(name: .long, help: ArgumentHelp(Formats.log.help))
    var format: OutputFormat = .text

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write what earlier runs found (kept in the git directory, gtm/log-* and gtm/followed-*; GTM_NO_CACHE=1 does the same).")
    var noCache = false

    /// `gtm log` with no arguments, as the parser reads it (see `QuickArguments`).
    static var plain: LogCommand {
        var command = LogCommand()
        command.target = nil
        command.field = nil
        command.kind = nil
        command.since = nil
        command.maxCount = nil
        command.rev = "HEAD"
        command.allParents = false
        command.format = .text
        command.noCache = false
        return command
    }

    func run() throws {
        try Output.require(format, in: Formats.log, command: "log")
        if let text = remembered() {
            Output.write(text)
            return
        }
        let history = try HistorySession()
        let head = try history.commit(rev)
        let pointer: JSONPointer?
        if let field {
            let parsed = field.hasPrefix("/") ? JSONPointer(parsing: field) : JSONPointer(tokens: field.split(separator: ".").map(String.init))
            guard let p = parsed, !p.tokens.isEmpty else { throw CommandFailure(message: "--field expects a field name such as pricing or a JSON Pointer such as /accounts/estimated, got \"\(field)\"") }
            pointer = p
        } else {
            pointer = nil
        }
        var sinceTime: Int?
        if let since {
            guard let date = CalendarDate(iso: since) else { throw CommandFailure(message: "--since expects a date YYYY-MM-DD, got \"\(since)\"") }
            sinceTime = date.day * 86400
        }
        let reader = history.reader
        let gitDir = reader.repository.commonDir
        let (result, cache) = maxCount == nil && !(usesCache && FileSystem.kind(of: Self.cacheDirectory(gitDir)) == .directory)
            ? try walkFindingFollowed(reader, head: head, field: pointer, since: sinceTime)
            : try walkFollowingHead(reader, head: head, field: pointer, since: sinceTime)
        // Its thousands of changes are left for the process's end to reclaim (see `KeptUntilExit`).
        KeptUntilExit.keep(result)
        guard let cache else { return Output.render(result, Formats.log, as: format) }
        let texts = LogRenderer.entryBytes(result)
        let trailer = LogRenderer.trailer(count: texts.count, target: result.target, stoppedAtShallowBoundary: result.stoppedAtShallowBoundary)
        // By place: an entry is not copied to read its commit's id. Labelled as `fileHead` takes
        // them: an unlabelled tuple's array was converted element by element.
        let shown = result.entries.indices.map { (commit: result.entries[$0].commit.id, text: texts[$0], isNew: result.entries[$0].recalled == nil) }
        // The cache file ends with the texts the output begins with: one buffer for both,
        // written to the file first, so that a reader that goes away (`gtm log | head`), which
        // ends the process at the first write to it, comes after the file is kept.
        var buffer = cache.fileHead(shown: shown, keeping: Set(result.entries.indices.lazy.map { result.entries[$0].commit.id })) ?? []
        let saving = !buffer.isEmpty
        let outputStart = buffer.count
        buffer.reserveCapacity(outputStart + texts.reduce(0) { $0 + $1.count } + trailer.utf8.count)
        for text in texts { buffer.append(contentsOf: text) }
        let fileEnd = buffer.count
        buffer.append(contentsOf: trailer.utf8)
        buffer.withUnsafeBytes { all in
            if saving { cache.write(UnsafeRawBufferPointer(rebasing: all[..<fileEnd])) }
            Output.write(bytes: UnsafeRawBufferPointer(rebasing: all[outputStart...]))
        }
    }

    /// Whether earlier runs' findings may be read and written: for the text output of
    /// first-parent history (the default), unless turned off.
    private var usesCache: Bool {
        format == .text && !allParents && !noCache && ProcessServices.environment("GTM_NO_CACHE") == nil
    }

    /// What earlier runs found, for the text output of first-parent history (the default):
    /// kept per gtm build, strategy folder, way of showing paths, documents and field.
    private func cache(_ gitDir: String, folder: String, shownAs shown: String, limits: YAMLLimits,
                       documents: [(DocumentKind, String)], field: JSONPointer?) -> LogCache? {
        guard usesCache, let key = Self.cacheKey(folder: folder, shownAs: shown, limits: limits, documents: documents, field: field)
        else { return nil }
        return LogCache(directory: Self.cacheDirectory(gitDir), build: Self.build, key: key)
    }

    /// Where earlier runs' findings are kept: in the git directory, never the working tree.
    private static func cacheDirectory(_ gitDir: String) -> String { gitDir + "/gtm" }

    /// The gtm build a cache belongs to: its version and its executable.
    private static var build: String { "gtm \(GTM.configuration.version) \(FileSystem.executableStamp())" }

    /// The way of looking at history a cache is kept for; nil when it cannot be written safely.
    static func cacheKey(folder: String, shownAs shown: String, limits: YAMLLimits, documents: [(DocumentKind, String)]?,
                         field: JSONPointer?, followed: String? = nil) -> String? {
        var lines = [
            "folder \(folder) shown as \(shown)",
            // A file over a limit reads as a problem, not a document.
            "limits \(limits.maxFileSize) \(limits.maxDepth) \(limits.maxNodes)",
        ]
        if let documents { lines.append("documents " + documents.map { "\($0.0.rawValue)/\($0.1)" }.joined(separator: ",")) }
        if let followed { lines.append("followed " + followed) }
        lines.append("field " + (field?.description ?? "-"))
        let key = lines.joined(separator: "\n")
        // A key with a line break of its own could pass for another's header.
        guard !key.contains("\n\n"), !key.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else { return nil }
        return key
    }

    /// Which documents HEAD's strategy has this command follow, by the id of HEAD's tree: kept
    /// beside the log's cache, so that a second run knows them without reading git's objects.
    private func followedMemo(_ gitDir: String, folder: String, shownAs shown: String, limits: YAMLLimits) -> LogCache? {
        guard usesCache, let key = Self.cacheKey(folder: folder, shownAs: shown, limits: limits, documents: nil, field: nil,
                                                  followed: "target \(target ?? "-") kind \(kind ?? "-")") else { return nil }
        return LogCache(directory: Self.cacheDirectory(gitDir), build: Self.build, key: key, name: "followed")
    }

    /// Documents as the memo keeps them, a line each: `Segment platform-teams`.
    static func followedText(_ documents: [(DocumentKind, String)]) -> String? {
        guard documents.allSatisfy({ !$0.1.isEmpty && !$0.1.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }) else { return nil }
        return documents.map { "\($0.0.rawValue) \($0.1)\n" }.joined()
    }

    static func followedDocuments(_ text: String) -> [(DocumentKind, String)]? {
        var documents: [(DocumentKind, String)] = []
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let kind = DocumentKind(rawValue: String(line[..<space])) else { return nil }
            documents.append((kind, String(line[line.index(after: space)...])))
        }
        return documents.isEmpty ? nil : documents
    }

    /// The output of a plain `gtm log` that earlier runs already answered, read without
    /// libgit2 (see `PlainRepository`, `RememberedLog`); nil when anything is not known, and
    /// the command then reads git as usual, with the same output.
    private func remembered() -> String? {
        guard usesCache, maxCount == nil, since == nil, rev == "HEAD", field == nil else { return nil }
        let cwd = FileSystem.currentDirectory()
        guard let repository = PlainRepository.find(from: cwd),
              // Nothing kept by an earlier run (a first run): the graph is not opened twice.
              FileSystem.kind(of: Self.cacheDirectory(repository.gitDir)) == .directory,
              let head = repository.head(), let graph = repository.commitGraph,
              let position = graph.position(of: head), let tree = graph.commit(at: position)?.tree,
              let session = try? Session.open(snapshot: WorkingTreeSnapshot(root: repository.workdir), root: repository.workdir)
        else { return nil }
        let configured = session.configuration.strategyFolder
        let folder = GitSession.scope(configured.isEmpty ? repository.workdir : repository.workdir + "/" + configured, in: repository.workdir)
        let shown = FileSystem.relative(repository.workdir + "/" + folder + "/-", to: cwd)
        let limits = session.configuration.limits
        guard let memo = followedMemo(repository.gitDir, folder: folder, shownAs: shown, limits: limits),
              case .entry(let text)? = memo.recall(tree), let documents = Self.followedDocuments(text),
              let cache = cache(repository.gitDir, folder: folder, shownAs: shown, limits: limits, documents: documents, field: nil)
        else { return nil }
        guard let entries = RememberedLog.entries(graph: graph, head: head, folderKey: HistoryReader.bloomKey(folder: folder), cache: cache)
        else { return nil }
        return LogRenderer.text(entries: entries, target: documents.map(\.1).joined(separator: ", "), stoppedAtShallowBoundary: false)
    }

    /// The log of the documents HEAD's strategy has this command follow, read first (with the
    /// cache of earlier runs' findings they key), then the walk.
    private func walkFollowingHead(_ reader: HistoryReader, head: CommitInfo, field pointer: JSONPointer?,
                                   since: Int?) throws -> (LogResult, LogCache?) {
        let workspace = try gitStep { try reader.workspace(head) }
        let documents = try Self.followed(in: workspace, kind: kind, target: target, rev: rev)
        let cache = cache(reader, documents: documents, field: pointer)
        rememberFollowed(documents, at: head, reader: reader, if: cache != nil)
        let result = try gitStep {
            try ICPLog.run(reader, from: head.id, target: ICPLog.Target(documents: documents, field: pointer),
                           firstParent: !allParents, maxCount: maxCount, since: since, cache: cache,
                           render: format == .text ? LogRenderer.entryBytes : nil)
        }
        return (result, cache)
    }

    /// The whole log when no earlier run's findings can be read (a first run, a fresh clone in
    /// CI, the cache off): the documents to follow are read from HEAD's strategy on the core
    /// that compares, while this one starts the walk, and the cache to write is opened once
    /// they are known. Parsing HEAD's strategy first was a twentieth of a first run.
    private func walkFindingFollowed(_ reader: HistoryReader, head: CommitInfo, field pointer: JSONPointer?,
                                     since: Int?) throws -> (LogResult, LogCache?) {
        let kind = self.kind, target = self.target, rev = self.rev
        let folder = try gitStep { try reader.folderID(head) }
        let learning = usesCache ? LogCache.unkeyed() : nil
        let following = ICPLog.Following.readFrom(folder: folder) { workspace in
            ICPLog.Target(documents: try Self.followed(in: workspace, kind: kind, target: target, rev: rev), field: pointer)
        }
        let result = try gitStep {
            try ICPLog.run(reader, from: head.id, following: following, firstParent: !allParents, maxCount: nil, since: since,
                           cache: learning, render: format == .text ? LogRenderer.entryBytes : nil)
        }
        guard let learning else { return (result, nil) }
        let cache = cache(reader, documents: result.documents, field: pointer)
        cache?.learn(from: learning)
        rememberFollowed(result.documents, at: head, reader: reader, if: cache != nil)
        return (result, cache)
    }

    /// The cache of earlier runs' findings about these documents, for this reader's repository,
    /// folder and way of showing paths.
    private func cache(_ reader: HistoryReader, documents: [(DocumentKind, String)], field: JSONPointer?) -> LogCache? {
        cache(reader.repository.commonDir, folder: reader.folder, shownAs: reader.display(reader.folder + "/-"), limits: reader.limits,
              documents: documents, field: field)
    }

    /// Keeps which documents HEAD's strategy has this command follow, beside the log's cache.
    private func rememberFollowed(_ documents: [(DocumentKind, String)], at head: CommitInfo, reader: HistoryReader, if caching: Bool) {
        let gitDir = reader.repository.commonDir, shown = reader.display(reader.folder + "/-")
        guard caching, let memo = followedMemo(gitDir, folder: reader.folder, shownAs: shown, limits: reader.limits),
              let text = Self.followedText(documents) else { return }
        memo.remember(head.tree, .entry(text))
        memo.save(keeping: [head.tree])
    }

    /// The documents to follow: a segment by id (`target`), the documents of a file, every
    /// document of a kind, or the beachhead; `rev` names the revision in messages.
    private static func followed(in workspace: Workspace, kind: String?, target: String?, rev: String) throws(CommandFailure) -> [(DocumentKind, String)] {
        if let kind {
            guard let documentKind = DocumentKind.allCases.first(where: { $0.rawValue.lowercased() == kind.lowercased() }) else {
                let names = DocumentKind.allCases.map(\.rawValue)
                throw CommandFailure(message: "no kind \"\(kind)\"; the kinds are \(names.joined(separator: ", "))")
            }
            let ids = workspace.documents(of: documentKind).compactMap(\.id)
            guard !ids.isEmpty else { throw CommandFailure(message: "no \(documentKind.rawValue) document at \(rev)") }
            return ids.map { (documentKind, $0) }
        }
        if let target {
            let byPath = workspace.documents.filter { $0.path == target || $0.path.hasSuffix("/" + target) }
            if !byPath.isEmpty { return byPath.compactMap { d in d.id.map { (d.kind, $0) } } }
            if let doc = workspace.documents.first(where: { $0.id == target }) { return [(doc.kind, target)] }
            throw CommandFailure(message: "no document with id \"\(target)\" or file \(target) in the strategy at \(rev)")
        }
        guard let strategy = workspace.strategy else { throw CommandFailure(message: "no Strategy at \(rev); name a segment id to follow") }
        let ids = strategy.root["beachhead"]?.strings ?? []
        guard !ids.isEmpty else { throw CommandFailure(message: "the strategy at \(rev) names no beachhead; name a segment id to follow") }
        return ids.map { (.segment, $0) }
    }
}
