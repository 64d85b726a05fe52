import GTMCore

/// The stages of a strategy in the model's own terms.
public enum Stages {
    /// The stages before GTM fit, when scaling and moving upmarket are premature.
    public static let beforeFit: Set = ["problem-solution-fit", "product-market-fit"]
    /// Every stage, in order, as the schema names them.
    public static let all = ["problem-solution-fit", "product-market-fit", "gtm-fit", "scale"]
}

/// How far up a motion sells: product-led and self-serve, then founder-led, sales-assisted
/// and inside sales, then field sales. A change toward a higher rank moves upmarket.
public enum Motions {
    static let ranks = [
        "self-serve": 0, "product-led": 0, "partner-led": 0,
        "founder-led": 1, "hybrid": 1, "sales-assisted": 1, "inside-sales": 1,
        "field-sales": 2,
    ]

    public static func rank(_ motion: String?) -> Int { motion.flatMap { ranks[$0] } ?? 0 }
}

/// Readings of the Strategy that several rules and commands share, made in one place so that
/// they agree: which motion, which ACV, which stage.
extension GTMDocument {
    /// The primary motion and its place, when the strategy names one.
    public var motion: (ref: NodeRef, name: String)? {
        let ref = self[.motionPrimary]
        return ref.string.map { (ref, $0) }
    }

    /// The annual contract value and its place: the price list's (`pricing.acv`), else the one
    /// the economics assume (`economics.acv`).
    public var acv: (ref: NodeRef, amount: Double, currency: String)? {
        for (amount, currency) in [(Field.pricingACVAmount, Field.pricingACVCurrency), (.economicsACVAmount, .economicsACVCurrency)] {
            let ref = self[amount]
            if let value = ref.number { return (ref, value, self[currency].string ?? "") }
        }
        return nil
    }

    /// The stage, with its place.
    public var stage: (ref: NodeRef, name: String)? {
        let ref = self[.stage]
        return ref.string.map { (ref, $0) }
    }
}
