import GTMCore
import GTMModel

/// A motion that sells to someone, with the place that says so: the strategy's primary motion,
/// a segment's own motion, or a price plan's own motion. Hybrids are coherent: a segment or a
/// plan that states its own motion is judged by it, not by the primary one.
public struct SellingMotion: Sendable {
    public var ref: NodeRef
    public var name: String
    /// The related position's message: "the motion is product-led here".
    public var note: String
}

/// The beachhead as the motion rules judge it: a segment the strategy enters first (nil when
/// the strategy names none that exists: its own buyers then stand for the beachhead's), the
/// place that names it, and the motions that sell to it.
public struct BeachheadSale: Sendable {
    public var segment: GTMDocument?
    public var beachhead: NodeRef?
    public var motions: [SellingMotion]
}

extension RuleContext {
    /// Whether a motion is one in which buyers sign up and pay on their own (the setting
    /// `self-serve-motions`).
    public func isSelfServe(_ motion: String) -> Bool { strings("self-serve-motions").contains(motion) }

    /// The strategy's primary motion, as a motion that sells.
    public var primarySellingMotion: SellingMotion? {
        motion.map { SellingMotion(ref: $0.ref, name: $0.name, note: "the motion is \($0.name) here") }
    }

    /// The motions that sell to a segment: the segment's own motion where it states one; else
    /// the motion of each price plan made for the segment; else the primary motion.
    public func motions(selling segment: GTMDocument?) -> [SellingMotion] {
        if let segment {
            let own = segment[.segmentMotion]
            if let name = own.string {
                return [SellingMotion(ref: own, name: name, note: "\(Self.label(segment)) is won by \(Wording.motion(name)) here")]
            }
            if let id = segment.id, let strategy {
                let plans = strategy[.pricingPlans].items.filter { $0[.pricingPlanSegment].string == id }
                if !plans.isEmpty { return plans.compactMap { motion(selling: $0) } }
            }
        }
        return primarySellingMotion.map { [$0] } ?? []
    }

    /// The motion that sells a price plan: its own, else its segment's, else the primary one.
    public func motion(selling plan: NodeRef) -> SellingMotion? {
        let own = plan[.pricingPlanMotion]
        if let name = own.string {
            return SellingMotion(ref: own, name: name, note: "\(Self.label(plan: plan)) is sold by \(Wording.motion(name)) here")
        }
        if let id = plan[.pricingPlanSegment].string, let segment = workspace.document(id, kind: .segment) {
            let segmentMotion = segment[.segmentMotion]
            if let name = segmentMotion.string {
                return SellingMotion(ref: segmentMotion, name: name, note: "\(Self.label(segment)) is won by \(Wording.motion(name)) here")
            }
        }
        return primarySellingMotion
    }

    /// Each beachhead segment with the motions that sell to it; the strategy alone when it
    /// names no beachhead segment that exists.
    public var beachheadSales: [BeachheadSale] {
        let found = beachheadSegments().compactMap { entry in
            entry.segment.map { BeachheadSale(segment: $0, beachhead: entry.ref, motions: motions(selling: $0)) }
        }
        return found.isEmpty ? [BeachheadSale(segment: nil, beachhead: nil, motions: motions(selling: nil))] : found
    }

    /// The beachheads sold only by self-serve motions: where the self-serve rules have
    /// something to judge.
    public var selfServeBeachheads: [BeachheadSale] {
        beachheadSales.filter { !$0.motions.isEmpty && $0.motions.allSatisfy { isSelfServe($0.name) } }
    }

    /// A segment for people: its name, else its id, quoted: `the segment "Regional banks"`.
    public static func label(_ segment: GTMDocument) -> String { "the segment " + quotedName(segment) }

    /// A segment's name, else its id, quoted: `"Regional banks"`.
    public static func quotedName(_ segment: GTMDocument) -> String {
        "\"\(segment[.segmentName].string ?? segment.id ?? "?")\""
    }

    /// A price plan for people: `the plan "Enterprise"`.
    public static func label(plan: NodeRef) -> String {
        plan[.pricingPlanName].string.map { "the plan \"\($0)\"" } ?? "this plan"
    }

    /// What a price plan brings a year, with its currency: its ACV, else its list price over a
    /// year; nil when it states neither.
    public static func annualValue(of plan: NodeRef) -> (ref: NodeRef, amount: Double, currency: String)? {
        let acv = plan[.pricingPlanACVAmount]
        if let amount = acv.number { return (acv, amount, plan[.pricingPlanACVCurrency].string ?? "") }
        let price = plan[.pricingPlanPriceAmount]
        guard let amount = price.number else { return nil }
        let yearly = plan[.pricingPlanPeriod].string == "month" ? amount * 12 : amount
        return (price, yearly, plan[.pricingPlanPriceCurrency].string ?? "")
    }
}

extension NodeRef {
    /// The place as a key: the same field of the same document gives the same key.
    var placeKey: String { "\(document.path)#\(document.index)\(pointer)" }
}

/// The motions of a finding as related positions, each once.
func relatedMotions(_ motions: [SellingMotion]) -> [(NodeRef, String)] {
    var seen = Set<String>()
    return motions.compactMap { seen.insert($0.ref.placeKey).inserted ? ($0.ref, $0.note) : nil }
}

/// Motions named for a message: "a product-led motion", "a product-led and a self-serve motion".
func motionsInWords(_ motions: [SellingMotion]) -> String {
    var names: [String] = []
    for m in motions where !names.contains(m.name) { names.append(m.name) }
    guard names.count > 1 else { return Wording.motion(names.first ?? "") }
    return names.dropLast().map { Wording.article($0) + " " + $0 }.joined(separator: ", ") + " and " + Wording.article(names.last!) + " " + names.last! + " motion"
}
