/// A JSON Schema draft: which keywords exist and how they read. A schema resource is read by
/// the draft its `$schema` names; one without `$schema` by the draft of the resource around it,
/// and a document without one by the compiler's default (2020-12 unless told otherwise).
/// Real-world schemas are mostly draft-07 and draft-04: reading them as 2020-12 would ignore
/// `items` arrays, `definitions` anchors and `$ref`'s hiding of its siblings.
public enum Draft: String, Sendable, CaseIterable, Comparable {
    case draft4 = "4"
    case draft6 = "6"
    case draft7 = "7"
    case draft2019_09 = "2019-09"
    case draft2020_12 = "2020-12"

    /// The meta-schema URI each draft's schemas name in `$schema`.
    public var metaSchemaURI: String {
        switch self {
        case .draft4: "http://json-schema.org/draft-04/schema#"
        case .draft6: "http://json-schema.org/draft-06/schema#"
        case .draft7: "http://json-schema.org/draft-07/schema#"
        case .draft2019_09: "https://json-schema.org/draft/2019-09/schema"
        case .draft2020_12: "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// What people call it: "draft-07", "draft 2020-12".
    public var name: String {
        switch self {
        case .draft4, .draft6, .draft7: "draft-0" + rawValue
        case .draft2019_09, .draft2020_12: "draft " + rawValue
        }
    }

    /// The draft a `$schema` URI names, whatever its scheme (`http` or `https`) and whether
    /// or not it ends in an empty fragment, as both spellings are common in the wild.
    /// `http://json-schema.org/schema#` ("the latest") is read as the newest draft.
    public init?(metaSchemaURI uri: String) {
        var text = Substring(uri)
        if text.hasSuffix("#") { text = text.dropLast() }
        if text.hasPrefix("https://") { text = text.dropFirst(8) } else if text.hasPrefix("http://") { text = text.dropFirst(7) } else { return nil }
        switch text {
        case "json-schema.org/draft-04/schema": self = .draft4
        case "json-schema.org/draft-06/schema": self = .draft6
        case "json-schema.org/draft-07/schema": self = .draft7
        case "json-schema.org/draft/2019-09/schema": self = .draft2019_09
        case "json-schema.org/draft/2020-12/schema", "json-schema.org/schema": self = .draft2020_12
        default: return nil
        }
    }

    /// The names `--default-draft` accepts: `4`, `draft4`, `draft-04`, `2019-09`, `draft2019-09`…
    public init?(name: String) {
        var text = Substring(name.lowercased())
        if text.hasPrefix("draft") { text = text.dropFirst(5) }
        if text.hasPrefix("-") || text.hasPrefix(" ") { text = text.dropFirst() }
        if text.hasPrefix("0") && text.count == 2 { text = text.dropFirst() }
        guard let draft = Draft(rawValue: String(text)) else { return nil }
        self = draft
    }

    public static func < (a: Draft, b: Draft) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The keyword that gives a schema its URI: `id` in draft-04, `$id` after.
    var idKeyword: String { self == .draft4 ? "id" : "$id" }

    /// Before 2019-09 a `$ref` stands for the whole schema object: its siblings, `$id` among
    /// them, are not read.
    var refHidesSiblings: Bool { self < .draft2019_09 }

    /// Before 2019-09 an `$id` that is only a fragment (`#foo`) names the schema as an anchor.
    var idFragmentIsAnchor: Bool { self < .draft2019_09 }

    /// `items` as an array of schemas, with `additionalItems` for the rest (before 2020-12's
    /// `prefixItems`).
    var itemsArrayForm: Bool { self < .draft2020_12 }

    /// The vocabulary whose absence from a meta-schema's `$vocabulary` turns off assertions.
    var validationVocabulary: String? {
        switch self {
        case .draft2019_09: "https://json-schema.org/draft/2019-09/vocab/validation"
        case .draft2020_12: "https://json-schema.org/draft/2020-12/vocab/validation"
        default: nil
        }
    }

    /// Whether a keyword exists in this draft. A keyword from another draft is an unknown
    /// keyword here, ignored as the draft says unknown keywords are.
    func has(_ keyword: String) -> Bool {
        !Self.absent[Self.allCases.firstIndex(of: self)!].contains(keyword)
    }

    /// The keywords each draft does not have, by the draft's place in `allCases`: a set lookup
    /// per keyword read, as every schema object of every compilation asks.
    private static let absent: [Set<String>] = allCases.map { draft in
        Set(draftSpecificKeywords.filter { !draft.definesKeyword($0) })
    }

    /// The keywords that exist in some drafts only.
    private static let draftSpecificKeywords = [
        "id", "$id", "const", "contains", "propertyNames", "examples", "if", "then", "else", "$comment",
        "$anchor", "$defs", "dependentRequired", "dependentSchemas", "minContains", "maxContains",
        "unevaluatedItems", "unevaluatedProperties", "$vocabulary", "$recursiveRef", "$recursiveAnchor",
        "$dynamicRef", "$dynamicAnchor", "prefixItems", "additionalItems", "definitions",
    ]

    private func definesKeyword(_ keyword: String) -> Bool {
        switch keyword {
        case "id": self == .draft4
        case "$id", "const", "contains", "propertyNames", "examples": self >= .draft6
        case "if", "then", "else", "$comment": self >= .draft7
        case "$anchor", "$defs", "dependentRequired", "dependentSchemas", "minContains", "maxContains",
             "unevaluatedItems", "unevaluatedProperties", "$vocabulary":
            self >= .draft2019_09
        case "$recursiveRef", "$recursiveAnchor": self == .draft2019_09
        case "$dynamicRef", "$dynamicAnchor", "prefixItems": self == .draft2020_12
        case "additionalItems": self <= .draft2019_09
        case "definitions": self <= .draft7
        default: true
        }
    }

    /// Every vocabulary gtm implements, of both drafts that have vocabularies.
    static let knownVocabularies: Set = [
        "https://json-schema.org/draft/2019-09/vocab/core",
        "https://json-schema.org/draft/2019-09/vocab/applicator",
        "https://json-schema.org/draft/2019-09/vocab/validation",
        "https://json-schema.org/draft/2019-09/vocab/meta-data",
        "https://json-schema.org/draft/2019-09/vocab/format",
        "https://json-schema.org/draft/2019-09/vocab/content",
        "https://json-schema.org/draft/2020-12/vocab/core",
        "https://json-schema.org/draft/2020-12/vocab/applicator",
        "https://json-schema.org/draft/2020-12/vocab/unevaluated",
        "https://json-schema.org/draft/2020-12/vocab/validation",
        "https://json-schema.org/draft/2020-12/vocab/meta-data",
        "https://json-schema.org/draft/2020-12/vocab/format-annotation",
        "https://json-schema.org/draft/2020-12/vocab/format-assertion",
        "https://json-schema.org/draft/2020-12/vocab/content",
    ]
}

/// How one schema resource is read: its draft, and whether its meta-schema keeps the
/// validation vocabulary (a custom meta-schema may leave it out, and then only applicators
/// apply).
struct Dialect: Sendable, Equatable {
    var draft: Draft
    var validation = true
}
