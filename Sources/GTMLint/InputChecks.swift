import GTMCore
import YAMLSource

/// The checks gtm makes on its input before any rule runs. They have ids like rules so every
/// report format can name them, but no settings: bad input is always an error.
public enum InputChecks {
    public static let all: [(id: String, summary: String)] = [
        (YAMLProblem.Kind.syntax.rawValue, "The file is not valid YAML."),
        (YAMLProblem.Kind.duplicateKey.rawValue, "A mapping defines the same key twice."),
        (YAMLProblem.Kind.encoding.rawValue, "The file is not UTF-8 text."),
        (YAMLProblem.Kind.binary.rawValue, "The file holds binary content or control characters."),
        (YAMLProblem.Kind.tooLarge.rawValue, "The file is larger than limits.max-file-size."),
        (YAMLProblem.Kind.tooDeep.rawValue, "Nesting is deeper than limits.max-depth."),
        (YAMLProblem.Kind.aliasBomb.rawValue, "Aliases expand the document past limits.max-nodes."),
        (YAMLProblem.Kind.undefinedAlias.rawValue, "An alias refers to an anchor that is not defined."),
        (YAMLProblem.Kind.unknownTag.rawValue, "A tag gtm does not understand; it is reported, never executed."),
        (YAMLProblem.Kind.badTaggedValue.rawValue, "A value does not fit its explicit tag."),
        (YAMLProblem.Kind.complexKey.rawValue, "A mapping or list is used as a key."),
        ("file-unreadable", "The file cannot be read."),
        ("document-shape", "A strategy document is not a mapping."),
        ("document-kind", "A document has no kind, or one gtm does not know."),
        ("document-api-version", "A document has no apiVersion, or one this gtm does not read."),
        ("duplicate-id", "Two documents of one kind share an id."),
        ("schema", "A document does not match the JSON Schema of its kind."),
        ("schema-invalid", "A schema cannot be read or compiled."),
        ("config", "A setting in .gtm.yaml is unknown or has a wrong value."),
        ("waiver-expired", "A waiver is past its expiry date."),
        ("waiver-unused", "A waiver matches no finding."),
    ]
}
