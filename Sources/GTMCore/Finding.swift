/// One problem the tool reports. Everything a reporter prints comes from here, so every output
/// format (text, JSON, SARIF, GitHub annotations) says the same thing.
public struct Finding: Sendable, Hashable {
    /// A rule id (`GTM101`) or one of the tool's own ids for input problems (`yaml-syntax`).
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// The instance location inside the document, when the finding has one.
    public var pointer: JSONPointer?
    /// The `id` of the strategy document the finding is about, when it has one. With the rule
    /// and the pointer it forms the identity that survives edits that move text around.
    public var documentID: String?
    /// The other side of a contradiction, or the first occurrence of a duplicate.
    public var related: [RelatedLocation]

    public init(
        rule: String,
        severity: Severity,
        message: String,
        location: SourceLocation,
        pointer: JSONPointer? = nil,
        documentID: String? = nil,
        related: [RelatedLocation] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
        self.documentID = documentID
        self.related = related
    }

    /// Identity across revisions: rule + document + pointer, never the line.
    public var identity: FindingIdentity {
        FindingIdentity(
            rule: rule,
            document: documentID ?? location.path,
            pointer: pointer?.description ?? "",
            subject: pointer == nil ? message : ""
        )
    }
}

/// A second position a finding points at, with what is there.
public struct RelatedLocation: Sendable, Hashable {
    public var location: SourceLocation
    public var message: String
    /// Where in its document the other side is, when it is a value of a document.
    public var pointer: JSONPointer?

    public init(location: SourceLocation, message: String, pointer: JSONPointer? = nil) {
        self.location = location
        self.message = message
        self.pointer = pointer
    }
}

/// What makes two findings at different revisions "the same" finding.
public struct FindingIdentity: Sendable, Hashable, Comparable {
    public var rule: String
    public var document: String
    public var pointer: String
    public var subject: String

    public static func < (a: FindingIdentity, b: FindingIdentity) -> Bool {
        (a.rule, a.document, a.pointer, a.subject) < (b.rule, b.document, b.pointer, b.subject)
    }
}

extension Finding: Comparable {
    /// The stable print order: path, line, column, rule, then message.
    public static func < (a: Finding, b: Finding) -> Bool {
        (a.location.path, a.location.line, a.location.column, a.rule, a.message)
            < (b.location.path, b.location.line, b.location.column, b.rule, b.message)
    }
}
