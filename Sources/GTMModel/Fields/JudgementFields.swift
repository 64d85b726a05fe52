/// Fields read by the rules that weigh judgement against evidence and arithmetic: how strong
/// the evidence behind a stage, a playbook or a channel is, when a capability ships, what an
/// exclusion rules out by attribute.
extension Field {
    /// What shows the company is at the stage it claims.
    public static let stageEvidence = Field(.strategy, "stageEvidence")
    /// Where the stage's evidence comes from: customer data, interviews, an assumption, …
    public static let stageEvidenceKind = Field(.strategy, "stageEvidence", "kind")
    /// What the stage's evidence says.
    public static let stageEvidenceSummary = Field(.strategy, "stageEvidence", "summary")

    /// Where the playbook's evidence comes from.
    public static let playbookEvidenceKind = Field(.strategy, "motion", "playbook", "evidence", "kind")

    /// Where a channel's evidence comes from: customer data, interviews, a founder's preference, …
    public static let channelEvidenceKind = Field(.strategy, "distribution", "channels", "*", "evidence", "kind")

    /// What an exclusion rules out by attribute: an industry, a region, a company size, a use case.
    public static let exclusionAttribute = Field(.strategy, "exclusions", "*", "attribute")
    /// An excluded industry.
    public static let exclusionIndustry = Field(.strategy, "exclusions", "*", "attribute", "industry")
    /// An excluded region.
    public static let exclusionRegion = Field(.strategy, "exclusions", "*", "attribute", "region")
    /// An excluded band of company sizes, in employees (`5000+`, `1-10`).
    public static let exclusionCompanySize = Field(.strategy, "exclusions", "*", "attribute", "companySize")

    /// A capability's id.
    public static let capabilityID = Field(.productPlan, "capabilities", "*", "id")
    /// When a capability ships or shipped: a date or a quarter (`2027-Q2`).
    public static let capabilityAvailable = Field(.productPlan, "capabilities", "*", "available")
}
