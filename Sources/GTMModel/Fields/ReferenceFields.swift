/// The fields that name other documents by id: the references `Workspace` resolves.
extension Field {
    /// The Segment id, or ids, the strategy enters first.
    public static let beachhead = Field(.strategy, "beachhead")
    /// The segments the strategy means to enter next.
    public static let nextSegments = Field(.strategy, "growth", "nextSegments")
    /// An exclusion that names a whole segment.
    public static let exclusionSegment = Field(.strategy, "exclusions", "*", "segment")
    /// The segment a sales target is for.
    public static let salesTargetSegment = Field(.salesPlan, "targets", "*", "segment")
    /// The segment a marketing campaign is for.
    public static let campaignSegment = Field(.marketingPlan, "campaigns", "*", "segment")

    /// The strategy a functional plan executes (every plan kind has it).
    public static func planStrategy(_ kind: DocumentKind) -> Field { Field(kind, "strategy") }
    /// The segments a functional plan serves (every plan kind has them).
    public static func planSegments(_ kind: DocumentKind) -> Field { Field(kind, "segments") }

    /// The id of a document of any kind: the name references use for it.
    public static func id(of kind: DocumentKind) -> Field {
        switch kind {
        case .strategy: strategyID
        case .segment: segmentID
        case .salesPlan, .marketingPlan, .productPlan, .successPlan: planID(kind)
        }
    }
}
