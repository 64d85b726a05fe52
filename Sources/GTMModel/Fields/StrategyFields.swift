/// Fields of the Strategy document that rules read.
extension Field {
    public static let stage = Field(.strategy, "stage")
    public static let motionPrimary = Field(.strategy, "motion", "primary")
    /// The price list's annual contract value: the source of truth for ACV.
    public static let pricingACV = Field(.strategy, "pricing", "acv")
    public static let pricingACVAmount = Field(.strategy, "pricing", "acv", "amount")
    public static let pricingACVCurrency = Field(.strategy, "pricing", "acv", "currency")
    /// The ACV the economics assume, read when pricing states none.
    public static let economicsACV = Field(.strategy, "economics", "acv")
    public static let economicsACVAmount = Field(.strategy, "economics", "acv", "amount")
    public static let economicsACVCurrency = Field(.strategy, "economics", "acv", "currency")
}
