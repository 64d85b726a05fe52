/// Fields of the Segment document that rules read.
extension Field {
    /// The segment's id, the name the strategy and plans use for it.
    public static let segmentID = Field(.segment, "id")

    /// Who the customers are: industry, size, region.
    public static let firmographic = Field(.segment, "firmographic")
    /// What the customers run.
    public static let technographic = Field(.segment, "technographic")
    /// What the customers do: signals and triggers.
    public static let behavioural = Field(.segment, "behavioural")
    /// The industries the segment's customers are in.
    public static let industries = Field(.segment, "firmographic", "industries")
    /// The regions the segment's customers are in.
    public static let regions = Field(.segment, "firmographic", "regions")
    /// The range of company sizes, in employees.
    public static let employees = Field(.segment, "firmographic", "employees")
    /// The smallest company, in employees.
    public static let employeesMin = Field(.segment, "firmographic", "employees", "min")
    /// The largest company, in employees.
    public static let employeesMax = Field(.segment, "firmographic", "employees", "max")

    /// How many accounts the segment holds, as estimated.
    public static let accountsEstimated = Field(.segment, "accounts", "estimated")

    /// The total addressable market.
    public static let tam = Field(.segment, "market", "tam")
    /// The total addressable market, in accounts.
    public static let tamAccounts = Field(.segment, "market", "tam", "accounts")
    /// The total addressable market, in money.
    public static let tamValueAmount = Field(.segment, "market", "tam", "value", "amount")
    /// The currency of the total addressable market.
    public static let tamValueCurrency = Field(.segment, "market", "tam", "value", "currency")
    /// The total relevant market: the part the company can win now.
    public static let trm = Field(.segment, "market", "trm")
    /// The total relevant market, in accounts.
    public static let trmAccounts = Field(.segment, "market", "trm", "accounts")
    /// The total relevant market, in money.
    public static let trmValueAmount = Field(.segment, "market", "trm", "value", "amount")
    /// The currency of the total relevant market.
    public static let trmValueCurrency = Field(.segment, "market", "trm", "value", "currency")

    /// Technologies the accounts use (technographic criteria).
    public static let technologiesUsed = Field(.segment, "technographic", "uses")
    /// Company revenue, a money range.
    public static let annualRevenue = Field(.segment, "firmographic", "annualRevenue")
    /// The lower bound of company revenue.
    public static let revenueMinAmount = Field(.segment, "firmographic", "annualRevenue", "min", "amount")
    /// The upper bound of company revenue.
    public static let revenueMaxAmount = Field(.segment, "firmographic", "annualRevenue", "max", "amount")
    /// How accounts of the segment buy, when it differs from the strategy.
    public static let segmentBuyingProcess = Field(.segment, "buyers", "buyingProcess")
    /// How many people take part in the segment's decision.
    public static let segmentCommitteeSize = Field(.segment, "buyers", "committeeSize")
    /// The segment's typical sales cycle in days.
    public static let segmentSalesCycleDays = Field(.segment, "buyers", "salesCycleDays")
}
