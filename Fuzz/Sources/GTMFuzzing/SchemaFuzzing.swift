import GTMLint
import GTMModel
import GTMSchemas
import JSONSchema

/// A JSON Schema as gtm compiles one. Always: compiled on its own as `gtm validate --schema`
/// does (its relative `$ref`s reach the bundled schemas and the 2020-12 meta-schemas), made to
/// validate a few fixed instances and itself, read as an instance of the meta-schema, and put
/// in place of the Segment schema to judge a fixed strategy, whose findings explain themselves
/// from the schemas as `gtm check`'s do. With `deep` (one bit of the first byte, so only some
/// inputs pay for it): also loaded as a repository's own `schemas/Segment.schema.json` over
/// every bundled schema, the way `gtm check` loads a repository's schemas.
enum SchemaFuzzing {
    static let uri = "https://gtm.tools/schemas/v1/Segment.schema.json"

    static let instances: [JSONValue] = [
        #"{"apiVersion": "gtm/v1", "kind": "Segment", "id": "x", "n": 12, "f": 1.5, "big": 123456789012345678901234567890, "e": 1e400, "day": "2026-02-30", "mail": "a@b.c", "url": "https://x.y/z?q#f", "list": [1, "two", null, true, {"k": []}, 1.0], "o": {"": 0, "~/": "x", "a/b": {"c": [[]]}}}"#,
        #"[1, 1.0, -0, "1", [1], {"a": 1}, {"a": 1.0}]"#,
        #""𝔘nicode \u0000 and \ud83d\ude00""#,
        "-1.5e-7",
        "null",
    ].map { try! JSONParser.parse($0).value }

    /// The bundled schemas by `$id`, read once, for the `$ref`s a fuzzed schema makes.
    static let bundled: [String: JSONDocument] = {
        var documents: [String: JSONDocument] = [:]
        for file in BundledSchemas.files {
            guard let document = try? JSONParser.parse(file.bytes), case .string(let id)? = document.value.objectValue?["$id"] else { continue }
            documents[id] = document
        }
        return documents
    }()

    static let loader: SchemaResourceLoader = { uri in
        try MetaSchemas.loader(uri) ?? bundled[String(uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")]
    }

    static func run(_ body: [UInt8], formatAssertion: Bool, deep: Bool) {
        guard let document = try? JSONParser.parse(body) else { return }
        _ = MetaSchemas.schema?.validate(document.value)
        var compiler = SchemaCompiler(options: ValidatorOptions(formatAssertion: formatAssertion), loader: loader)
        if let schema = try? compiler.compile(document, uri: uri) {
            for instance in instances { _ = schema.validate(instance) }
            _ = schema.validate(document.value)
            var parsed = bundled.reduce(into: [String: JSONValue]()) { $0[String($1.key.split(separator: "/").last!)] = $1.value.value }
            parsed[DocumentKind.segment.schemaFileName] = document.value
            let catalog = SchemaCatalog(schemas: FuzzWorld.catalog.schemas.merging([.segment: schema]) { $1 },
                                        reference: SchemaReference(parsed: parsed))
            _ = Linter(limits: .default, validator: catalog).lint([FuzzWorld.strategy])
        }
        if deep {
            let snapshot = MemorySnapshot(files: ["schemas/" + DocumentKind.segment.schemaFileName: body])
            let (catalog, _) = FuzzWorld.schemaCatalog(snapshot, formatAssertion: formatAssertion)
            _ = Linter(limits: .default, validator: catalog).lint([FuzzWorld.strategy])
        }
    }
}
