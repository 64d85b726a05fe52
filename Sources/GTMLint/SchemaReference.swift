import GTMModel
import GTMSchemas
import JSONSchema

/// The field reference, read from the schemas themselves: what each kind holds, each object's
/// fields with their type, allowed values, default, example and description. `gtm schema`
/// prints it, `schemas/REFERENCE.md` is written from it, and schema findings use it to say
/// what to type (where a key belongs, which keys an object takes).
public struct SchemaReference: Sendable {
    /// One field of an object.
    public struct Field: Sendable {
        public var name: String
        /// `Strategy.pricing.model`; list items are stepped into (`Strategy.exclusions.reason`).
        public var path: String
        public var title: String
        public var description: String
        /// In words: `string`, `integer`, `list of objects`, `string or list of strings`.
        public var type: String
        public var allowed: [String]
        public var defaultValue: String?
        /// An example in YAML flow style, from the schema's `examples` or built from its parts.
        public var example: String?
        public var required: Bool
        /// Whether the field (or each item of its list) is an object with fields of its own.
        public var hasFields: Bool
    }

    /// An object and its fields.
    public struct Object: Sendable {
        public var path: String
        public var title: String
        public var description: String
        public var fields: [Field]
        public var isList: Bool

        public init(path: String, title: String, description: String, fields: [Field], isList: Bool) {
            self.path = path
            self.title = title
            self.description = description
            self.fields = fields
            self.isList = isList
        }
    }

    /// Schema files by name, each parsed once.
    private var documents: [String: JSONValue] = [:]

    /// The built-in schemas, replaced file by file by those given (a repository's own folder).
    public init(overriding files: [(name: String, bytes: [UInt8])] = []) {
        for file in BundledSchemas.files + files {
            if let document = try? JSONParser.parse(file.bytes, recordPositions: false) {
                documents[file.name] = document.value
            }
        }
    }

    /// Schemas already parsed, by file name.
    public init(parsed: [String: JSONValue]) {
        documents = parsed
    }

    /// The value a keyword location points at
    /// (`https://gtm.tools/schemas/v1/Strategy.schema.json#/properties/stage/enum`).
    public func value(atKeywordLocation location: String) -> JSONValue? {
        let parts = location.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let name = parts[0].split(separator: "/").last, var node = documents[String(name)] else { return nil }
        for token in parts[1].split(separator: "/") {
            let key = String(token).replacing("~1", with: "/").replacing("~0", with: "~")
            if let object = node.objectValue, let next = object[key] { node = next }
            else if let array = node.arrayValue, let i = Int(key), array.indices.contains(i) { node = array[i] }
            else { return nil }
        }
        return node
    }

    /// The kinds, in the order `DocumentKind` declares them, with their schema's description.
    public var kinds: [(name: String, description: String)] {
        DocumentKind.allCases.compactMap { kind in
            guard let schema = documents[kind.schemaFileName] else { return nil }
            return (kind.rawValue, schema.objectValue?["description"]?.stringValue ?? "")
        }
    }

    // MARK: Walking the schemas

    /// The schema at a `$ref` (`common.schema.json#/$defs/money`) from a file, or nil.
    func resolve(_ reference: String, from file: String) -> (node: JSONObject, file: String)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].isEmpty ? file : String(parts[0].split(separator: "/").last ?? "")
        guard var node = documents[name] else { return nil }
        if parts.count > 1 {
            for token in parts[1].split(separator: "/") {
                let key = String(token).replacing("~1", with: "/").replacing("~0", with: "~")
                guard let next = node.objectValue?[key] else { return nil }
                node = next
            }
        }
        return node.objectValue.map { ($0, name) }
    }

    /// A schema node with its `$ref` followed: the keywords of the target, under the node's
    /// own title and description. A chain of `$ref`s that comes back to a schema already
    /// followed (`{"$ref": "#"}`) stops there, rather than following itself for ever.
    func merged(_ node: JSONObject, file: String) -> (node: [String: JSONValue], file: String) {
        var followed: Set<String> = []
        return merged(node, file: file, followed: &followed)
    }

    private func merged(_ node: JSONObject, file: String, followed: inout Set<String>) -> (node: [String: JSONValue], file: String) {
        var result: [String: JSONValue] = [:]
        var current = file
        if let reference = node["$ref"]?.stringValue, let (target, targetFile) = resolve(reference, from: file),
           followed.insert(targetFile + "#" + (reference.firstIndex(of: "#").map { reference[reference.index(after: $0)...] } ?? "")).inserted {
            let (inner, innerFile) = merged(target, file: targetFile, followed: &followed)
            result = inner
            current = innerFile
        }
        for (key, value) in node where key != "$ref" { result[key] = value }
        return (result, current)
    }

    /// The object schema an object path names (`Strategy`, `Strategy.pricing`,
    /// `Strategy.exclusions`), stepping into list items.
    func objectSchema(_ path: String) -> (node: [String: JSONValue], file: String, isList: Bool)? {
        let parts = path.replacing("[]", with: "").split(separator: ".").map(String.init)
        guard let kind = parts.first, let root = documents[kind + ".schema.json"]?.objectValue else { return nil }
        var (node, file) = merged(root, file: kind + ".schema.json")
        var isList = false
        for name in parts.dropFirst() {
            guard let child = node["properties"]?.objectValue?[name]?.objectValue else { return nil }
            (node, file) = merged(child, file: file)
            isList = false
            if let items = node["items"]?.objectValue, node["properties"] == nil {
                (node, file) = merged(items, file: file)
                isList = true
            }
        }
        return (node, file, isList)
    }

    /// A kind or an object of one (`Strategy.pricing`), or nil when the path names none.
    public func object(_ path: String) -> Object? {
        let path = path.replacing("[]", with: "")
        guard let (node, file, isList) = objectSchema(path), let properties = node["properties"]?.objectValue else { return nil }
        let required = Set(node["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let fields = properties.compactMap { name, value -> Field? in
            guard let child = value.objectValue else { return nil }
            return field(name, merged(child, file: file), path: path + "." + name, required: required.contains(name))
        }
        return Object(path: path, title: node["title"]?.stringValue ?? path, description: node["description"]?.stringValue ?? "", fields: fields, isList: isList)
    }

    /// One field, by its path (`Strategy.pricing.model`).
    public func field(_ path: String) -> Field? {
        let path = path.replacing("[]", with: "")
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return object(String(path[..<dot]))?.fields.first { $0.name == path[path.index(after: dot)...] }
    }

    func field(_ name: String, _ schema: (node: [String: JSONValue], file: String), path: String, required: Bool) -> Field {
        let node = schema.node
        var items: [String: JSONValue]?
        if let raw = node["items"]?.objectValue { items = merged(raw, file: schema.file).node }
        let allowed = (node["enum"]?.arrayValue ?? items?["enum"]?.arrayValue ?? node["const"].map { [$0] } ?? []).map(Self.flow)
        let hasFields = node["properties"] != nil || items?["properties"] != nil
        return Field(
            name: name, path: path,
            title: node["title"]?.stringValue ?? name,
            description: node["description"]?.stringValue ?? "",
            type: Self.typeWords(node, items: items),
            allowed: allowed,
            defaultValue: node["default"].map(Self.flow),
            example: example(node, file: schema.file, depth: 0).map(Self.flow),
            required: required, hasFields: hasFields
        )
    }

    /// The schema's first example, else one built from the allowed values or the fields'
    /// own examples; nil when the schema gives nothing to build one from.
    func example(_ node: [String: JSONValue], file: String, depth: Int) -> JSONValue? {
        if let first = node["examples"]?.arrayValue?.first { return first }
        if let constant = node["const"] { return constant }
        if let first = node["enum"]?.arrayValue?.first { return first }
        guard depth < 3 else { return nil }
        if let properties = node["properties"]?.objectValue {
            let required = node["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let names = required.isEmpty ? Array(properties.keys.prefix(2)) : required
            var members: [(String, JSONValue)] = []
            for name in names {
                guard let child = properties[name]?.objectValue else { continue }
                let (inner, innerFile) = merged(child, file: file)
                if let value = example(inner, file: innerFile, depth: depth + 1) { members.append((name, value)) }
            }
            return members.isEmpty ? nil : .object(JSONObject(members))
        }
        if let raw = node["items"]?.objectValue {
            let (inner, innerFile) = merged(raw, file: file)
            return example(inner, file: innerFile, depth: depth + 1).map { .array([$0]) }
        }
        return nil
    }

    static func typeWords(_ node: [String: JSONValue], items: [String: JSONValue]?) -> String {
        var types = node["type"]?.stringValue.map { [$0] } ?? node["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if types.isEmpty, node["properties"] != nil { types = ["object"] }
        if types.isEmpty, node["enum"] != nil || node["const"] != nil { types = ["string"] }
        let words = types.map { type -> String in
            guard type == "array" else { return type }
            let itemTypes = items.map { baseTypes($0) } ?? ["value"]
            return "list of " + itemTypes.map { $0 + "s" }.joined(separator: " or ")
        }
        var text = words.isEmpty ? "any" : words.joined(separator: " or ")
        let pattern = node["pattern"]?.stringValue ?? items?["pattern"]?.stringValue
        if let format = node["format"]?.stringValue ?? items?["format"]?.stringValue { text += " (\(format))" }
        else if pattern == "^[a-z0-9][a-z0-9-]*$" { text += " (kebab-case id)" }
        return text
    }

    static func baseTypes(_ node: [String: JSONValue]) -> [String] {
        let types = node["type"]?.stringValue.map { [$0] } ?? node["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return types.isEmpty ? (node["properties"] != nil ? ["object"] : ["value"]) : types
    }

    /// A value as it would be typed in YAML's flow style.
    public static func flow(_ value: JSONValue) -> String {
        switch value {
        case .string(let s):
            let plain = !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || " -_./".contains($0) }
                && !s.hasPrefix(" ") && !s.hasSuffix(" ") && !["yes", "no", "on", "off", "true", "false", "null", "~"].contains(s.lowercased())
                && !(s.first?.isNumber ?? false)
            return plain ? s : value.jsonText
        case .array(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .object(let object): return "{" + object.map { "\($0.key): \(flow($0.value))" }.joined(separator: ", ") + "}"
        default: return value.jsonText
        }
    }

    // MARK: What schema findings need

    /// Most objects one kind's reference names. A schema whose references branch at every
    /// level describes exponentially many object paths without any recursion; the bundled
    /// schemas have 65 in all.
    static let maxObjectPaths = 1_000

    /// The object paths of a kind, every object below it included, in schema order. An object
    /// whose schema is one of its own ancestors' (a recursive schema: a tree of comments, a
    /// `$ref` to `#`) is not named again below itself, level after level without end.
    public func objectPaths(of kind: String) -> [String] {
        var paths: [String] = []
        var seen: Set<String> = []
        func visit(_ path: String, ancestors: [[String: JSONValue]]) {
            guard paths.count < Self.maxObjectPaths, seen.insert(path).inserted,
                  let schema = objectSchema(path)?.node, !ancestors.contains(schema), let object = object(path) else { return }
            paths.append(path)
            for field in object.fields where field.hasFields { visit(field.path, ancestors: ancestors + [schema]) }
        }
        visit(kind, ancestors: [])
        return paths
    }

    /// The objects of a kind that take a key (`nextSegments` → `Strategy.growth`).
    public func objects(of kind: String, withKey key: String) -> [String] {
        homes(of: kind)[key] ?? []
    }

    /// Every key of a kind's objects, with the objects that take it, in one walk of the schema:
    /// a document with thousands of unknown keys asks once per key, not once per walk.
    public func homes(of kind: String) -> [String: [String]] {
        var homes: [String: [String]] = [:]
        for path in objectPaths(of: kind) {
            for field in object(path)?.fields ?? [] where homes[field.name]?.last != path {
                homes[field.name, default: []].append(path)
            }
        }
        return homes
    }

    /// The object paths the properties of a schema object at a keyword location describe:
    /// `https://gtm.tools/schemas/v1/common.schema.json#/$defs/money/type` → the money object.
    public func objectAt(keywordLocation: String) -> (fields: [String], example: String?)? {
        let parts = keywordLocation.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let name = parts[0].split(separator: "/").last else { return nil }
        var pointer = String(parts[1])
        if let slash = pointer.lastIndex(of: "/") { pointer = String(pointer[..<slash]) }  // drop the keyword
        guard let (node, file) = resolve(String(name) + "#" + pointer, from: String(name)) else { return nil }
        var (full, fullFile) = merged(node, file: file)
        // The `type` of a `$ref` target: the field that refers to it carries its examples.
        if full["properties"] == nil, let items = full["items"]?.objectValue { (full, fullFile) = merged(items, file: fullFile) }
        guard let properties = full["properties"]?.objectValue else { return nil }
        return (Array(properties.keys), example(full, file: fullFile, depth: 0).map(Self.flow))
    }

    // MARK: Rendering

    /// The whole reference as Markdown: `schemas/REFERENCE.md`.
    public func markdown() -> String {
        var out = """
            # Field reference

            Generated from the JSON Schemas in this folder by `gtm schema --format markdown` (a test
            keeps it current). `gtm schema Strategy.pricing` prints one object in the terminal.
            A list of objects is described by the fields of each item.

            """
        for (kind, description) in kinds {
            out += "\n## \(kind)\n\n\(description)\n"
            for path in objectPaths(of: kind) {
                if let object = object(path) { out += "\n" + markdown(object, kind: kind) }
            }
        }
        return out
    }

    /// One object as a Markdown section with a table of its fields.
    public func markdown(_ object: Object, kind: String? = nil) -> String {
        var out = "### `\(object.path)`\(object.isList ? " (each item)" : "")\n\n"
        if object.path != kind, !object.description.isEmpty { out += "\(object.title): \(object.description)\n\n" }
        out += "| field | type | allowed values | default | example | description |\n|---|---|---|---|---|---|\n"
        for field in object.fields {
            let name = "`\(field.name)`" + (field.required ? " (required)" : "")
            let allowed = field.allowed.map { "`\($0)`" }.joined(separator: ", ")
            let description = field.description + (field.hasFields ? " See `\(field.path)`." : "")
            out += "| \(name) | \(field.type) | \(allowed) | \(field.defaultValue.map { "`\($0)`" } ?? "") | \(field.example.map { "`\(Self.cell($0))`" } ?? "") | \(Self.cell(description)) |\n"
        }
        return out
    }

    static func cell(_ text: String) -> String { text.replacing("|", with: "\\|") }

    /// One object for the terminal.
    public func text(_ object: Object) -> String {
        var out = "\(object.path)\(object.isList ? " (each item of the list)" : ""): \(object.title)\n"
        if !object.description.isEmpty { out += "\(object.description)\n" }
        for field in object.fields { out += "\n" + text(field) }
        return out
    }

    /// One field for the terminal.
    public func text(_ field: Field) -> String {
        var out = "\(field.name) (\(field.type)\(field.required ? ", required" : ""))\n"
        if !field.description.isEmpty { out += "    \(field.description)\n" }
        if !field.allowed.isEmpty { out += "    allowed: \(field.allowed.joined(separator: ", "))\n" }
        if let value = field.defaultValue { out += "    default: \(value)\n" }
        if let value = field.example { out += "    example: \(field.name): \(value)\n" }
        if field.hasFields { out += "    fields: gtm schema \(field.path)\n" }
        return out
    }

    /// The kinds for the terminal.
    public func kindsText() -> String {
        var out = "The kinds of strategy document; `gtm schema KIND` lists a kind's fields, `gtm schema KIND.FIELD` one object's.\n\n"
        let width = kinds.map(\.name.count).max() ?? 0
        for (name, description) in kinds {
            out += name + String(repeating: " ", count: width - name.count + 2) + description + "\n"
        }
        return out
    }
}
