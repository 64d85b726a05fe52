import GTMCore
import YAMLSource

/// Names a change in the strategy's own terms: did the ICP get narrower or broader, did the
/// price, the motion or the stage move, was an exclusion added or dropped.
enum Classifier {
    /// Classifies a change where it lies: every edit of every commit of a history is classified.
    static func classify(_ change: inout SemanticChange) {
        change.classification = classification(of: change)
    }

    private static func classification(of c: SemanticChange) -> Classification? {
        let t = c.pointer.tokens
        guard let first = t.first else { return nil }
        switch c.documentKind {
        case .segment:
            return segmentClassification(c, t)
        case .strategy:
            switch first {
            case "beachhead": return .icpRetargeted
            case "pricing": return .priceChanged
            case "economics" where t.count > 1 && t[1] == "acv": return .priceChanged
            case "motion" where t.count == 1 || t[1] == "primary": return .motionChanged
            case "stage": return .stageMoved
            case "exclusions":
                if t.count == 1 { return c.kind == .removed ? .exclusionDropped : c.kind == .added ? .exclusionAdded : nil }
                if t.count == 2 { return c.kind == .removed ? .exclusionDropped : c.kind == .added ? .exclusionAdded : nil }
                return nil
            default: return nil
            }
        default:
            return first == "icp" ? .icpRetargeted : nil
        }
    }

    /// More accounts, wider ranges, more industries or regions: broader. The reverse: narrower.
    private static func segmentClassification(_ c: SemanticChange, _ t: [String]) -> Classification? {
        switch t.first {
        case "accounts" where t.count == 2 && t[1] == "estimated":
            return direction(c.old?.number, c.new?.number, growing: true)
        case "firmographic", "technographic", "behavioural":
            guard t.count >= 2 else { return c.kind == .removed ? .icpBroadened : c.kind == .added ? .icpNarrowed : nil }
            let field = t[1]
            if ["industries", "regions"].contains(field) {
                // A list of allowed values: more values admit more accounts.
                if c.kind == .added { return .icpBroadened }
                if c.kind == .removed { return .icpNarrowed }
                return .icpRetargeted
            }
            if ["employees", "annualRevenue"].contains(field), t.count >= 3 {
                let bound = t[2]
                if c.kind == .removed { return .icpBroadened }
                if c.kind == .added { return .icpNarrowed }
                let old = c.old?.number ?? c.old?["amount"]?.number
                let new = c.new?.number ?? c.new?["amount"]?.number
                return direction(old, new, growing: bound == "max")
            }
            // Signals, triggers, tools the ICP uses: criteria to meet, so more is narrower.
            if c.kind == .added { return .icpNarrowed }
            if c.kind == .removed { return .icpBroadened }
            return .icpRetargeted
        case "market":
            return nil
        default:
            return nil
        }
    }

    private static func direction(_ old: Double?, _ new: Double?, growing: Bool) -> Classification? {
        guard let old, let new, old != new else { return nil }
        return (new > old) == growing ? .icpBroadened : .icpNarrowed
    }
}
