/// Fields of gtm/v2 that the motion, services, sequence and plan-metrics rules read: motions
/// stated per segment and per price plan, services sold as a business, sequence steps that
/// unlock, and the numbers each functional plan is held to.
extension Field {
    /// The motion that wins a segment, where it differs from the strategy's primary one.
    public static let segmentMotion = Field(.segment, "motion")

    /// The currency of a price plan's list price.
    public static let pricingPlanPriceCurrency = Field(.strategy, "pricing", "plans", "*", "price", "currency")
    /// The currency of a price plan's ACV.
    public static let pricingPlanACVCurrency = Field(.strategy, "pricing", "plans", "*", "acv", "currency")

    /// Whether customers pay for implementation services.
    public static let servicesPaid = Field(.strategy, "implementation", "servicesPaid")
    /// How services are priced: free, at cost, or with a margin.
    public static let servicesPricing = Field(.strategy, "implementation", "servicesPricing")

    /// Whether a sequence step is done, under way, or next.
    public static let sequenceStatus = Field(.strategy, "sequence", "*", "status")
    /// What sort of thing a step unlocks: a segment, a motion, a channel, or hiring.
    public static let sequenceUnlocksKind = Field(.strategy, "sequence", "*", "unlocks", "kind")
    /// The segment id, motion, channel id or role a step unlocks.
    public static let sequenceUnlocksTarget = Field(.strategy, "sequence", "*", "unlocks", "target")

    /// The motion a sales plan runs.
    public static let salesPlanMotion = Field(.salesPlan, "motion")
    /// A sales plan's hiring.
    public static let salesPlanHiring = Field(.salesPlan, "hiring")
    /// The sellers a sales plan hires.
    public static let salesPlanHiringReps = Field(.salesPlan, "hiring", "reps")
    /// The account targets of a sales plan, by segment.
    public static let salesTargets = Field(.salesPlan, "targets")
    /// The accounts a sales target works.
    public static let salesTargetAccounts = Field(.salesPlan, "targets", "*", "accounts")

    /// The days a success plan gives a customer to first value.
    public static let successOnboardingDays = Field(.successPlan, "onboardingDays")
    /// A success plan's retention goals.
    public static let successRetentionTargets = Field(.successPlan, "retentionTargets")
    /// Which metric a retention goal is about: grr, nrr, churn, …
    public static let retentionTargetMetric = Field(.successPlan, "retentionTargets", "*", "metric")
    /// The number a retention goal commits to.
    public static let retentionTargetValue = Field(.successPlan, "retentionTargets", "*", "target")

    /// The numbers a functional plan is held to (every plan kind has them).
    public static func planMetrics(_ kind: DocumentKind) -> Field { Field(kind, "metrics") }
    /// A plan metric's short name: grr, pipeline, time-to-value, accounts-targeted, …
    public static func planMetricName(_ kind: DocumentKind) -> Field { Field(kind, "metrics", "*", "name") }
    /// A plan metric as people say it.
    public static func planMetricLabel(_ kind: DocumentKind) -> Field { Field(kind, "metrics", "*", "label") }
    /// The number a plan commits to on a metric.
    public static func planMetricTarget(_ kind: DocumentKind) -> Field { Field(kind, "metrics", "*", "target") }
    /// What a plan metric's target counts: percent, days, accounts, USD…
    public static func planMetricUnit(_ kind: DocumentKind) -> Field { Field(kind, "metrics", "*", "unit") }
}
