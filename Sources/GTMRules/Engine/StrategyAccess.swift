import GTMCore
import GTMModel

/// Shared reads of the Strategy document that several rules make the same way.
extension RuleContext {
    /// The primary motion and its place, when the strategy names one.
    public var motion: (ref: NodeRef, name: String)? { strategy?.motion }

    /// The primary motion when it is one the setting `self-serve-motions` lists.
    public var selfServeMotion: (ref: NodeRef, name: String)? {
        guard let m = motion, strings("self-serve-motions").contains(m.name) else { return nil }
        return m
    }

    /// The annual contract value and its place: `pricing.acv`, else `economics.acv`.
    public var acv: (ref: NodeRef, amount: Double, currency: String)? { strategy?.acv }

    /// The stage, with its place.
    public var stage: (ref: NodeRef, name: String)? { strategy?.stage }

    /// The stages before GTM fit, when scaling moves are premature.
    public static var stagesBeforeFit: Set<String> { Stages.beforeFit }
}

/// The setting every self-serve rule shares.
extension RuleSetting {
    static let selfServeMotions = RuleSetting(
        "self-serve-motions", .strings(["self-serve", "product-led"]), "Motions in which buyers sign up and pay on their own.")
}

/// A number for a message: whole numbers without a decimal point, never a trap on huge input.
public func shown(_ value: Double) -> String {
    RuleSetting.Value.number(value).description
}

/// A Double as an Int, clamped: settings and documents may hold any number.
public func whole(_ value: Double) -> Int {
    guard value.isFinite else { return value > 0 ? Int.max : Int.min }
    if value >= 9.2e18 { return Int.max }
    if value <= -9.2e18 { return Int.min }
    return Int(value)
}

/// Formats amounts in messages: 120000 → "120,000".
func amount(_ value: Double) -> String {
    guard abs(value) < 1e15 else { return shown(value) }
    return Figures.grouped(Int(value.rounded()))
}
