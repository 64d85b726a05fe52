/// Compiles schemas once so that validation is fast: every keyword is checked and parsed,
/// every regex compiled, every `$ref` linked to its target. Register the schemas a set of
/// documents may reference, then compile the ones to validate against.
public struct SchemaCompiler {
    let registry = SchemaRegistry()
    let options: ValidatorOptions
    let loader: SchemaResourceLoader?

    public static let metaSchemaURI = "https://json-schema.org/draft/2020-12/schema"
    static let validationVocabulary = "https://json-schema.org/draft/2020-12/vocab/validation"
    static let knownVocabularies: Set = [
        "https://json-schema.org/draft/2020-12/vocab/core",
        "https://json-schema.org/draft/2020-12/vocab/applicator",
        "https://json-schema.org/draft/2020-12/vocab/unevaluated",
        "https://json-schema.org/draft/2020-12/vocab/validation",
        "https://json-schema.org/draft/2020-12/vocab/meta-data",
        "https://json-schema.org/draft/2020-12/vocab/format-annotation",
        "https://json-schema.org/draft/2020-12/vocab/format-assertion",
        "https://json-schema.org/draft/2020-12/vocab/content",
    ]

    public init(options: ValidatorOptions = .init(), loader: SchemaResourceLoader? = nil) {
        self.options = options
        self.loader = loader
    }

    /// Registers a schema document by its `$id` (or `uri` when it has none) with every
    /// resource and anchor inside it. Returns the URI it is registered under.
    @discardableResult
    public mutating func register(_ document: JSONDocument, uri: String? = nil) throws(SchemaError) -> String {
        try registerDocument(document, uri: uri).resource
    }

    /// Compiles the schema registered under `uri` (registering it through the loader when needed).
    public mutating func compile(uri: String) throws(SchemaError) -> Schema {
        let root = try lookup(URIReference(uri).withoutFragment.text + "#" + (URIReference(uri).fragment ?? ""), from: "")
        try link()
        return Schema(root: root, registry: registry, options: options)
    }

    /// Registers and compiles a schema document in one step.
    public mutating func compile(_ document: JSONDocument, uri: String? = nil) throws(SchemaError) -> Schema {
        let root = try registerDocument(document, uri: uri).node
        try link()
        return Schema(root: root, registry: registry, options: options)
    }

    mutating func registerDocument(_ document: JSONDocument, uri: String?) throws(SchemaError) -> (resource: String, node: SchemaNode) {
        var base = uri.map { URIReference($0).withoutFragment.text } ?? ""
        if base.isEmpty, case .object(let o) = document.value, let id = o["$id"]?.stringValue {
            base = URIReference(id).withoutFragment.text
        }
        if base.isEmpty {
            registry.anonymous += 1
            base = "urn:gtm:anonymous-schema:\(registry.anonymous)"
        }
        if let existing = registry.nodes[base + "#"] { return (base, existing) }
        registry.documents[base] = document
        let node = try compileNode(
            document.value, base: URIReference(base), resource: base, pointer: "", documentURI: base,
            documentPointer: "", aliases: [], validation: true, isDocumentRoot: true)
        return (node.resource, node)
    }

    // MARK: - Compiling one schema object

    mutating func compileNode(
        _ json: JSONValue, base: URIReference, resource: String, pointer: String, documentURI: String,
        documentPointer: String, aliases: [(String, String)], validation: Bool, isDocumentRoot: Bool = false
    ) throws(SchemaError) -> SchemaNode {
        var base = base, resource = resource, pointer = pointer, aliases = aliases, validation = validation
        if case .object(let o) = json, let idValue = o["$id"] {
            guard let id = idValue.stringValue else {
                throw error("$id must be a string", documentURI, documentPointer + "/$id")
            }
            let resolved = URIReference(id).resolved(against: base).withoutFragment
            if !isDocumentRoot || resolved.text != resource {
                aliases.append((resource, pointer))
            }
            base = resolved
            resource = resolved.text
            pointer = ""
        }
        if pointer.isEmpty {
            if case .object(let o) = json, let meta = o["$schema"] {
                guard let metaURI = meta.stringValue else {
                    throw error("$schema must be a URI string", documentURI, documentPointer + "/$schema")
                }
                validation = try vocabularyIncludesValidation(metaURI, documentURI: documentURI, pointer: documentPointer + "/$schema")
            }
            if registry.resources[resource] == nil {
                registry.resources[resource] = .init(json: json, document: documentURI, documentPointer: documentPointer, validation: validation)
            }
        }
        let key = resource + "#" + pointer
        if let existing = registry.nodes[key] { return existing }
        let node = SchemaNode(location: key, resource: resource)
        node.validation = validation
        registry.nodes[key] = node
        for (r, p) in aliases where registry.nodes[r + "#" + p] == nil {
            registry.nodes[r + "#" + p] = node
        }

        switch json {
        case .bool(let b):
            node.boolean = b
            return node
        case .object:
            break
        default:
            throw error("a schema must be an object or a boolean, got \(json.shortDescription)", documentURI, documentPointer)
        }

        let reader = KeywordReader(compiler: self, json: json, documentURI: documentURI, documentPointer: documentPointer)
        func sub(_ value: JSONValue, _ tokens: [String]) throws(SchemaError) -> SchemaNode {
            let suffix = tokens.map { "/" + Pointer.escape($0) }.joined()
            return try compileNode(
                value, base: base, resource: resource, pointer: pointer + suffix, documentURI: documentURI,
                documentPointer: documentPointer + suffix,
                aliases: aliases.map { ($0.0, $0.1 + suffix) }, validation: validation)
        }

        if let anchor = try reader.string("$anchor") {
            try reader.checkAnchorName(anchor, "$anchor")
            registry.anchors[resource + "#" + anchor] = node
        }
        if let anchor = try reader.string("$dynamicAnchor") {
            try reader.checkAnchorName(anchor, "$dynamicAnchor")
            if registry.anchors[resource + "#" + anchor] == nil { registry.anchors[resource + "#" + anchor] = node }
            registry.dynamicAnchors[resource, default: [:]][anchor] = node
            node.ownDynamicAnchor = anchor
        }
        if let ref = try reader.string("$ref") {
            node.refText = ref
            node.refURI = URIReference(ref).resolved(against: base).text
            registry.unlinked.append(node)
        }
        if let ref = try reader.string("$dynamicRef") {
            node.dynamicRefText = ref
            node.dynamicRefURI = URIReference(ref).resolved(against: base).text
            if !node.unlinkedAlready(in: registry) { registry.unlinked.append(node) }
        }
        if case .object(let defs)? = try reader.object("$defs") {
            for (name, value) in defs { _ = try sub(value, ["$defs", name]) }
        }

        try reader.readValidation(into: node)

        if let list = try reader.schemaArray("allOf") { node.allOf = try list.enumerated().map { i, v throws(SchemaError) in try sub(v, ["allOf", String(i)]) } }
        if let list = try reader.schemaArray("anyOf") { node.anyOf = try list.enumerated().map { i, v throws(SchemaError) in try sub(v, ["anyOf", String(i)]) } }
        if let list = try reader.schemaArray("oneOf") { node.oneOf = try list.enumerated().map { i, v throws(SchemaError) in try sub(v, ["oneOf", String(i)]) } }
        if let list = try reader.schemaArray("prefixItems") { node.prefixItems = try list.enumerated().map { i, v throws(SchemaError) in try sub(v, ["prefixItems", String(i)]) } }
        for name in ["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties"] {
            guard let value = try reader.schema(name) else { continue }
            let compiled = try sub(value, [name])
            switch name {
            case "not": node.not = compiled
            case "if": node.ifSchema = compiled
            case "then": node.thenSchema = compiled
            case "else": node.elseSchema = compiled
            case "items": node.items = compiled
            case "contains": node.contains = compiled
            case "additionalProperties": node.additionalProperties = compiled
            case "propertyNames": node.propertyNames = compiled
            case "unevaluatedItems": node.unevaluatedItems = compiled
            default:
                node.unevaluatedProperties = compiled
                registry.usesUnevaluatedProperties = true
            }
        }
        if let map = try reader.schemaMap("properties") {
            for (name, value) in map {
                node.properties[name] = try sub(value, ["properties", name])
                node.propertyOrder.append(name)
            }
        }
        if let map = try reader.schemaMap("patternProperties") {
            for (source, value) in map {
                let regex = try reader.regex(source, at: "patternProperties/" + Pointer.escape(source))
                node.patternProperties.append((regex, try sub(value, ["patternProperties", source])))
            }
        }
        if let map = try reader.schemaMap("dependentSchemas") {
            for (name, value) in map { node.dependentSchemas.append((name, try sub(value, ["dependentSchemas", name]))) }
        }
        // Draft 7's `dependencies`, still common in the wild: lists are dependentRequired,
        // schemas are dependentSchemas.
        if case .object(let map)? = try reader.object("dependencies") {
            for (name, value) in map {
                if let list = value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) {
                    node.dependentRequired.append((name, list.compactMap(\.stringValue)))
                } else {
                    node.dependentSchemas.append((name, try sub(value, ["dependencies", name])))
                }
            }
        }
        return node
    }

    /// Whether the meta-schema a resource names keeps the validation vocabulary.
    mutating func vocabularyIncludesValidation(_ metaURI: String, documentURI: String, pointer: String) throws(SchemaError) -> Bool {
        let bare = URIReference(metaURI).withoutFragment.text
        if bare == Self.metaSchemaURI { return true }
        // A meta-schema being compiled names itself in `$schema`: the document registered before
        // its compilation began answers, instead of loading and compiling it again without end.
        var meta = registry.resources[bare]?.json ?? registry.documents[bare]?.value
        if meta == nil, let loaded = try loader?(bare) {
            meta = loaded.value
            _ = try registerDocument(loaded, uri: bare)
        }
        guard case .object(let o)? = meta, case .object(let vocabularies)? = o["$vocabulary"] else { return true }
        for (vocabulary, required) in vocabularies where required == .bool(true) && !Self.knownVocabularies.contains(vocabulary) {
            throw error("the meta-schema \(bare) requires the vocabulary \(vocabulary), which gtm does not support", documentURI, pointer)
        }
        return vocabularies[Self.validationVocabulary] != nil
    }

    // MARK: - Linking references

    mutating func link() throws(SchemaError) {
        while let node = registry.unlinked.popLast() {
            if let uri = node.refURI, node.ref == nil {
                node.ref = try lookup(uri, from: node.location + "/$ref")
            }
            if let uri = node.dynamicRefURI, node.dynamicRef == nil {
                let target = try lookup(uri, from: node.location + "/$dynamicRef")
                node.dynamicRef = target
                let fragment = URIReference(uri).fragment ?? ""
                if !fragment.isEmpty, !fragment.hasPrefix("/"), target.ownDynamicAnchor == fragment {
                    node.dynamicAnchorName = fragment
                }
            }
        }
    }

    /// The node an absolute reference names, loading and compiling its document if needed.
    mutating func lookup(_ uri: String, from location: String) throws(SchemaError) -> SchemaNode {
        let reference = URIReference(uri)
        let base = reference.withoutFragment.text
        let fragment = PercentDecoding.decode(reference.fragment ?? "")
        if registry.resources[base] == nil {
            guard let document = try loader?(base) else {
                let (doc, pointer) = split(location)
                throw error("cannot resolve $ref \"\(uri)\": no schema with that $id is loaded and no --schema-map prefix matches", doc, pointer)
            }
            _ = try registerDocument(document, uri: base)
        }
        if fragment.isEmpty || fragment.hasPrefix("/") {
            if let node = registry.nodes[base + "#" + fragment] { return node }
            guard let resource = registry.resources[base], let json = resource.json.value(at: fragment) else {
                let (doc, pointer) = split(location)
                throw error("cannot resolve $ref \"\(uri)\": nothing at \(fragment) in \(base)", doc, pointer)
            }
            return try compileNode(
                json, base: URIReference(base), resource: base, pointer: fragment, documentURI: resource.document,
                documentPointer: resource.documentPointer + fragment, aliases: [], validation: resource.validation)
        }
        if let node = registry.anchors[base + "#" + fragment] { return node }
        let (doc, pointer) = split(location)
        throw error("cannot resolve $ref \"\(uri)\": no anchor \"\(fragment)\" in \(base)", doc, pointer)
    }

    /// `resource#pointer` of a node, turned into a document and a pointer for error positions.
    private func split(_ location: String) -> (String, String) {
        let parts = location.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let resource = String(parts[0])
        let pointer = parts.count > 1 ? String(parts[1]) : ""
        if let r = registry.resources[resource] { return (r.document, r.documentPointer + pointer) }
        return (resource, pointer)
    }

    func error(_ message: String, _ document: String, _ pointer: String) -> SchemaError {
        let position = registry.position(document: document, pointer: pointer)
        return SchemaError(message: message, uri: document, pointer: pointer, line: position?.line, column: position?.column)
    }
}

extension SchemaNode {
    func unlinkedAlready(in registry: SchemaRegistry) -> Bool {
        registry.unlinked.contains { $0 === self }
    }
}
