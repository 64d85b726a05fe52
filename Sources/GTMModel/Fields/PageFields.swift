/// Fields the one-page report reads besides those the rules read: the words of the strategy
/// that a reader of the page needs, as the schemas name them.
extension Field {
    /// The strategy's name for people.
    public static let strategyName = Field(.strategy, "name")
    /// The person who holds the owning role.
    public static let ownerName = Field(.strategy, "owner", "name")

    /// What the problem costs a buyer who does nothing.
    public static let problemCostOfInaction = Field(.strategy, "problem", "costOfInaction")

    /// The role that signs and owns the budget.
    public static let economicBuyer = Field(.strategy, "buyers", "economicBuyer")
    /// The role that pushes the purchase inside the account.
    public static let champion = Field(.strategy, "buyers", "champion")
    /// The roles that use the product day to day.
    public static let buyerUsers = Field(.strategy, "buyers", "users")

    /// The category the product is placed in.
    public static let positioningCategory = Field(.strategy, "positioning", "category")
    /// What buyers would do instead, named.
    public static let alternativeName = Field(.strategy, "positioning", "alternatives", "*", "name")

    /// Motions used beside the primary one.
    public static let motionSecondary = Field(.strategy, "motion", "secondary")
    /// The evidence that the playbook is, or is not yet, repeatable.
    public static let playbookEvidence = Field(.strategy, "motion", "playbook", "evidence", "summary")

    /// Whether the product has a free tier.
    public static let pricingFreeTier = Field(.strategy, "pricing", "freeTier")

    /// Why this company can reach and win the segment.
    public static let distributionAdvantage = Field(.strategy, "distribution", "advantage")

    /// Months a new seller takes to reach full productivity.
    public static let rampMonths = Field(.strategy, "economics", "rampMonths")

    /// Where an experiment stands: planned, running, …
    public static let experimentStatus = Field(.strategy, "experiments", "*", "status")

    /// The unit of a metric's target.
    public static let metricUnit = Field(.strategy, "metrics", "*", "unit")

    /// The answer a row of the coherence table gives, as written by hand.
    public static let coherenceAnswer = Field(.strategy, "coherence", "*", "answer")

    /// A segment's name for people.
    public static let segmentName = Field(.segment, "name")

    /// A capability's name.
    public static let capabilityName = Field(.productPlan, "capabilities", "*", "name")

    /// Who buys and how: the whole buyers object.
    public static let buyers = Field(.strategy, "buyers")
    /// How the company reaches and closes its buyers: the whole motion object.
    public static let motion = Field(.strategy, "motion")
    /// What it takes a customer to start: the whole implementation object.
    public static let implementation = Field(.strategy, "implementation")
    /// Where the buyers are reached: the whole distribution object.
    public static let distribution = Field(.strategy, "distribution")
    /// Process, data, tech and measurement for every function.
    public static let revenueArchitecture = Field(.strategy, "revenueArchitecture")
    /// Where to grow next: the whole growth object.
    public static let growth = Field(.strategy, "growth")
}
