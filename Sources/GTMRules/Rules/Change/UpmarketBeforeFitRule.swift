import GTMCore
import GTMModel

/// "The seductive wrong move": going enterprise before the current motion is repeatable, in
/// whichever form the change makes it.
struct UpmarketBeforeFitRule: Rule {
    static let strategy = "apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\n"
    static let segment = "---\napiVersion: gtm/v1\nkind: Segment\nid: mid\n"

    static let description = RuleDescription(
        id: "GTM501",
        name: "upmarket-before-fit",
        kind: .change,
        severity: .error,
        summary: "The change moves upmarket before GTM fit: an enterprise motion, a larger beachhead, an enterprise tier, enterprise buying, or a dropped exclusion of large companies.",
        rationale: """
            Seed 003 calls moving upmarket the seductive wrong move: larger logos look like \
            progress, but enterprise reps, security commitments, procurement and six-month cycles \
            before the current motion is repeatable multiply cost while the evidence is still \
            missing. The move takes many forms; each is the same choice, so several in one change \
            are one finding.
            """,
        seeds: ["003"],
        passing: [
            // At GTM fit the same move is a decision the evidence can carry.
            RuleExample(strategy + "stage: gtm-fit\nmotion: {primary: enterprise}\n",
                        before: strategy + "stage: gtm-fit\nmotion: {primary: sales-led}\n"),
            // Narrowing toward smaller companies is not upmarket.
            RuleExample(strategy + "stage: product-market-fit\nbeachhead: mid\n" + segment + "firmographic: {employees: {min: 50, max: 300}}\n",
                        before: strategy + "stage: product-market-fit\nbeachhead: mid\n" + segment + "firmographic: {employees: {min: 50, max: 500}}\n"),
            // A price rise alone is judged by GTM504.
            RuleExample(strategy + "stage: product-market-fit\npricing: {acv: {amount: 9000, currency: USD}}\n",
                        before: strategy + "stage: product-market-fit\npricing: {acv: {amount: 6000, currency: USD}}\n"),
        ],
        failing: [
            // The motion, product-led to enterprise.
            RuleExample(strategy + "stage: ⤷product-market-fit\nmotion: {primary: ↓enterprise}\n",
                        before: strategy + "stage: product-market-fit\nmotion: {primary: product-led}\n"),
            // The beachhead swapped for a segment of larger companies.
            RuleExample(strategy + "stage: ⤷problem-solution-fit\nbeachhead: ↓big\n" + segment + "firmographic: {employees: {min: 50, max: 500}}\n---\napiVersion: gtm/v1\nkind: Segment\nid: big\nfirmographic: {employees: {min: 5000}}\n",
                        before: strategy + "stage: problem-solution-fit\nbeachhead: mid\n" + segment + "firmographic: {employees: {min: 50, max: 500}}\n---\napiVersion: gtm/v1\nkind: Segment\nid: big\nfirmographic: {employees: {min: 5000}}\n"),
            // The beachhead edited in place toward larger companies.
            RuleExample(strategy + "stage: ⤷product-market-fit\nbeachhead: mid\n" + segment + "firmographic: {employees: ↓{min: 1000, max: 20000}}\n",
                        before: strategy + "stage: product-market-fit\nbeachhead: mid\n" + segment + "firmographic: {employees: {min: 50, max: 500}}\n"),
            // An enterprise tier, quote-only.
            RuleExample(strategy + "stage: ⤷product-market-fit\npricing: {quoteOnly: ↓true}\n",
                        before: strategy + "stage: product-market-fit\npricing: {quoteOnly: false}\n"),
            // The exclusion of large companies dropped.
            RuleExample(strategy + "stage: ⤷product-market-fit\nexclusions:\n  ↓- {id: agencies, reason: They resell.}\n",
                        before: strategy + "stage: product-market-fit\nexclusions:\n  - {id: agencies, reason: They resell.}\n  - {id: enterprises, reason: Companies over 1000 employees buy through procurement.}\n"),
            // Enterprise buying in the buyers: procurement, a larger committee, longer cycles, as one finding.
            RuleExample(strategy + "stage: ⤷product-market-fit\nbuyers: {buyingProcess: ↓procurement-led, committeeSize: ⤷7, salesCycleDays: ⤷180}\n",
                        before: strategy + "stage: product-market-fit\nbuyers: {buyingProcess: sales-assisted, committeeSize: 2, salesCycleDays: 30}\n"),
        ]
    )

    /// Companies this large buy through committees and procurement: an enterprise segment.
    static let enterpriseEmployees = 1000.0
    /// Words of an exclusion that keeps large companies out.
    static let largeCompanyWords = ["enterprise", "large compan", "large account", "fortune", "global 2000", "corporat", "procurement", "1000+", "1,000+"]

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.after.strategy, let stage = context.stage?.name, Stages.beforeFit.contains(stage) else { return [] }
        let before = context.before.strategy
        var moves: [(NodeRef, String)] = []

        // The motion toward sales-led or enterprise.
        if let (ref, now) = strategy.motion, let old = before?.motion?.name,
           Motions.rank(now) > Motions.rank(old), Motions.rank(now) >= 1 {
            moves.append((ref, "the motion moves from \(Wording.article(old)) \(old) to \(Wording.motion(now))"))
        }
        // The beachhead, swapped or edited in place, toward larger companies.
        let oldBeachheads = Dictionary(context.before.beachheads.compactMap { ref, segment in ref.string.map { ($0, segment) } }, uniquingKeysWith: { a, _ in a })
        for (ref, segment) in context.after.beachheads {
            guard let id = ref.string, let segment else { continue }
            if let old = oldBeachheads[id], let old {
                let comparison = ICPProfile(old).compare(to: ICPProfile(segment))
                if comparison.towardLarger {
                    moves.append((segment[.employees].exists ? segment[.employees] : ref, "the beachhead \(segment.displayName) moves toward larger companies: \(comparison.sentence)"))
                }
            } else if !oldBeachheads.isEmpty, larger(segment, than: oldBeachheads.values.compactMap { $0 }) {
                moves.append((ref, "the beachhead moves to \(segment.displayName), a segment of larger companies"))
            }
        }
        // An enterprise tier: quote-only pricing or an enterprise plan.
        if strategy[.pricingQuoteOnly].bool == true, before?[.pricingQuoteOnly].bool != true {
            moves.append((strategy[.pricingQuoteOnly], "pricing becomes quote-only"))
        } else if strategy[.pricingModel].string == "quote-only", before?[.pricingModel].string != "quote-only" {
            moves.append((strategy[.pricingModel], "pricing becomes quote-only"))
        }
        let oldPlans = Set(before?.all(.pricingPlanName).compactMap(\.string) ?? [])
        for plan in strategy.all(.pricingPlanName) where plan.string.map({ $0.lowercased().contains("enterprise") && !oldPlans.contains($0) }) == true {
            moves.append((plan, "an enterprise plan is added"))
        }
        // The exclusion of large companies dropped.
        for change in context.changes where change.classification == .exclusionDropped && change.kind == .removed && change.documentKind == .strategy {
            let text = (change.old.map(ValueText.compact) ?? "").lowercased()
            if Self.largeCompanyWords.contains(where: text.contains) {
                moves.append((strategy[.exclusions], "the exclusion of large companies is dropped"))
            }
        }
        // Enterprise buying in the strategy's buyers or the beachhead's.
        moves += enterpriseBuying(context, strategy: strategy, before: before)

        guard let first = moves.first else { return [] }
        let stageRef = strategy[.stage]
        let what = moves.map(\.1).joined(separator: "; ")
        return [context.finding(
            "this change moves upmarket while the stage is \(Wording.stage(stage)): \(what). Prove the current motion repeatable first (seed 003's seductive wrong move)",
            at: first.0, related: moves.dropFirst().map { ($0.0, $0.1) } + [(stageRef, "the stage is \(Wording.stage(stage)) here")])]
    }

    /// A swapped-in segment of larger companies than every segment it replaces.
    func larger(_ segment: GTMDocument, than old: [GTMDocument]) -> Bool {
        let profile = ICPProfile(segment)
        if !old.isEmpty, old.allSatisfy({ ICPProfile($0).compare(to: profile).towardLarger }) { return true }
        guard let minimum = segment[.employeesMin].number, minimum >= Self.enterpriseEmployees else { return false }
        return old.allSatisfy { ($0[.employeesMax].number ?? 0) < Self.enterpriseEmployees }
    }

    /// Procurement, a committee past three, a cycle past ninety days, where there were none.
    func enterpriseBuying(_ context: RuleContext, strategy: GTMDocument, before: GTMDocument?) -> [(NodeRef, String)] {
        var moves: [(NodeRef, String)] = []
        func check(_ now: NodeRef, _ was: NodeRef?, process: Bool, threshold: Double, _ words: String) {
            if process {
                if now.string == "procurement-led", was?.string != "procurement-led" { moves.append((now, "buying moves to \(words)")) }
            } else if let n = now.number, n >= threshold, (was?.number ?? 0) < threshold {
                moves.append((now, "\(words) grows to \(shown(n))"))
            }
        }
        check(strategy[.buyingProcess], before?[.buyingProcess], process: true, threshold: 0, "procurement")
        check(strategy[.committeeSize], before?[.committeeSize], process: false, threshold: 4, "the buying committee")
        check(strategy[.salesCycleDays], before?[.salesCycleDays], process: false, threshold: 90, "the sales cycle in days")
        for (_, segment) in context.after.beachheads {
            guard let segment, let id = segment.id else { continue }
            let was = context.before.document(id, kind: .segment)
            check(segment[.segmentBuyingProcess], was?[.segmentBuyingProcess], process: true, threshold: 0, "procurement in \(segment.displayName)")
            check(segment[.segmentCommitteeSize], was?[.segmentCommitteeSize], process: false, threshold: 4, "the buying committee of \(segment.displayName)")
            check(segment[.segmentSalesCycleDays], was?[.segmentSalesCycleDays], process: false, threshold: 90, "the sales cycle of \(segment.displayName) in days")
        }
        return moves
    }
}
