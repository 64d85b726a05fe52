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

    /// Hashed and compared by case. A `String` raw value makes `RawRepresentable`'s default
    /// hash the text, and workspaces and the rule memo look documents up by kind all the time.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public static func == (a: DocumentKind, b: DocumentKind) -> Bool { a.ordinal == b.ordinal }

    /// The kind's place among the kinds, for hashing and for `WorkspaceReads`' bits.
    var ordinal: UInt8 {
        switch self {
        case .strategy: 0
        case .segment: 1
        case .marketingPlan: 2
        case .salesPlan: 3
        case .productPlan: 4
        case .successPlan: 5
        }
    }

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
