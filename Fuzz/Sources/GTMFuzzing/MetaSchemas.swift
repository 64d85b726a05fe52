import GTMSystem
import JSONSchema

/// The draft 2020-12 meta-schemas, read once from the folder `GTM_FUZZ_METASCHEMAS` names
/// (`make fuzz` points it at ../shared/json-schema-metaschemas/draft2020-12; they are never
/// copied into the repository). Without them a schema is still compiled and used, just not
/// checked against the meta-schema.
enum MetaSchemas {
    static let documents: [String: JSONDocument] = {
        guard let folder = ProcessServices.environment("GTM_FUZZ_METASCHEMAS"), FileSystem.kind(of: folder) == .directory else { return [:] }
        var documents: [String: JSONDocument] = [:]
        for path in FileSystem.files(under: folder, suffix: ".json") {
            guard case .bytes(let bytes)? = try? FileSystem.read(path), let document = try? JSONParser.parse(bytes),
                  case .string(let id)? = document.value.objectValue?["$id"] else { continue }
            documents[id] = document
        }
        return documents
    }()

    /// The meta-schemas by `$id`, for `$ref`s and `$schema`s that name them.
    static let loader: SchemaResourceLoader = { uri in
        documents[String(uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")]
    }

    static let schema: Schema? = {
        guard !documents.isEmpty else { return nil }
        var compiler = SchemaCompiler(loader: loader)
        return try? compiler.compile(uri: SchemaCompiler.metaSchemaURI)
    }()
}
