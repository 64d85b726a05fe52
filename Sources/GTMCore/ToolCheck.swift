/// The checks gtm makes on its input and its own settings, around the rules. They have ids like
/// rules so every report format can name them, and `gtm rules` documents them; they have no
/// settings: bad input is always an error (a stale waiver, a warning).
public enum ToolCheck: String, Sendable, Hashable, CaseIterable {
    case syntax = "yaml-syntax"
    case duplicateKey = "yaml-duplicate-key"
    case encoding = "yaml-encoding"
    case binary = "yaml-binary"
    case tooLarge = "yaml-too-large"
    case tooDeep = "yaml-too-deep"
    case aliasBomb = "yaml-alias-expansion"
    case tooManyNodes = "yaml-too-many-values"
    case undefinedAlias = "yaml-undefined-alias"
    case unknownTag = "yaml-unknown-tag"
    case badTaggedValue = "yaml-bad-tagged-value"
    case complexKey = "yaml-complex-key"
    case badMerge = "yaml-bad-merge"
    case fileUnreadable = "file-unreadable"
    case documentShape = "document-shape"
    case documentKind = "document-kind"
    case documentAPIVersion = "document-api-version"
    case duplicateID = "duplicate-id"
    case schema = "schema"
    case schemaInvalid = "schema-invalid"
    case config = "config"
    case waiverExpired = "waiver-expired"
    case waiverUnused = "waiver-unused"
    case settingsLoosened = "settings-loosened"

    /// The id findings carry.
    public var id: String { rawValue }

    public var severity: Severity { self == .waiverUnused || self == .settingsLoosened ? .warning : .error }

    public var summary: String {
        switch self {
        case .syntax: "The file is not valid YAML."
        case .duplicateKey: "A mapping defines the same key twice."
        case .encoding: "The file is not UTF-8 text."
        case .binary: "The file holds binary content or control characters."
        case .tooLarge: "The file is larger than limits.max-file-size."
        case .tooDeep: "Nesting is deeper than limits.max-depth."
        case .aliasBomb: "Aliases expand the document past limits.max-nodes."
        case .tooManyNodes: "The document holds more values than limits.max-nodes, without any alias."
        case .undefinedAlias: "An alias refers to an anchor that is not defined."
        case .unknownTag: "A tag gtm does not understand; it is reported, never executed."
        case .badTaggedValue: "A value does not fit its explicit tag."
        case .complexKey: "A mapping or list is used as a key."
        case .badMerge: "A merge key << is given something other than a mapping or a list of mappings."
        case .fileUnreadable: "The file cannot be read."
        case .documentShape: "A strategy document is not a mapping."
        case .documentKind: "A document has no kind, or one gtm does not know."
        case .documentAPIVersion: "A document has no apiVersion, or one this gtm does not read."
        case .duplicateID: "Two documents of one kind share an id."
        case .schema: "A document does not match the JSON Schema of its kind."
        case .schemaInvalid: "A schema cannot be read or compiled."
        case .config: "A setting in .gtm.yaml is unknown, has a wrong value, or names a place outside the repository."
        case .waiverExpired: "A waiver is past its expiry date."
        case .waiverUnused: "A waiver matches no finding."
        case .settingsLoosened: "A change loosens what judges it: a rule turned off, a severity lowered, a threshold relaxed, a waiver added or extended, a schema changed. An error when the loosening lets an error through."
        }
    }
}
