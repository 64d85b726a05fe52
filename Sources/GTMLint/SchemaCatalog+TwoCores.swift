import GTMCore
import GTMModel
import JSONSchema

/// The built-in schemas compiled on both cores.
///
/// Compiling the schemas is the largest part of a `gtm check` on a small strategy, and one
/// compiler works on one core. The Strategy schema is half of the built-in text: one compiler
/// takes it and another the other kinds, each reaching `common.schema.json` (which both refer
/// to by its `$id`) on its own. Only the built-in schemas are compiled this way, whether they
/// come from the binary or from a schema folder holding the same bytes: they are known to
/// compile without a finding and to resolve every reference, so the split changes nothing
/// but the time. Any other schemas are compiled by one compiler, which reports every problem
/// in every file.
extension SchemaCatalog {
    /// The catalog of the built-in schemas, or nil when `sources` are not exactly those bytes
    /// (or, against expectation, the split compile met a problem: the caller then compiles as
    /// usual and reports it).
    static func compileBuiltInOnTwoCores(
        _ sources: [String: (path: String, bytes: [UInt8])], options: ValidatorOptions
    ) -> SchemaCatalog? {
        guard isBuiltIn(sources) else { return nil }
        let names = sources.keys.sorted()
        let parsed = concurrentMap(names, from: 2) { try? JSONParser.parse(sources[$0]!.bytes, recordPositions: false) }
        var byName: [String: JSONDocument] = [:]
        var byID: [String: JSONDocument] = [:]
        for (name, document) in zip(names, parsed) {
            guard let document, let id = document.value.objectValue?["$id"]?.stringValue else { return nil }
            byName[name] = document
            byID[id] = document
        }
        let (documents, identified) = (byName, byID)
        let groups: [[DocumentKind]] = [[.strategy], DocumentKind.allCases.filter { $0 != .strategy }]
        let expectedNodes = Self.expectedNodes(sources)
        let compiled = concurrentMap(groups, from: 2) { kinds -> [DocumentKind: Schema]? in
            let loader: SchemaResourceLoader = { uri in identified[uri] }
            var compiler = SchemaCompiler(options: options, loader: loader, expectedNodes: expectedNodes)
            var schemas: [DocumentKind: Schema] = [:]
            for kind in kinds {
                guard let document = documents[kind.schemaFileName] else { continue }
                guard let schema = try? compiler.compile(document), schema.unresolvedReferences.isEmpty else { return nil }
                schemas[kind] = schema
            }
            return schemas
        }
        var schemas: [DocumentKind: Schema] = [:]
        for group in compiled {
            guard let group else { return nil }
            schemas.merge(group) { first, _ in first }
        }
        return SchemaCatalog(schemas: schemas, reference: SchemaReference(parsed: byName.mapValues(\.value)))
    }
}
