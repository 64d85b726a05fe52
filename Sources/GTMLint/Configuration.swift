import GTMCore
import GTMRules
import JSONSchema
import YAMLSource
import GTMSystem

/// Settings from `.gtm.yaml` at the repository root. Every key is checked: a misspelt setting
/// is an error at its position, never silently ignored.
public struct Configuration: Sendable {
    public static let fileName = ".gtm.yaml"

    /// Strategy folder, relative to the repository root.
    public var strategyFolder = "strategy"
    /// Schema folder, relative to the repository root.
    public var schemaFolder = "schemas"
    public var limits = YAMLLimits.default
    public var formatAssertion = false
    /// The JSON Schema draft of a schema that names none in `$schema` (`default-draft:`).
    public var defaultDraft = Draft.draft2020_12
    /// How schemas are compiled and applied.
    public var validatorOptions: ValidatorOptions {
        ValidatorOptions(formatAssertion: formatAssertion, defaultDraft: defaultDraft)
    }

    /// The draft a `--default-draft` or `default-draft:` value names, or nil.
    public static func draft(named text: String) -> Draft? {
        Draft(name: text)
    }

    /// The draft names `default-draft` accepts, for messages.
    public static let draftNames = Draft.allCases.map(\.rawValue).joined(separator: ", ")
    /// `PREFIX=DIR` mappings for remote `$ref`s from the settings, DIR relative to the
    /// repository root; they may not reach outside it.
    public var schemaMap: [(prefix: String, directory: String)] = []
    /// `--schema-map` mappings the user gave on the command line, absolute, unconfined.
    public var commandLineSchemaMap: [(prefix: String, directory: String)] = []

    /// The loader for remote references: the command line's mappings first (files anywhere,
    /// since the user named them), then the settings' ones, read from the same snapshot as the
    /// settings and never outside the repository.
    public func schemaLoader(snapshot: any RepositorySnapshot) -> SchemaResourceLoader {
        let cli = SchemaFileMap(mappings: commandLineSchemaMap)
        let mappings = schemaMap
        let limit = limits.maxFileSize
        nonisolated(unsafe) let source = snapshot
        return { uri throws(SchemaError) in
            if let document = try cli.load(uri) { return document }
            let bare = uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
            for (prefix, directory) in mappings where bare.hasPrefix(prefix) {
                var rest = String(bare.dropFirst(prefix.count))
                if !(rest.split(separator: "/").last ?? "").contains(".") { rest += ".json" }
                guard let path = RepositoryPath.inside(directory + "/" + rest) else {
                    throw SchemaError(message: "cannot resolve \"\(uri)\": it would be read from outside the repository", uri: uri, pointer: "")
                }
                guard case .bytes(let bytes)? = source.file(path, limit: limit) else {
                    throw SchemaError(message: "cannot resolve \"\(uri)\": no readable file \(path) in \(source.name) (mapped from \(prefix))", uri: uri, pointer: "")
                }
                do {
                    return try JSONParser.parse(bytes)
                } catch let error as JSONSyntaxError {
                    throw SchemaError(message: "\(path) is not valid JSON: \(error.message)", uri: uri, pointer: "", line: error.line, column: error.column)
                } catch {
                    throw SchemaError(message: "\(path) is not valid JSON", uri: uri, pointer: "")
                }
            }
            return nil
        }
    }
    /// Every rule of the catalog as the `rules:` section configures it.
    public var rules: [ConfiguredRule] = RuleConfiguration.read(nil, path: fileName).0
    /// The `waivers:` section.
    public var waivers = Waivers()
    public var hookOnlyNew = false
    /// Where the settings came from, for findings about them.
    public var path: String?

    public init() {}

    /// Reads `.gtm.yaml` from a snapshot (the default settings when it has none), reported at
    /// `shownAs`. Throws only when the file cannot be read as YAML at all (the caller exits 2).
    public static func load(from snapshot: any RepositorySnapshot, shownAs path: String) throws(FileError) -> (Configuration, [Finding]) {
        let limits = YAMLLimits.default
        switch snapshot.file(fileName, limit: limits.maxFileSize) {
        case nil:
            return (Configuration(), [])
        case .bytes(let bytes)?:
            return try load(bytes: bytes, path: path)
        case .tooLarge?:
            throw FileError(path: path, message: "larger than \(limits.maxFileSize) bytes")
        case .unreadable(let reason)?:
            throw FileError(path: path, message: reason)
        case .file?:
            throw FileError(path: path, message: "not read")
        }
    }

    /// Reads the settings; problems with positions go to `findings`.
    public static func load(bytes: [UInt8], path: String, limits: YAMLLimits = .default) throws(FileError) -> (Configuration, [Finding]) {
        let file = YAMLLoader.load(bytes, path: path, limits: limits)
        if let fatal = file.problems.first(where: \.isFatal) {
            throw FileError(path: path, message: "\(fatal.mark.line):\(fatal.mark.column): \(fatal.message)")
        }
        var reader = SettingsReader(path: path)
        reader.findings += file.problems.map { reader.finding(for: $0) }
        var config = Configuration()
        config.path = path
        if let root = file.documents.first?.root {
            reader.read(root, into: &config)
        }
        // Waivers name rules by id or name, whichever section comes first in the file.
        var names: [String: String] = [:]
        for rule in config.rules {
            names[rule.description.id] = rule.description.id
            names[rule.description.name] = rule.description.id
        }
        let (waivers, waiverFindings) = Waivers.read(reader.waivers, path: path, knownRules: names)
        config.waivers = waivers
        return (config, reader.findings + waiverFindings)
    }
}

/// Reads the top level of `.gtm.yaml`, one key at a time.
struct SettingsReader {
    let path: String
    var findings: [Finding] = []
    /// The `waivers:` section, read once the rules are known.
    var waivers: YAMLNode?

    static let topLevelKeys = ["strategy", "schemas", "limits", "format-assert", "default-draft", "schema-map", "rules", "waivers", "hook"]

    mutating func read(_ root: YAMLNode, into config: inout Configuration) {
        if case .scalar(let s) = root.content, s.value == .null { return }
        guard let entries = root.mapping else {
            error("settings must be a mapping, got \(root.kindDescription)", at: root)
            return
        }
        for entry in entries {
            let key = entry.keyText ?? ""
            let value = entry.value
            switch key {
            case "strategy": if let s = folderInside(value) { config.strategyFolder = s }
            case "schemas": if let s = folderInside(value) { config.schemaFolder = s }
            case "format-assert": if let b = bool(value) { config.formatAssertion = b }
            case "default-draft":
                // `7` and `2019-09` are read as a number and a date by YAML: the text is the name.
                guard let text = value.text else {
                    error("expected a draft name, got \(value.kindDescription)", at: value)
                    break
                }
                if let draft = Configuration.draft(named: text) {
                    config.defaultDraft = draft
                } else {
                    error("default-draft: \"\(text)\" is not a JSON Schema draft gtm reads; expected one of \(Configuration.draftNames)", at: value)
                }
            case "limits": readLimits(value, into: &config.limits)
            case "schema-map": readSchemaMap(value, into: &config)
            case "rules":
                let (rules, ruleFindings) = RuleConfiguration.read(value, path: path)
                config.rules = rules
                findings += ruleFindings
            case "waivers": waivers = value
            case "hook":
                for (_, node) in knownEntries(of: value, allowed: ["only-new"]) {
                    if let b = bool(node) { config.hookOnlyNew = b }
                }
            default:
                unknown(key, at: entry.key, allowed: Self.topLevelKeys)
            }
        }
    }

    private mutating func readLimits(_ node: YAMLNode, into limits: inout YAMLLimits) {
        for (key, value) in knownEntries(of: node, allowed: ["max-file-size", "max-depth", "max-nodes"]) {
            guard let n = positiveInt(value) else { continue }
            let ceiling = switch key {
            case "max-file-size": YAMLLimits.ceilings.maxFileSize
            case "max-depth": YAMLLimits.ceilings.maxDepth
            default: YAMLLimits.ceilings.maxNodes
            }
            guard n <= ceiling else {
                error("limits.\(key) is at most \(ceiling); got \(n)", at: value)
                continue
            }
            switch key {
            case "max-file-size": limits.maxFileSize = n
            case "max-depth": limits.maxDepth = n
            default: limits.maxNodes = n
            }
        }
    }

    private mutating func readSchemaMap(_ node: YAMLNode, into config: inout Configuration) {
        switch node.content {
        case .mapping(let entries):
            for entry in entries {
                if let prefix = entry.keyText, let dir = folderInside(entry.value) {
                    config.schemaMap.append((prefix, dir))
                }
            }
        case .sequence(let items):
            for item in items {
                guard let text = string(item) else { continue }
                guard let mapping = SchemaMapping.parse(text) else {
                    error("expected PREFIX=DIR, got \"\(text)\"", at: item)
                    continue
                }
                guard let inside = RepositoryPath.inside(mapping.directory) else {
                    error(Self.outside(mapping.directory), at: item)
                    continue
                }
                config.schemaMap.append((mapping.prefix, inside))
            }
        case .scalar:
            error("schema-map is a mapping of URI prefix to folder, got \(node.kindDescription)", at: node)
        }
    }

    /// The entries of a mapping whose keys are allowed; the others are reported.
    mutating func knownEntries(of node: YAMLNode, allowed: [String]) -> [(String, YAMLNode)] {
        guard let entries = node.mapping else {
            error("expected a mapping, got \(node.kindDescription)", at: node)
            return []
        }
        var known: [(String, YAMLNode)] = []
        for entry in entries {
            guard let key = entry.keyText, allowed.contains(key) else {
                unknown(entry.keyText ?? "?", at: entry.key, allowed: allowed)
                continue
            }
            known.append((key, entry.value))
        }
        return known
    }

    mutating func string(_ node: YAMLNode) -> String? {
        if let s = node.string { return s }
        error("expected a string, got \(node.kindDescription)", at: node)
        return nil
    }

    /// A folder inside the repository: settings never make gtm read anything outside it.
    mutating func folderInside(_ node: YAMLNode) -> String? {
        guard let text = string(node) else { return nil }
        guard let inside = RepositoryPath.inside(text) else {
            error(Self.outside(text), at: node)
            return nil
        }
        return inside
    }

    static func outside(_ path: String) -> String {
        "\"\(path)\" lies outside the repository; settings may only name folders inside it (a path relative to the repository root, without ..)"
    }

    mutating func bool(_ node: YAMLNode) -> Bool? {
        if case .bool(let b)? = node.scalar?.value { return b }
        error("expected true or false, got \(node.kindDescription)", at: node)
        return nil
    }

    mutating func positiveInt(_ node: YAMLNode) -> Int? {
        if case .integer(let t)? = node.scalar?.value, let n = Int(t), n > 0 { return n }
        error("expected a positive integer, got \(node.kindDescription)", at: node)
        return nil
    }

    mutating func unknown(_ key: String, at node: YAMLNode, allowed: [String]) {
        let hint = Suggestion.closest(to: key, in: allowed).map { "; did you mean \"\($0)\"?" }
            ?? "; known settings: \(allowed.joined(separator: ", "))"
        error("unknown setting \"\(key)\"\(hint)", at: node)
    }

    mutating func error(_ message: String, at node: YAMLNode) {
        findings.append(Finding(
            rule: ToolCheck.config.id, severity: .error, message: message,
            location: SourceLocation(path: path, line: node.mark.line, column: node.mark.column)
        ))
    }

    func finding(for problem: YAMLProblem) -> Finding {
        YAMLFindings.finding(for: problem, path: path)
    }
}

/// `PREFIX=DIR` as given on the command line or in settings.
public enum SchemaMapping {
    public static func parse(_ text: String) -> (prefix: String, directory: String)? {
        // The prefix is a URI and holds ':' but never '='; split at the last '='.
        guard let eq = text.lastIndex(of: "="), eq != text.startIndex else { return nil }
        let dir = String(text[text.index(after: eq)...])
        guard !dir.isEmpty else { return nil }
        return (String(text[..<eq]), dir)
    }
}
