import GTMModel
import GTMSchemas
import JSONSchema
import Synchronization

/// The built-in schemas as the validity programs compiled when gtm was built
/// (`Plugins/SchemaPrograms`), read back instead of parsing and compiling the schemas' JSON.
///
/// Compiling the built-in schemas was the largest part of a `gtm check` on a small strategy
/// and of the pre-commit hook. A program answers only "valid"; most documents are, and for
/// them that is all validation needs. The first document a program cannot call valid compiles
/// the schemas from their JSON, once, for the messages that say where and why.
extension SchemaCatalog {
    /// The catalog read back from the programs, or nil when `options` are not those the
    /// programs were compiled with (`format-assertion`, `default-draft`), or a program is
    /// missing or unreadable: the schemas are then compiled as before. Read once a process.
    static func builtInPrograms(options: ValidatorOptions) -> SchemaCatalog? {
        readBack.withLock { done in
            if let done, done.options == options { return done.catalog }
            let kinds = BundledSchemas.programSchemas.map { name in DocumentKind.allCases.first { $0.schemaFileName == name } }
            let whole = WholeBuiltIn(options: options)
            // The common schema has a program of its own but no kind: nothing validates against
            // it alone, so its whole is never asked for.
            let wholes: [@Sendable () -> Schema] = kinds.map { kind in
                guard let kind else { return { preconditionFailure("a schema of no kind is never applied on its own") } }
                // The built-in schemas compile whole: gtm-schema-programs compiled them to build gtm.
                return { whole.catalog.schemas[kind]! }
            }
            guard Set(kinds.compactMap { $0 }).count == DocumentKind.allCases.count,
                  let read = BundledSchemas.program.withUTF8Buffer({ Schema.read(programText: $0, options: options, wholes: wholes) })
            else { return nil }
            var schemas: [DocumentKind: Schema] = [:]
            for (kind, schema) in zip(kinds, read) {
                if let kind { schemas[kind] = schema }
            }
            let catalog = SchemaCatalog(schemas: schemas, whole: whole)
            done = (options, catalog)
            return catalog
        }
    }

    private static let readBack = Mutex<(options: ValidatorOptions, catalog: SchemaCatalog)?>(nil)
}

/// The built-in schemas compiled from their JSON on first use: what a program read back
/// defers to for a document it cannot call valid, and for the field reference.
final class WholeBuiltIn: Sendable {
    private let options: ValidatorOptions
    private let made = Mutex<SchemaCatalog?>(nil)

    init(options: ValidatorOptions) { self.options = options }

    var catalog: SchemaCatalog {
        made.withLock { made in
            if let made { return made }
            let (catalog, _) = SchemaCatalog.compile(
                SchemaCatalog.builtInSources, loader: { _ in nil }, options: options, findings: [], programs: false)
            made = catalog
            return catalog
        }
    }
}
