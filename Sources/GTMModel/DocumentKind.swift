/// The kinds of strategy document gtm understands. Each has a JSON Schema named for it
/// (`schemas/<Kind>.schema.json`).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case strategy = "Strategy"
    case segment = "Segment"
    case marketingPlan = "MarketingPlan"
    case salesPlan = "SalesPlan"
    case productPlan = "ProductPlan"
    case successPlan = "SuccessPlan"

    /// The `apiVersion` this release writes; it reads every `ModelVersion`.
    public static let apiVersion = ModelVersion.current.rawValue

    /// The schema file name for the kind.
    public var schemaFileName: String { "\(rawValue).schema.json" }

    /// Functional plans execute the strategy; they reference it rather than define their own ICP.
    public var isFunctionalPlan: Bool {
        switch self {
        case .marketingPlan, .salesPlan, .productPlan, .successPlan: true
        case .strategy, .segment: false
        }
    }
}
