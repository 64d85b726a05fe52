/// How a schema is applied.
public struct ValidatorOptions: Sendable, Equatable {
    /// Treat `format` as an assertion (draft 2020-12 makes it an annotation by default).
    public var formatAssertion: Bool
    /// The draft of a schema document that names none in `$schema`.
    public var defaultDraft: Draft

    public init(formatAssertion: Bool = false, defaultDraft: Draft = .draft2020_12) {
        self.formatAssertion = formatAssertion
        self.defaultDraft = defaultDraft
    }
}

/// Resolves a URI that no loaded schema has as its `$id`. Never touches the network: gtm maps
/// URI prefixes to local folders (`SchemaFileMap`). Returns nil when the URI is unknown.
public typealias SchemaResourceLoader = @Sendable (_ absoluteURI: String) throws(SchemaError) -> JSONDocument?

/// A schema that cannot be compiled, with the position of the offending keyword.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The URI of the schema resource that holds the problem.
    public var uri: String
    /// JSON Pointer of the keyword inside that document.
    public var pointer: String
    public var line: Int?
    public var column: Int?
    /// A `$ref` that names nothing loaded: compiled as a reference that fails the values that
    /// reach it, and listed in `Schema.unresolvedReferences`.
    public var isUnresolvedReference = false

    public init(message: String, uri: String, pointer: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.uri = uri
        self.pointer = pointer
        self.line = line
        self.column = column
    }

    public var description: String {
        let place = line.map { "\($0):\(column ?? 1): " } ?? ""
        return "\(place)\(message) (\(uri)#\(pointer))"
    }
}

/// One reason an instance does not match.
public struct ValidationError: Sendable, Hashable {
    /// JSON Pointer into the instance.
    public var instanceLocation: String
    /// The path through the schema, `$ref`s included.
    public var keywordLocation: String
    /// Schema URI and pointer of the keyword that failed.
    public var absoluteKeywordLocation: String
    public var keyword: String
    /// What was expected, in a person's words.
    public var message: String
    /// For an unknown property close to a known one: the pointer the author most likely meant
    /// (`/problm` → `/problem`), so that no other check judges that value as missing.
    public var intendedLocation: String?

    public init(instanceLocation: String, keywordLocation: String, absoluteKeywordLocation: String, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
    }
}

public struct ValidationResult: Sendable {
    public var isValid: Bool
    public var errors: [ValidationError]
}
