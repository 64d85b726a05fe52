/// Compiles schemas once so that validation is fast: every keyword is checked and parsed,
/// every regex compiled, every `$ref` linked to its target. Register the schemas a set of
/// documents may reference, then compile the ones to validate against.
public struct SchemaCompiler {
    let registry = SchemaRegistry()
    let options: ValidatorOptions
    let loader: SchemaResourceLoader?

    public static let metaSchemaURI = Draft.draft2020_12.metaSchemaURI

    /// `expectedNodes`: about how many subschemas will be compiled, when known (the built-in
    /// schemas: about a thousand), so that the table of them is made once instead of grown.
    public init(options: ValidatorOptions = .init(), loader: SchemaResourceLoader? = nil, expectedNodes: Int = 0) {
        self.options = options
        self.loader = loader
        if expectedNodes > 0 { registry.nodes.reserveCapacity(expectedNodes) }
    }

    /// Registers a schema document by its `$id` (or `uri` when it has none) with every
    /// resource and anchor inside it. Returns the URI it is registered under.
    @discardableResult
    public mutating func register(_ document: JSONDocument, uri: String? = nil) throws(SchemaError) -> String {
        try registerDocument(document, uri: uri, draft: options.defaultDraft).resource
    }

    /// Compiles the schema registered under `uri` (registering it through the loader when needed).
    public mutating func compile(uri: String) throws(SchemaError) -> Schema {
        let root = try lookup(URIReference(uri).withoutFragment.text + "#" + (URIReference(uri).fragment ?? ""), from: "", draft: options.defaultDraft)
        try link()
        return Schema(root: root, registry: registry, options: options)
    }

    /// Registers and compiles a schema document in one step.
    public mutating func compile(_ document: JSONDocument, uri: String? = nil) throws(SchemaError) -> Schema {
        let root = try registerDocument(document, uri: uri, draft: options.defaultDraft).node
        try link()
        return Schema(root: root, registry: registry, options: options)
    }

    /// Registers a document read by `draft` unless its `$schema` names another: the default
    /// for documents compiled directly, the referring schema's draft for those a `$ref` loads.
    mutating func registerDocument(_ document: JSONDocument, uri: String?, draft: Draft) throws(SchemaError) -> (resource: String, node: SchemaNode) {
        var base = uri.map { URIReference($0).withoutFragment.text } ?? ""
        if base.isEmpty, case .object(let o) = document.value {
            let declared = o["$schema"]?.stringValue.flatMap { Draft(metaSchemaURI: $0) } ?? draft
            if let id = o[declared.idKeyword]?.stringValue, !id.hasPrefix("#") {
                base = URIReference(id).withoutFragment.text
            }
        }
        if base.isEmpty {
            registry.anonymous += 1
            base = "urn:gtm:anonymous-schema:\(registry.anonymous)"
        }
        if let existing = registry.nodes[base + "#"] { return (base, existing) }
        registry.documents[base] = document
        let node = try compileNode(
            document.value, base: URIReference(base), resource: base, pointer: "", documentURI: base,
            documentPointer: "", aliases: [], dialect: Dialect(draft: draft), isDocumentRoot: true)
        return (node.resource, node)
    }

    // MARK: - Linking references

    mutating func link() throws(SchemaError) {
        while let node = registry.unlinked.popLast() {
            let draft = registry.resources[node.resource]?.dialect.draft ?? options.defaultDraft
            if let uri = node.refURI, node.ref == nil, node.unresolvedRef == nil {
                // A reference nothing can resolve fails only the values that reach it, as other
                // validators do (a schema's remote `$ref` for a case the documents never use);
                // the compiler lists it so the caller can warn, or refuse, as it sees fit.
                do {
                    node.ref = try lookup(uri, from: node.location + "/$ref", draft: draft)
                } catch where error.isUnresolvedReference {
                    node.unresolvedRef = error.message
                    registry.unresolved.append(error)
                }
            }
            if let uri = node.dynamicRefURI, node.dynamicRef == nil {
                let target = try lookup(uri, from: node.location + (node.recursiveRef ? "/$recursiveRef" : "/$dynamicRef"), draft: draft)
                node.dynamicRef = target
                let fragment = URIReference(uri).fragment ?? ""
                if node.recursiveRef {
                    // 2019-09: only a target that is itself a recursive anchor hands the choice
                    // to the dynamic scope; otherwise `$recursiveRef` is a plain `$ref`.
                    if target.ownDynamicAnchor == Self.recursiveAnchor { node.dynamicAnchorName = Self.recursiveAnchor }
                } else if !fragment.isEmpty, !fragment.hasPrefix("/"), target.ownDynamicAnchor == fragment {
                    node.dynamicAnchorName = fragment
                }
            }
        }
    }

    /// The node an absolute reference names, loading and compiling its document if needed.
    /// A document it loads without `$schema` is read by `draft`, the referring schema's.
    mutating func lookup(_ uri: String, from location: String, draft: Draft) throws(SchemaError) -> SchemaNode {
        let reference = URIReference(uri)
        let base = reference.withoutFragment.text
        let fragment = PercentDecoding.decode(reference.fragment ?? "")
        if registry.resources[base] == nil {
            guard let document = try loader?(base) else {
                let (doc, pointer) = split(location)
                throw unresolved("cannot resolve $ref \"\(uri)\": no schema with that $id is loaded and no --schema-map prefix matches", doc, pointer)
            }
            _ = try registerDocument(document, uri: base, draft: draft)
        }
        if fragment.isEmpty || fragment.hasPrefix("/") {
            if let node = registry.nodes[base + "#" + fragment] { return node }
            guard let resource = registry.resources[base], let json = resource.json.value(at: fragment) else {
                let (doc, pointer) = split(location)
                throw unresolved("cannot resolve $ref \"\(uri)\": nothing at \(fragment) in \(base)", doc, pointer)
            }
            return try compileNode(
                json, base: URIReference(base), resource: base, pointer: fragment, documentURI: resource.document,
                documentPointer: resource.documentPointer + fragment, aliases: [], dialect: resource.dialect)
        }
        if let node = registry.anchors[base + "#" + fragment] { return node }
        let (doc, pointer) = split(location)
        throw unresolved("cannot resolve $ref \"\(uri)\": no anchor \"\(fragment)\" in \(base)", doc, pointer)
    }

    /// `resource#pointer` of a node, turned into a document and a pointer for error positions.
    private func split(_ location: String) -> (String, String) {
        let parts = location.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let resource = String(parts[0])
        let pointer = parts.count > 1 ? String(parts[1]) : ""
        if let r = registry.resources[resource] { return (r.document, r.documentPointer + pointer) }
        return (resource, pointer)
    }

    func unresolved(_ message: String, _ document: String, _ pointer: String) -> SchemaError {
        var e = error(message, document, pointer)
        e.isUnresolvedReference = true
        return e
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
