import GTMCore

/// Something wrong with a file at the YAML level. Problems carry positions and never escape as
/// crashes: the lint layer turns each into a finding.
public struct YAMLProblem: Error, Sendable, Hashable {
    /// The kinds of YAML problem are the `yaml-*` cases of the tool's own checks.
    public typealias Kind = ToolCheck

    public var kind: Kind
    public var message: String
    public var mark: YAMLMark
    /// A second position (the first occurrence of a duplicated key).
    public var related: YAMLMark?
    public var relatedMessage: String?

    public init(_ kind: Kind, _ message: String, at mark: YAMLMark, related: YAMLMark? = nil, relatedMessage: String? = nil) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.related = related
        self.relatedMessage = relatedMessage
    }

    /// Problems that stop the file from being read at all (as opposed to ones reported while
    /// the rest of the document is still usable).
    public var isFatal: Bool {
        switch kind {
        case .duplicateKey, .unknownTag, .badTaggedValue, .complexKey, .badMerge: false
        default: true
        }
    }
}
