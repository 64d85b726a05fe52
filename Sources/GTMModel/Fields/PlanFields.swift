/// Fields of the functional plans (MarketingPlan, SalesPlan, ProductPlan, SuccessPlan) that
/// rules read.
extension Field {
    /// The plan's id (every plan kind has it).
    public static func planID(_ kind: DocumentKind) -> Field { Field(kind, "id") }
    /// An ICP the plan defines for itself instead of working the strategy's segments (every
    /// plan kind can have one).
    public static func planICP(_ kind: DocumentKind) -> Field { Field(kind, "icp") }

    /// The channels a marketing plan spends on.
    public static let marketingChannels = Field(.marketingPlan, "channels")
    /// The strategy channel a marketing plan's channel entry uses.
    public static let marketingChannel = Field(.marketingPlan, "channels", "*", "channel")
    /// The channels a sales plan sells through.
    public static let salesChannels = Field(.salesPlan, "channels")
    /// The strategy channel a sales plan's channel entry uses.
    public static let salesChannel = Field(.salesPlan, "channels", "*", "channel")

    /// The channels a plan uses and the channel each entry names, for the plan kinds that
    /// have channels (marketing and sales).
    public static func planChannels(_ kind: DocumentKind) -> (list: Field, channel: Field)? {
        switch kind {
        case .marketingPlan: (marketingChannels, marketingChannel)
        case .salesPlan: (salesChannels, salesChannel)
        default: nil
        }
    }

    /// The capabilities the product plan builds.
    public static let capabilities = Field(.productPlan, "capabilities")
    /// How far a capability has come: planned, building, shipped.
    public static let capabilityStatus = Field(.productPlan, "capabilities", "*", "status")
    /// The promises of positioning a capability supports.
    public static let capabilitySupports = Field(.productPlan, "capabilities", "*", "supports")
}
