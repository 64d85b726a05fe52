/// Which draft, and which vocabularies, a `$schema` stands for.
extension SchemaCompiler {
    /// The dialect a `$schema` value names: one of the five drafts by its URI, or a custom
    /// meta-schema (found among the registered documents or through the loader) by the draft
    /// of its own `$schema` and its `$vocabulary`. Anything else is an error that names it:
    /// reading a draft-07 schema as 2020-12 without saying so gives wrong verdicts silently.
    mutating func dialect(declaredBy value: JSONValue, documentURI: String, pointer: String, depth: Int = 0) throws(SchemaError) -> Dialect {
        guard let uri = value.stringValue else {
            throw error("$schema must be a URI string", documentURI, pointer)
        }
        if let draft = Draft(metaSchemaURI: uri) { return Dialect(draft: draft) }
        let bare = URIReference(uri).withoutFragment.text
        // A meta-schema being compiled names itself in `$schema`: the document registered before
        // its compilation began answers, instead of loading and compiling it again without end.
        var meta = registry.resources[bare]?.json ?? registry.documents[bare]?.value
        if meta == nil, let loaded = try loader?(bare) {
            meta = loaded.value
            _ = try registerDocument(loaded, uri: bare, draft: options.defaultDraft)
        }
        guard case .object(let o)? = meta else {
            let known = Draft.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(
                "$schema names \(JSONText.quote(uri)), which is neither a draft gtm reads (\(known)) nor a meta-schema it can find; give its file with --schema-map, or name a draft",
                documentURI, pointer)
        }
        var dialect = Dialect(draft: options.defaultDraft)
        if let own = o["$schema"], own.stringValue.map({ URIReference($0).withoutFragment.text }) != bare, depth < 8 {
            dialect.draft = try self.dialect(declaredBy: own, documentURI: bare, pointer: "/$schema", depth: depth + 1).draft
        }
        if case .object(let vocabularies)? = o["$vocabulary"] {
            for (vocabulary, required) in vocabularies where required == .bool(true) && !Draft.knownVocabularies.contains(vocabulary) {
                throw error("the meta-schema \(bare) requires the vocabulary \(vocabulary), which gtm does not support", documentURI, pointer)
            }
            if let validation = dialect.draft.validationVocabulary { dialect.validation = vocabularies[validation] != nil }
        }
        return dialect
    }
}
