import GTMCore
import GTMModel
import GTMRules
import YAMLSource

/// Checks a document against what its kind requires (the JSON Schema catalog does this): the
/// findings, and the pointers of the values no rule may then judge.
public protocol DocumentValidating: Sendable {
    func validate(_ document: GTMDocument) -> (findings: [Finding], invalid: [JSONPointer])
}

/// The pipeline: bytes → YAML nodes → documents → schema findings, per file and in parallel;
/// then the workspace → cross-document findings. A plain function of its inputs, so the same
/// code serves the working tree, the index, a commit, and a replay of history.
public struct Linter: Sendable {
    public var limits: YAMLLimits
    public var validator: (any DocumentValidating)?
    public var rules: RuleEngine?
    public var waivers: Waivers
    /// Top-level entries already read, for a linter that reads many versions of the same files
    /// (the history commands'); nil reads every file whole.
    public var pieces: YAMLPieces?

    public init(limits: YAMLLimits, validator: (any DocumentValidating)?, rules: RuleEngine? = nil, waivers: Waivers = Waivers()) {
        self.limits = limits
        self.validator = validator
        self.rules = rules
        self.waivers = waivers
    }

    /// This linter with rules that keep their findings from one state to the next, for a
    /// replay of history (`RuleEngine.remembers`).
    public var remembering: Linter {
        var copy = self
        copy.rules?.remembers = true
        return copy
    }

    /// What one file gave: its documents and its own findings.
    public struct FileOutcome: Sendable {
        public var documents: [GTMDocument]
        public var findings: [Finding]
        /// What kept the file, or the rest of it, from being read, with where (a YAML error
        /// that ends reading, a file that cannot be read, a document gtm cannot take): a
        /// document missing from this file is then unknown, not removed.
        public var unreadable: String?

        /// A file whose bytes were not read, for the one reason the finding gives.
        static func notRead(_ finding: Finding) -> FileOutcome {
            FileOutcome(documents: [], findings: [finding], unreadable: finding.message)
        }

        /// A finding placed in the file, as `unreadable` says it.
        static func reason(_ finding: Finding) -> String {
            "line \(finding.location.line), column \(finding.location.column): \(finding.message)"
        }
    }

    /// Files are linted on every core from this many on. A strategy file takes about a quarter
    /// of a millisecond; below some thirty of them, starting the threads cost more than they
    /// saved (`gtm check` of the bundled eight files: 11.5 ms on one thread, 13.7 ms on two).
    static let filesForThreads = 32

    public func lint(_ inputs: [LintInput]) -> LintResult {
        finish(inputs, outcomes: concurrentMap(inputs, from: Self.filesForThreads) { lintFile($0) }, today: rules?.today)
    }

    /// Lints inputs whose files may have been seen before: an input with a blob id already in
    /// the cache is not parsed again (a replay of history touches the same blobs many times).
    /// `today` is the date rules judge by (a commit's date when replaying history).
    public func lint(_ inputs: [LintInput], cache: FileOutcomeCache, today: CalendarDate? = nil,
                     lastChanged: [String: CalendarDate] = [:]) -> LintResult {
        let outcomes = inputs.map { cache.outcome(of: $0, by: self) }
        return finish(inputs, outcomes: outcomes, today: today ?? rules?.today, lastChanged: lastChanged)
    }

    /// Judges files already parsed and validated (a history replay prepares them on every
    /// core first): the workspace, its cross-document findings and the rules, as `lint` would.
    public func judge(_ inputs: [LintInput], outcomes: [FileOutcome], today: CalendarDate?,
                      lastChanged: [String: CalendarDate] = [:]) -> LintResult {
        finish(inputs, outcomes: outcomes, today: today ?? rules?.today, lastChanged: lastChanged)
    }

    private func finish(_ inputs: [LintInput], outcomes: [FileOutcome], today: CalendarDate?,
                        lastChanged: [String: CalendarDate] = [:]) -> LintResult {
        let workspace = Self.workspace(of: Array(zip(inputs.map(\.path), outcomes)))
        var findings = outcomes.flatMap(\.findings)
        findings += workspace.duplicateIDFindings
        if var rules {
            if let today { rules.today = today }
            if !lastChanged.isEmpty { rules.lastChanged = lastChanged }
            findings += rules.check(workspace)
            findings = waivers.apply(to: findings, today: rules.today) { rules.runs($0, in: .state) }
        }
        return LintResult(findings: findings, paths: inputs.map(\.path), workspace: workspace)
    }

    /// The workspace of files' outcomes (each with its path as shown), with the files that
    /// could not be read: what a state is judged on, and what a history compares.
    public static func workspace(of files: [(String, FileOutcome)]) -> Workspace {
        var documents: [GTMDocument] = []
        documents.reserveCapacity(files.count)
        var unreadable: [String: String] = [:]
        for (path, outcome) in files {
            documents += outcome.documents
            if let why = outcome.unreadable { unreadable[path] = why }
        }
        var workspace = Workspace(documents: documents)
        workspace.unreadable = unreadable
        return workspace
    }

    /// The findings of the rules about a change, from `before` to `after`, waived as these
    /// settings say. Empty when the linter has no rules (a parse-only linter).
    public func checkChange(from before: Workspace, to after: Workspace, changes: [SemanticChange], today: CalendarDate? = nil) -> [Finding] {
        guard var rules else { return [] }
        if let today { rules.today = today }
        let findings = rules.check(after, change: ChangeSet(before: before, changes: changes))
        return waivers.apply(to: findings, today: rules.today) { rules.runs($0, in: .change) }
    }

    /// Parses and validates one file. Pure: the history commands cache it by blob id.
    public func lintFile(_ input: LintInput) -> FileOutcome {
        let bytes: [UInt8]
        var content = input.content
        if case .file(let path) = content {
            content = WorkingTreeSource(repositoryRoot: nil, maxFileSize: limits.maxFileSize).read(path, shownAs: input.path).content
        }
        switch content {
        case .bytes(let b):
            bytes = b
        case .tooLarge(let size):
            return .notRead(Finding(
                rule: YAMLProblem.Kind.tooLarge.rawValue, severity: .error,
                message: "the file is \(size) bytes, over the limit of \(limits.maxFileSize) bytes (setting limits.max-file-size)",
                location: .file(input.path)
            ))
        case .unreadable(let reason):
            return .notRead(Finding(
                rule: ToolCheck.fileUnreadable.id, severity: .error, message: "cannot read the file: \(reason)",
                location: .file(input.path)
            ))
        case .file:
            return FileOutcome(documents: [], findings: [])  // read above
        }
        let yaml = YAMLLoader.load(bytes, path: input.path, limits: limits, pieces: pieces)
        var findings = yaml.problems.map { YAMLFindings.finding(for: $0, path: input.path, source: bytes) }
        var unreadable = zip(yaml.problems, findings).first { $0.0.isFatal }.map { FileOutcome.reason($0.1) }
        var documents: [GTMDocument] = []
        documents.reserveCapacity(yaml.documents.count)
        for yamlDocument in yaml.documents {
            if case .scalar(let s) = yamlDocument.root.content, s.value == .null, yaml.documents.count > 1 {
                continue  // an empty document between `---` separators
            }
            switch DocumentReader.read(yamlDocument) {
            case .rejected(let finding):
                findings.append(finding)
                if unreadable == nil { unreadable = FileOutcome.reason(finding) }
            case .document(var document):
                if let validator {
                    let (schemaFindings, invalid) = validator.validate(document)
                    findings += schemaFindings
                    document.invalid = invalid
                }
                documents.append(document)
            }
        }
        return FileOutcome(documents: documents, findings: findings, unreadable: unreadable)
    }
}

/// Parsed and schema-checked files by blob id and path, for history commands.
public final class FileOutcomeCache {
    /// A file by its blob id and path: the same blob at another path is another document.
    struct Key: Hashable {
        var blob: String
        var path: String
    }

    var outcomes: [Key: Linter.FileOutcome] = [:]
    public init() {}

    public func contains(blob: String, path: String) -> Bool {
        outcomes[Key(blob: blob, path: path)] != nil
    }

    /// Keeps an outcome linted elsewhere (on another thread, ahead of the walk) for an input
    /// with a blob id.
    public func insert(_ outcome: Linter.FileOutcome, for input: LintInput) {
        guard let id = input.blobID else { return }
        outcomes[Key(blob: id, path: input.path)] = outcome
    }

    /// The outcome of an input: from the cache when its blob was seen, else parsed and kept.
    public func outcome(of input: LintInput, by linter: Linter) -> Linter.FileOutcome {
        guard let id = input.blobID else { return linter.lintFile(input) }
        let key = Key(blob: id, path: input.path)
        if let hit = outcomes[key] { return hit }
        let outcome = linter.lintFile(input)
        outcomes[key] = outcome
        return outcome
    }
}
