/// Reads the keywords of one schema object, rejecting values of the wrong shape at compile
/// time with the keyword's position, as the draft's meta-schema would. A keyword the draft
/// does not have reads as absent: it is an unknown keyword there, and unknown keywords are
/// annotations that assert nothing.
struct KeywordReader {
    let compiler: SchemaCompiler
    let object: JSONObject
    let documentURI: String
    let documentPointer: String
    let draft: Draft

    init(compiler: SchemaCompiler, json: JSONValue, documentURI: String, documentPointer: String, draft: Draft) {
        self.compiler = compiler
        self.object = json.objectValue ?? JSONObject()
        self.documentURI = documentURI
        self.documentPointer = documentPointer
        self.draft = draft
    }

    /// The value of a keyword of this draft, unchecked.
    func raw(_ k: String) -> JSONValue? {
        // Most keywords are absent from most schema objects: look first, ask the draft after.
        guard let value = object[k] else { return nil }
        return draft.has(k) ? value : nil
    }

    func bool(_ k: String) throws(SchemaError) -> Bool? {
        guard let v = raw(k) else { return nil }
        guard let b = v.boolValue else { throw fail(k, "expected true or false, got \(v.shortDescription)") }
        return b
    }

    func fail(_ keyword: String, _ message: String) -> SchemaError {
        compiler.error("\(keyword): \(message)", documentURI, documentPointer + "/" + Pointer.escape(keyword))
    }

    func string(_ k: String) throws(SchemaError) -> String? {
        guard let v = raw(k) else { return nil }
        guard let s = v.stringValue else { throw fail(k, "expected a string, got \(v.shortDescription)") }
        return s
    }

    func object(_ k: String) throws(SchemaError) -> JSONValue? {
        guard let v = raw(k) else { return nil }
        guard case .object = v else { throw fail(k, "expected an object, got \(v.shortDescription)") }
        return v
    }

    func schema(_ k: String) throws(SchemaError) -> JSONValue? {
        guard let v = raw(k) else { return nil }
        switch v {
        case .object, .bool: return v
        default: throw fail(k, "expected a schema (an object or a boolean), got \(v.shortDescription)")
        }
    }

    func schemaArray(_ k: String) throws(SchemaError) -> [JSONValue]? {
        guard let v = raw(k) else { return nil }
        guard let a = v.arrayValue, !a.isEmpty else { throw fail(k, "expected a non-empty array of schemas, got \(v.shortDescription)") }
        for item in a {
            switch item {
            case .object, .bool: continue
            default: throw fail(k, "every item must be a schema, got \(item.shortDescription)")
            }
        }
        return a
    }

    func schemaMap(_ k: String) throws(SchemaError) -> JSONObject? {
        guard let v = try object(k)?.objectValue else { return nil }
        for (name, item) in v {
            switch item {
            case .object, .bool: continue
            default: throw fail(k, "\"\(name)\" must be a schema, got \(item.shortDescription)")
            }
        }
        return v
    }

    func number(_ k: String) throws(SchemaError) -> JSONNumber? {
        guard let v = raw(k) else { return nil }
        guard let n = v.numberValue else { throw fail(k, "expected a number, got \(v.shortDescription)") }
        return n
    }

    func count(_ k: String) throws(SchemaError) -> Int? {
        guard let v = raw(k) else { return nil }
        guard let n = v.numberValue, n.isInteger, !n.isNegative else {
            throw fail(k, "expected a non-negative integer, got \(v.shortDescription)")
        }
        return n.intValue ?? Int.max
    }

    func stringList(_ k: String) throws(SchemaError) -> [String]? {
        guard let v = raw(k) else { return nil }
        guard let a = v.arrayValue, a.allSatisfy({ $0.stringValue != nil }) else {
            throw fail(k, "expected an array of strings, got \(v.shortDescription)")
        }
        let strings = a.compactMap(\.stringValue)
        guard Set(strings).count == strings.count else { throw fail(k, "the strings must be unique") }
        return strings
    }

    func checkAnchorName(_ name: String, _ k: String) throws(SchemaError) {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        else { throw fail(k, "\"\(name)\" is not a valid anchor name") }
    }

    func regex(_ source: String, at keyword: String) throws(SchemaError) -> ECMARegex {
        do {
            return try ECMARegex(source)
        } catch {
            let what = error.beyondEngine ? "unusable regular expression" : "invalid regular expression"
            throw compiler.error("\(what) \"\(source)\": \(error.message)", documentURI, documentPointer + "/" + keyword)
        }
    }

    static let typeNames: Set = ["null", "boolean", "object", "array", "number", "string", "integer"]

    /// The validation vocabulary and `format`.
    func readValidation(into node: SchemaNode) throws(SchemaError) {
        if let t = raw("type") {
            let names: [String]
            switch t {
            case .string(let s): names = [s]
            case .array(let a) where a.allSatisfy({ $0.stringValue != nil }): names = a.compactMap(\.stringValue)
            default: throw fail("type", "expected a type name or an array of them, got \(t.shortDescription)")
            }
            for name in names where !Self.typeNames.contains(name) {
                throw fail("type", "unknown type \"\(name)\"; expected one of \(Self.typeNames.sorted().joined(separator: ", "))")
            }
            node.types = names
        }
        if let e = raw("enum") {
            guard let a = e.arrayValue else { throw fail("enum", "expected an array, got \(e.shortDescription)") }
            node.enumValues = a
        }
        if let c = raw("const") { node.constValue = c }
        if let m = try number("multipleOf") {
            guard !m.isNegative, !m.isZero else { throw fail("multipleOf", "must be greater than 0") }
            node.multipleOf = m
        }
        node.maximum = try number("maximum")
        node.minimum = try number("minimum")
        if draft == .draft4 {
            // Draft-04's exclusive bounds are flags that make `maximum` and `minimum` strict.
            if try bool("exclusiveMaximum") == true { (node.exclusiveMaximum, node.maximum) = (node.maximum, nil) }
            if try bool("exclusiveMinimum") == true { (node.exclusiveMinimum, node.minimum) = (node.minimum, nil) }
        } else {
            node.exclusiveMaximum = try number("exclusiveMaximum")
            node.exclusiveMinimum = try number("exclusiveMinimum")
        }
        node.maxLength = try count("maxLength")
        node.minLength = try count("minLength")
        if let p = try string("pattern") { node.pattern = try regex(p, at: "pattern") }
        node.maxItems = try count("maxItems")
        node.minItems = try count("minItems")
        if let u = raw("uniqueItems") {
            guard let b = u.boolValue else { throw fail("uniqueItems", "expected true or false, got \(u.shortDescription)") }
            node.uniqueItems = b
        }
        node.maxContains = try count("maxContains")
        node.minContains = try count("minContains")
        node.maxProperties = try count("maxProperties")
        node.minProperties = try count("minProperties")
        node.required = try stringList("required") ?? []
        if case .object(let deps)? = try object("dependentRequired") {
            for (name, value) in deps {
                guard let a = value.arrayValue, a.allSatisfy({ $0.stringValue != nil }) else {
                    throw fail("dependentRequired", "\"\(name)\" must be an array of property names")
                }
                node.dependentRequired.append((name, a.compactMap(\.stringValue)))
            }
        }
        node.format = try string("format")
    }
}
