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
}
