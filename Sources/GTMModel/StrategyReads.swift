import GTMCore

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
