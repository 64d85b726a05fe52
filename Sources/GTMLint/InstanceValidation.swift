import GTMCore
import GTMModel
import JSONSchema
import YAMLSource
import GTMSystem

/// `gtm validate`: any YAML or JSON file against one schema, with the same findings and
/// positions as `gtm check`.
public struct InstanceValidator: Sendable {
    public let schema: Schema
    public let limits: YAMLLimits

    /// Compiles the schema at `path` (JSON, or YAML by extension), with the repository's schema
    /// folder registered so its `$id`s resolve, and `schemaMap` for remote references.
    public static func load(
        schemaPath: String, displayPath: String, schemaFolder: String?, loader: @escaping SchemaResourceLoader,
        root: String, options: ValidatorOptions, limits: YAMLLimits
    ) -> (InstanceValidator?, [Finding]) {
        var compiler = SchemaCompiler(options: options, loader: loader)
        var findings: [Finding] = []
        if let folder = schemaFolder, FileSystem.kind(of: folder) == .directory {
            for path in FileSystem.files(under: folder, suffix: ".json") where FileSystem.normalize(path) != FileSystem.normalize(FileSystem.absolute(schemaPath)) {
                if case .bytes(let bytes)? = try? FileSystem.read(path, limit: limits.maxFileSize), let document = try? JSONParser.parse(bytes) {
                    _ = try? compiler.register(document)
                }
            }
        }
        let input = WorkingTreeSource(repositoryRoot: root, maxFileSize: limits.maxFileSize).read(schemaPath)
        guard case .bytes(let bytes) = input.content else {
            return (nil, [SchemaCatalog.unreadable(input.content, path: displayPath, limit: limits.maxFileSize)])
        }
        let document: JSONDocument
        switch Self.parse(bytes, path: displayPath, limits: limits, positions: true) {
        case .failure(let problems): return (nil, problems)
        case .success(let documents):
            guard let first = documents.first else {
                return (nil, [Finding(rule: ToolCheck.schemaInvalid.id, severity: .error, message: "the schema file holds no document", location: .file(displayPath))])
            }
            document = first.document
        }
        do {
            let schema = try compiler.compile(document, uri: "file://" + FileSystem.absolute(schemaPath))
            // A reference nothing resolves fails only the values that reach it; say so once.
            for unresolved in schema.unresolvedReferences {
                var finding = SchemaCatalog.schemaFinding(unresolved, path: unresolved.uri.hasPrefix("file://") ? displayPath : unresolved.uri)
                finding.severity = .warning
                finding.message = unresolved.message + "; values that reach it are invalid"
                findings.append(finding)
            }
            return (InstanceValidator(schema: schema, limits: limits), findings)
        } catch {
            findings.append(SchemaCatalog.schemaFinding(error, path: displayPath))
            return (nil, findings)
        }
    }

    /// One parsed document of a file, and how to find the position of a pointer in it.
    struct ParsedDocument {
        var document: JSONDocument
        var yaml: YAMLNode?
    }

    enum ParseOutcome {
        case success([ParsedDocument])
        case failure([Finding])
    }

    /// JSON files by extension through the JSON parser; everything else through libyaml.
    /// `positions`: build a pointer → position table for YAML (schemas need it for compile
    /// errors; instances find positions in their node tree instead).
    static func parse(_ bytes: [UInt8], path: String, limits: YAMLLimits, positions: Bool = false) -> ParseOutcome {
        if path.hasSuffix(".json") {
            do {
                return .success([ParsedDocument(document: try JSONParser.parse(bytes), yaml: nil)])
            } catch {
                return .failure([Finding(rule: "json-syntax", severity: .error, message: error.message,
                                         location: SourceLocation(path: path, line: error.line, column: error.column))])
            }
        }
        let file = YAMLLoader.load(bytes, path: path, limits: limits)
        let problems = file.problems.map { YAMLFindings.finding(for: $0, path: path, source: bytes) }
        if file.problems.contains(where: \.isFatal) { return .failure(problems) }
        let documents = file.documents.map { doc in
            ParsedDocument(
                document: positions ? JSONDocument(value: doc.root.jsonValue, positions: doc.root.positionTable()) : JSONDocument(value: doc.root.jsonValue),
                yaml: doc.root)
        }
        return problems.isEmpty ? .success(documents) : .failure(problems)
    }

    /// Findings for one input file.
    public func validate(_ input: LintInput) -> [Finding] {
        var input = input
        if case .file(let path) = input.content {
            // Read here, on the worker thread: files are read in parallel and never all at once.
            input = WorkingTreeSource(repositoryRoot: nil, maxFileSize: limits.maxFileSize).read(path, shownAs: input.path)
        }
        guard case .bytes(let bytes) = input.content else {
            return Linter(limits: limits, validator: nil).lintFile(input).findings
        }
        // Most files are valid: read them flat and run the validity program, and only a file it
        // cannot prove valid pays for the node tree, the JSON copy and the full evaluator, which
        // say what is wrong and where.
        var verdicts: [Bool?] = []
        if !input.path.hasSuffix(".json"), let documents = FlatLoader.load(bytes, limits: limits) {
            verdicts = documents.map { schema.isValid($0) }
            if verdicts.allSatisfy({ $0 == true }) { return [] }
        }
        switch Self.parse(bytes, path: input.path, limits: limits) {
        case .failure(let findings):
            return findings
        case .success(let documents):
            return documents.enumerated().flatMap { index, parsed in
                // A document the program found invalid goes straight to the pass that says why.
                let knownInvalid = index < verdicts.count && verdicts[index] == false
                let result = schema.validate(parsed.document.value, knownInvalid: knownInvalid)
                if let yaml = parsed.yaml {
                    return SchemaFindings.findings(result, root: yaml, path: input.path, documentID: nil)
                }
                return result.errors.map { error in
                    let position = parsed.document.position(of: error.instanceLocation) ?? (1, 1)
                    return Finding(rule: ToolCheck.schema.id, severity: .error, message: error.message,
                                   location: SourceLocation(path: input.path, line: position.line, column: position.column),
                                   pointer: JSONPointer(parsing: error.instanceLocation))
                }
            }
        }
    }
}

extension YAMLNode {
    /// Pointer → position of every node, keys for mapping members (for schema files written in
    /// YAML, whose errors point at keywords).
    func positionTable() -> [String: (line: Int, column: Int)] {
        var table: [String: (line: Int, column: Int)] = [:]
        func walk(_ node: YAMLNode, _ pointer: String) {
            switch node.content {
            case .mapping(let entries):
                for e in entries {
                    guard let key = e.keyText else { continue }
                    let child = pointer + "/" + JSONPointer.escape(key)
                    table[child] = (e.key.mark.line, e.key.mark.column)
                    walk(e.value, child)
                }
            case .sequence(let items):
                for (i, item) in items.enumerated() {
                    table[pointer + "/\(i)"] = (item.mark.line, item.mark.column)
                    walk(item, pointer + "/\(i)")
                }
            case .scalar:
                break
            }
        }
        table[""] = (mark.line, mark.column)
        walk(self, "")
        return table
    }
}
