/// Compiling one schema object by the keywords of its draft.
extension SchemaCompiler {
    /// The anchor name 2019-09's `$recursiveAnchor: true` is kept under, among the dynamic
    /// anchors of 2020-12: one mechanism serves both drafts, and no `$dynamicAnchor` can be
    /// named this (anchor names start with a letter or `_`).
    static let recursiveAnchor = "#recursive"

    mutating func compileNode(
        _ json: JSONValue, base: URIReference, resource: String, pointer: String, documentURI: String,
        documentPointer: String, aliases: [(String, String)], dialect: Dialect, isDocumentRoot: Bool = false
    ) throws(SchemaError) -> SchemaNode {
        var base = base, resource = resource, pointer = pointer, aliases = aliases, dialect = dialect
        var anchorFromID: String?
        if case .object(let o) = json {
            // `$schema` first: it decides which keyword names the resource. It is read where a
            // resource begins: the document, or a subschema with an identifier of its own.
            if let meta = o["$schema"], pointer.isEmpty || o["$id"] != nil || o["id"] != nil {
                dialect = try self.dialect(declaredBy: meta, documentURI: documentURI, pointer: documentPointer + "/$schema")
            }
            let draft = dialect.draft
            if let idValue = o[draft.idKeyword], !(draft.refHidesSiblings && o["$ref"] != nil) {
                guard let id = idValue.stringValue else {
                    throw error("\(draft.idKeyword) must be a string", documentURI, documentPointer + "/" + draft.idKeyword)
                }
                let reference = URIReference(id)
                if draft.idFragmentIsAnchor && id.hasPrefix("#") {
                    anchorFromID = String(id.dropFirst())
                } else {
                    let resolved = reference.resolved(against: base).withoutFragment
                    if !isDocumentRoot || resolved.text != resource {
                        aliases.append((resource, pointer))
                    }
                    base = resolved
                    resource = resolved.text
                    pointer = ""
                    if draft.idFragmentIsAnchor, let fragment = reference.fragment, !fragment.isEmpty { anchorFromID = fragment }
                }
            }
        }
        if pointer.isEmpty, registry.resources[resource] == nil {
            registry.resources[resource] = .init(json: json, document: documentURI, documentPointer: documentPointer, dialect: dialect)
        }
        let key = resource + "#" + pointer
        if let existing = registry.nodes[key] { return existing }
        let node = SchemaNode(location: key, resource: resource)
        node.validation = dialect.validation
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

        let draft = dialect.draft
        let reader = KeywordReader(compiler: self, json: json, documentURI: documentURI, documentPointer: documentPointer, draft: draft)
        func sub(_ value: JSONValue, _ tokens: [String]) throws(SchemaError) -> SchemaNode {
            let suffix = tokens.map { "/" + Pointer.escape($0) }.joined()
            return try compileNode(
                value, base: base, resource: resource, pointer: pointer + suffix, documentURI: documentURI,
                documentPointer: documentPointer + suffix,
                aliases: aliases.map { ($0.0, $0.1 + suffix) }, dialect: dialect)
        }
        func subschemas(_ keyword: String) throws(SchemaError) -> [SchemaNode]? {
            try reader.schemaArray(keyword)?.enumerated().map { i, v throws(SchemaError) in try sub(v, [keyword, String(i)]) }
        }

        if let name = anchorFromID { registry.anchors[resource + "#" + name] = node }
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
        if try reader.bool("$recursiveAnchor") == true {
            registry.dynamicAnchors[resource, default: [:]][Self.recursiveAnchor] = node
            node.ownDynamicAnchor = Self.recursiveAnchor
        }
        if let ref = try reader.string("$ref") {
            node.refText = ref
            node.refURI = URIReference(ref).resolved(against: base).text
            registry.unlinked.append(node)
        }
        for keyword in ["$dynamicRef", "$recursiveRef"] {
            guard let ref = try reader.string(keyword) else { continue }
            node.dynamicRefText = ref
            node.dynamicRefURI = URIReference(ref).resolved(against: base).text
            node.recursiveRef = keyword == "$recursiveRef"
            if !node.unlinkedAlready(in: registry) { registry.unlinked.append(node) }
        }
        for keyword in ["$defs", "definitions"] {
            guard case .object(let defs)? = try reader.object(keyword) else { continue }
            for (name, value) in defs where value.objectValue != nil || value.boolValue != nil {
                _ = try sub(value, [keyword, name])
            }
        }
        // Before 2019-09 a `$ref` is the whole schema: nothing beside it is read.
        if draft.refHidesSiblings && node.refText != nil { return node }

        try reader.readValidation(into: node)

        if let list = try subschemas("allOf") { node.allOf = list }
        if let list = try subschemas("anyOf") { node.anyOf = list }
        if let list = try subschemas("oneOf") { node.oneOf = list }
        if let list = try subschemas("prefixItems") { node.prefixItems = list }
        if draft.itemsArrayForm, case .array = reader.raw("items") {
            // `items` as a list is 2020-12's `prefixItems`; `additionalItems` its `items`.
            node.prefixItems = try subschemas("items") ?? []
            if let value = try reader.schema("additionalItems") { node.items = try sub(value, ["additionalItems"]) }
        } else if let value = try reader.schema("items") {
            node.items = try sub(value, ["items"])
        }
        for name in ["not", "if", "then", "else", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties"] {
            guard let value = try reader.schema(name) else { continue }
            let compiled = try sub(value, [name])
            switch name {
            case "not": node.not = compiled
            case "if": node.ifSchema = compiled
            case "then": node.thenSchema = compiled
            case "else": node.elseSchema = compiled
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
        // Before 2019-09, `dependencies` held both: lists of names and schemas.
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
}
