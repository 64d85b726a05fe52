import GTMCore
import GTMModel
import GTMSchemas
import JSONSchema
import YAMLSource
import GTMSystem

/// The compiled schema of each document kind: the repository's own `schemas/` first, the
/// schemas built into the binary for any kind the repository does not define. Compiled once
/// per run; validation is then a pure function safe to call from every thread.
public struct SchemaCatalog: DocumentValidating {
    public let schemas: [DocumentKind: Schema]
    private let storedReference: SchemaReference
    /// For the built-in schemas read back from their programs: the same schemas compiled
    /// from their JSON, made the first time a document fails (see `SchemaCatalog+Programs`).
    let whole: WholeBuiltIn?

    /// The same schemas read as a field reference, for findings that say what to type.
    public var reference: SchemaReference { whole?.catalog.reference ?? storedReference }

    public init(schemas: [DocumentKind: Schema], reference: SchemaReference = SchemaReference(parsed: [:])) {
        self.schemas = schemas
        storedReference = reference
        whole = nil
    }

    init(schemas: [DocumentKind: Schema], whole: WholeBuiltIn) {
        self.schemas = schemas
        storedReference = SchemaReference(parsed: [:])
        self.whole = whole
    }

    /// Loads and compiles the schemas of `folder` (repository-relative) in a snapshot, over
    /// the built-in ones; a malformed schema is a finding at the bad keyword's position, and
    /// documents of that kind are then not validated.
    ///
    /// `prepared` is the built-in catalog compiled ahead (while libgit2 starts, for the hook):
    /// it is used when the repository defines no schema of its own and the options match.
    public static func load(
        from snapshot: any RepositorySnapshot, folder: String, displayFolder: String,
        loader: @escaping SchemaResourceLoader, options: ValidatorOptions, maxFileSize: Int,
        prepared: PreparedBuiltIn? = nil
    ) -> (SchemaCatalog, [Finding]) {
        var findings: [Finding] = []
        var sources = builtInSources
        let prefix = folder.isEmpty ? "" : folder + "/"
        for path in snapshot.files(under: folder, accept: { $0.hasSuffix(".json") }) {
            let name = String(path.dropFirst(prefix.count))
            let shown = displayFolder + "/" + name
            switch snapshot.file(path, limit: maxFileSize) {
            case .bytes(let bytes)?:
                sources[name] = (shown, bytes)
            case let content?:
                findings.append(unreadable(content, path: shown, limit: maxFileSize))
            case nil:
                continue
            }
        }
        if findings.isEmpty, let prepared, prepared.isWhole, prepared.options == options, isBuiltIn(sources) {
            return (prepared.catalog, [])
        }
        return compile(sources, loader: loader, options: options, findings: findings)
    }

    static let builtInFolder = "<built-in>/"

    /// About how many subschemas sources of this size hold: one per 64 bytes of JSON or so.
    static func expectedNodes(_ sources: [String: (path: String, bytes: [UInt8])]) -> Int {
        min(sources.values.reduce(0) { $0 + $1.bytes.count } / 64, 1 << 16)
    }

    /// Whether `sources` are the built-in schemas, byte for byte: from the binary, or from a
    /// schema folder that holds copies of them (where they came from changes only the path a
    /// finding would name, and the built-in schemas compile without one).
    static func isBuiltIn(_ sources: [String: (path: String, bytes: [UInt8])]) -> Bool {
        // Compared as memory: element by element, the schemas' 64 KB cost every start 0.4 M instructions.
        sources.count == BundledSchemas.files.count && BundledSchemas.files.allSatisfy { file in
            sources[file.name].map { Memory.equal($0.bytes, file.bytes) } ?? false
        }
    }

    /// The schemas built into the binary, by file name, with the path findings show.
    static var builtInSources: [String: (path: String, bytes: [UInt8])] {
        var sources: [String: (path: String, bytes: [UInt8])] = [:]
        for file in BundledSchemas.files {
            sources[file.name] = (builtInFolder + file.name, file.bytes)
        }
        return sources
    }

    /// The built-in schemas compiled ahead of knowing whether the repository replaces them.
    public struct PreparedBuiltIn {
        let options: ValidatorOptions
        public let catalog: SchemaCatalog
        /// Compiled without a finding and without asking for a schema from outside: only then
        /// is it what `load` would compile from the same schemas.
        let isWhole: Bool

        /// Whether `validator` is this catalog: the built-in schemas compiled ahead were used.
        public func isUsed(by validator: (any DocumentValidating)?) -> Bool {
            guard let used = validator as? SchemaCatalog else { return false }
            return DocumentKind.allCases.allSatisfy { used.schemas[$0] === catalog.schemas[$0] }
        }
    }

    /// Compiles the built-in schemas with `options`: on one core while the other starts
    /// libgit2, on both where libgit2 starts at once (`twoCores`).
    public static func prepareBuiltIn(options: ValidatorOptions, twoCores: Bool = false) -> PreparedBuiltIn {
        let asked = LoaderCalls()
        let (catalog, findings) = compile(builtInSources, loader: { _ in asked.count += 1; return nil }, options: options, findings: [], twoCores: twoCores)
        return PreparedBuiltIn(options: options, catalog: catalog, isWhole: findings.isEmpty && asked.count == 0)
    }

    /// Whether compiling asked the loader for anything.
    private final class LoaderCalls: @unchecked Sendable {
        var count = 0
    }

    /// Compiles schema sources by file name (the repository's over the built-in ones).
    /// The built-in schemas, byte for byte, are read back from the programs compiled with gtm
    /// unless `programs` is false (when those schemas are compiled for their errors).
    static func compile(
        _ sources: [String: (path: String, bytes: [UInt8])], loader: @escaping SchemaResourceLoader,
        options: ValidatorOptions, findings: [Finding], twoCores: Bool = true, programs: Bool = true
    ) -> (SchemaCatalog, [Finding]) {
        if programs, findings.isEmpty, isBuiltIn(sources), let catalog = builtInPrograms(options: options) {
            return (catalog, [])
        }
        if twoCores, findings.isEmpty, let catalog = compileBuiltInOnTwoCores(sources, options: options) {
            return (catalog, [])
        }
        var findings = findings
        var compiler = SchemaCompiler(options: options, loader: loader, expectedNodes: expectedNodes(sources))
        var documents: [String: (path: String, document: JSONDocument)] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                let document = try JSONParser.parse(source.bytes, recordPositions: false)
                try compiler.register(document)
                documents[name] = (source.path, document)
            } catch let error as JSONSyntaxError {
                findings.append(Finding(rule: ToolCheck.schemaInvalid.id, severity: .error, message: "the schema is not valid JSON: \(error.message)", location: SourceLocation(path: source.path, line: error.line, column: error.column)))
            } catch let error as SchemaError {
                findings.append(schemaFinding(error, path: source.path))
            } catch {
                findings.append(Finding(rule: ToolCheck.schemaInvalid.id, severity: .error, message: "\(error)", location: .file(source.path)))
            }
        }
        var schemas: [DocumentKind: Schema] = [:]
        for kind in DocumentKind.allCases {
            guard let (path, document) = documents[kind.schemaFileName] else { continue }
            do {
                schemas[kind] = try compiler.compile(document)
            } catch {
                findings.append(schemaFinding(error, path: path))
            }
        }
        // The strategy's own schemas must be whole: an unresolved reference is an error. Every
        // schema of one compiler shares its registry, so one of them lists them all.
        for error in schemas.values.first?.unresolvedReferences ?? [] {
            let holder = documents.values.first { $0.document.value.objectValue?["$id"]?.stringValue == error.uri }
            findings.append(schemaFinding(error, path: holder?.path ?? error.uri))
        }
        let reference = SchemaReference(parsed: documents.mapValues(\.document.value))
        return (SchemaCatalog(schemas: schemas, reference: reference), findings)
    }

    /// A schema file that could not be read: over the size limit (with the setting that raises
    /// it), unreadable, or not a file.
    static func unreadable(_ content: LintInput.Content, path: String, limit: Int) -> Finding {
        let message = switch content {
        case .tooLarge(let size): "the schema is \(size) bytes, over the limit of \(limit) bytes; raise limits.max-file-size in .gtm.yaml to read it"
        case .unreadable(let reason): "cannot read the schema: \(reason)"
        case .bytes, .file: "cannot read the schema"
        }
        return Finding(rule: ToolCheck.schemaInvalid.id, severity: .error, message: message, location: .file(path))
    }

    static func schemaFinding(_ error: SchemaError, path: String) -> Finding {
        Finding(
            rule: ToolCheck.schemaInvalid.id, severity: .error,
            message: "invalid schema: \(error.message)" + (error.pointer.isEmpty ? "" : " (at \(error.pointer))"),
            location: SourceLocation(path: path, line: error.line ?? 1, column: error.column ?? 1)
        )
    }

    public func validate(_ document: GTMDocument) -> (findings: [Finding], invalid: [JSONPointer]) {
        guard let schema = schemas[document.kind] else { return ([], []) }
        // A program compiled with gtm says "valid" without the schema's JSON; anything else
        // goes through the whole schema, which says where and why.
        var knownInvalid = false
        if schema.isPrecompiled {
            switch schema.isValid(document.root.flatInstance) {
            case true?: return ([], [])
            case false?: knownInvalid = true
            case nil: break
            }
        }
        let result = schema.validate(document.root.jsonValue, knownInvalid: knownInvalid)
        guard !result.isValid else { return ([], []) }
        let invalid = result.errors.flatMap { error in
            [error.instanceLocation, error.intendedLocation].compactMap { $0.flatMap(JSONPointer.init(parsing:)) }
        }
        return (SchemaFindings.findings(result, root: document.root, path: document.path, documentID: document.id,
                                        kind: document.kind.rawValue, reference: reference), invalid)
    }
}

/// Schema errors as findings at the instance's position, each saying what to type where the
/// schemas know it: where a key belongs, the close allowed value, the keys an object takes, a
/// comma that YAML read as structure.
public enum SchemaFindings {
    public static func findings(_ result: ValidationResult, root: YAMLNode, path: String, documentID: String?,
                                kind: String? = nil, reference: SchemaReference? = nil) -> [Finding] {
        // Placing every finding goes through one finder, so placing them all is linear; where
        // a misplaced key belongs is looked up in one table made at most once per document.
        let finder = NodeFinder(root)
        var homes: [String: [String]]?
        return result.errors.map { error in
            let pointer = JSONPointer(parsing: error.instanceLocation) ?? .root
            // An unknown property is reported at its key, where the typo is.
            let isUnknownKey = error.keyword == "additionalProperties" || error.keyword == "unevaluatedProperties"
            let mark = (isUnknownKey ? finder.keyMark(at: pointer) : nil) ?? finder.mark(at: pointer)
            var message = error.message
            if let reference, let kind {
                if homes == nil, error.keyword == "additionalProperties" || error.keyword == "unevaluatedProperties" { homes = reference.homes(of: kind) }
                message = explain(error, message: message, pointer: pointer, finder: finder, kind: kind, reference: reference, homes: homes ?? [:])
            }
            return Finding(
                rule: ToolCheck.schema.id, severity: .error, message: message,
                location: SourceLocation(path: path, line: mark.line, column: mark.column),
                pointer: pointer, documentID: documentID
            )
        }
    }

    static func explain(_ error: ValidationError, message: String, pointer: JSONPointer, finder: NodeFinder, kind: String, reference: SchemaReference, homes: [String: [String]]) -> String {
        guard let key = pointer.tokens.last else { return message }
        switch error.keyword {
        case "additionalProperties", "unevaluatedProperties":
            if let comma = flowComma(pointer, finder: finder) { return comma }
            let here = objectPath(pointer.parent ?? .root, kind: kind)
            let places = (homes[key] ?? []).filter { $0 != here }
            guard let place = places.first else { return message }
            let name = place == kind ? "at the top level of the \(kind)" : "under `\(place.dropFirst(kind.count + 1))`"
            return "unknown property \"\(key)\" here: `\(key)` belongs \(name)"
        case "enum":
            guard case .scalar(let scalar)? = finder.node(at: pointer)?.content,
                  let allowed = reference.value(atKeywordLocation: error.absoluteKeywordLocation)?.arrayValue?.compactMap(\.stringValue)
            else { return message }
            let written = scalar.text
            let close = allowed.first { $0.lowercased() == written.lowercased() }
                ?? allowed.first { $0.replacing("-", with: "").lowercased() == written.replacing("-", with: "").replacing(" ", with: "").replacing("_", with: "").lowercased() }
                ?? Suggestion.closest(to: written, in: allowed)
            guard let close else { return message }
            return message + "; did you mean `\(close)`?" + (close.lowercased() == written.lowercased() ? " (the values are lower case)" : "")
        case "type":
            guard message.hasPrefix("expected an object"), let object = reference.objectAt(keywordLocation: error.absoluteKeywordLocation) else { return message }
            // An item of a list is named by its list: `alternatives` takes objects.
            if Int(key) != nil, let list = pointer.tokens.dropLast().last(where: { Int($0) == nil }) {
                var text = message + ": each item of `\(list)` takes the keys " + object.fields.joined(separator: ", ")
                if let example = object.example { text += ", for example `- \(example)`" }
                return text
            }
            var text = message + ": `\(key)` takes the keys " + object.fields.joined(separator: ", ")
            if let example = object.example { text += ", for example `\(key): \(example)`" }
            return text
        default:
            return message
        }
    }

    /// The dotted object path of a pointer in a document (`/growth/nextSegments/0` →
    /// `Strategy.growth.nextSegments`), list indexes left out.
    static func objectPath(_ pointer: JSONPointer, kind: String) -> String {
        ([kind] + pointer.tokens.filter { Int($0) == nil }).joined(separator: ".")
    }

    /// An unknown key with no value inside a mapping written on one line
    /// (`{role: CFO, note: signs, approves}`): the comma split a value in two.
    static func flowComma(_ pointer: JSONPointer, finder: NodeFinder) -> String? {
        guard let key = pointer.tokens.last, let parent = pointer.parent, let (mapping, index) = finder.entry(in: parent, key: key), index > 0,
              case .scalar(let empty) = mapping[index].value.content, empty.text.isEmpty,
              case .scalar(let previous) = mapping[index - 1].value.content,
              mapping[index - 1].key.mark.line == mapping[index].key.mark.line,
              let previousKey = mapping[index - 1].keyText
        else { return nil }
        let whole = previous.text + ", " + key
        return "unknown property \"\(key)\": the comma before it ended the value of `\(previousKey)`; inside `{…}` a comma separates entries, so quote a value that holds one: `\(previousKey): \"\(whole)\"`"
    }
}
