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

    /// Loads and compiles the schemas of `folder` (repository-relative) in a snapshot, over
    /// the built-in ones; a malformed schema is a finding at the bad keyword's position, and
    /// documents of that kind are then not validated.
    public static func load(
        from snapshot: any RepositorySnapshot, folder: String, displayFolder: String,
        loader: @escaping SchemaResourceLoader, formatAssertion: Bool, maxFileSize: Int
    ) -> (SchemaCatalog, [Finding]) {
        var findings: [Finding] = []
        var sources: [String: (path: String, bytes: [UInt8])] = [:]
        for file in BundledSchemas.files {
            sources[file.name] = ("<built-in>/" + file.name, file.bytes)
        }
        let prefix = folder.isEmpty ? "" : folder + "/"
        for path in snapshot.files(under: folder, accept: { $0.hasSuffix(".json") }) {
            let name = String(path.dropFirst(prefix.count))
            let shown = displayFolder + "/" + name
            switch snapshot.file(path, limit: maxFileSize) {
            case .bytes(let bytes)?:
                sources[name] = (shown, bytes)
            case .tooLarge(let size)?:
                findings.append(Finding(rule: ToolCheck.schemaInvalid.id, severity: .error, message: "the schema is \(size) bytes, over the limit of \(maxFileSize) bytes; raise limits.max-file-size in .gtm.yaml to read it", location: .file(shown)))
            case .unreadable(let reason)?:
                findings.append(Finding(rule: ToolCheck.schemaInvalid.id, severity: .error, message: "cannot read the schema: \(reason)", location: .file(shown)))
            case .file?, nil:
                continue
            }
        }
        var compiler = SchemaCompiler(options: ValidatorOptions(formatAssertion: formatAssertion), loader: loader)
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
        return (SchemaCatalog(schemas: schemas), findings)
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
        let result = schema.validate(document.root.jsonValue)
        guard !result.isValid else { return ([], []) }
        let invalid = result.errors.flatMap { error in
            [error.instanceLocation, error.intendedLocation].compactMap { $0.flatMap(JSONPointer.init(parsing:)) }
        }
        return (SchemaFindings.findings(result, root: document.root, path: document.path, documentID: document.id), invalid)
    }
}

/// Schema errors as findings at the instance's position.
public enum SchemaFindings {
    public static func findings(_ result: ValidationResult, root: YAMLNode, path: String, documentID: String?) -> [Finding] {
        result.errors.map { error in
            let pointer = JSONPointer(parsing: error.instanceLocation) ?? .root
            // An unknown property is reported at its key, where the typo is.
            let isUnknownKey = error.keyword == "additionalProperties" || error.keyword == "unevaluatedProperties"
            let mark = (isUnknownKey ? root.keyMark(at: pointer) : nil) ?? root.mark(at: pointer)
            return Finding(
                rule: ToolCheck.schema.id, severity: .error, message: error.message,
                location: SourceLocation(path: path, line: mark.line, column: mark.column),
                pointer: pointer, documentID: documentID
            )
        }
    }
}
