import GTMCore
import GTMModel

/// A step's evidence unlocks the next move; making the move first skips the proof.
struct UnlockedBeforeEvidenceRule: Rule {
    static let description = RuleDescription(
        id: "GTM227",
        name: "unlocked-before-evidence",
        severity: .warning,
        summary: "A sequence step not yet done unlocks a segment, motion, channel or hiring that the strategy or a plan has already entered.",
        rationale: """
            Seed 003: the sequence says what comes first, what comes later, and what evidence \
            unlocks the next step. A step still under way (status current or next) has not \
            produced its evidence, so what it unlocks is not open yet: a segment already chosen \
            as the beachhead or worked by a plan, a motion already run, a channel already \
            active, or sellers already hired means the company moved before the proof. A step \
            with no status is not judged. Hiring is judged when the step unlocks sellers (sales, \
            reps, account executives, SDRs), the only hiring the strategy and sales plan state, \
            and only beyond the few sellers hired to learn while the step runs: sellers hired to \
            a playbook, or more than the setting allows.
            """,
        seeds: ["003"],
        settings: [RuleSetting("max-learning-reps", .number(2), "Sellers a company may hire to learn while the step that unlocks hiring is under way.")],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: clinics
                sequence:
                  - step: Win independent clinics in Ontario
                    status: current
                    evidence: {kind: customer-data, summary: 40 clinics live with under 2 % monthly churn, sampleSize: 40}
                    unlocks: {kind: segment, target: hospital-outpatient}
                growth: {nextSegments: [hospital-outpatient]}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: clinics
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: hospital-outpatient
                """),
            // Two sellers hired to learn the playbook while the step that unlocks hiring runs.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                sequence:
                  - {step: Two hired reps close without the founders, status: current, evidence: {summary: Both reps at 80 % of quota by month six}, unlocks: {kind: hiring, target: six more sales reps}}
                hiring: {salesReps: 2, playbookBased: false}
                """),
            // An earlier step that is done unlocked the sellers hired now; a later one unlocks more.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: scale
                sequence:
                  - {step: Repeat the playbook with two hired sellers, status: done, evidence: {summary: Both hit quota two quarters running}, unlocks: {kind: hiring, target: account executives}}
                  - {step: Enter Canadian utilities, status: next, evidence: {summary: Three paid pilots in Canada}, unlocks: {kind: hiring, target: an account executive based in Canada}}
                hiring: {salesReps: 3, playbookBased: true}
                """),
            // The step is done: the hiring it unlocked is open.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                sequence:
                  - {step: Repeat the playbook with two hired sellers, status: done, evidence: {summary: Both hit quota two quarters running}, unlocks: {kind: hiring, target: account executives}}
                hiring: {salesReps: 6, playbookBased: true}
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: clinics
                sequence:
                  - step: Win independent clinics in Ontario
                    status: current
                    evidence: {summary: 40 clinics live with under 2 % monthly churn}
                    unlocks: {kind: segment, target: ↓hospital-outpatient}
                ---
                apiVersion: gtm/v2
                kind: SalesPlan
                id: sales-2027
                strategy: s
                segments: [clinics, ⤷hospital-outpatient]
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                sequence:
                  - step: Close twenty deals with the founders
                    status: current
                    evidence: {summary: Twenty deals closed from one talk track}
                    unlocks: {kind: hiring, target: ↓account executives}
                hiring: ⤷{salesReps: 4}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                distribution:
                  channels:
                    - {id: resellers, name: Value-added resellers, kind: partner, stage: ⤷active}
                sequence:
                  - {step: Make direct sales repeatable, status: next, evidence: {summary: Three sellers at quota}, unlocks: {kind: channel, target: ↓resellers}}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                motion: {primary: ⤷inside-sales}
                sequence:
                  - {step: Prove founder-led deals close in 30 days, status: current, evidence: {summary: Median cycle under 30 days}, unlocks: {kind: motion, target: ↓inside-sales}}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        var findings: [Finding] = []
        for step in strategy[.sequence].items where step.isMapping {
            guard let status = step[.sequenceStatus].string, status != "done" else { continue }
            let targetRef = step[.sequenceUnlocksTarget]
            guard let kind = step[.sequenceUnlocksKind].string, let target = targetRef.string else { continue }
            let entered: [(NodeRef, String)]
            let what: String
            switch kind {
            case "segment":
                entered = enteredSegment(target, context)
                what = context.workspace.document(target, kind: .segment).map(RuleContext.label) ?? "the segment \"\(target)\""
            case "motion":
                entered = runningMotion(target, context)
                what = Wording.motion(target)
            case "channel":
                let channel = strategy[.channels].items.first { $0[.channelID].string == target || $0[.channelName].string == target }
                let stage = channel?[.channelStage]
                entered = stage?.string == "active" ? [(stage!, "the channel is already active here")] : []
                what = "the channel \"\(channel?[.channelName].string ?? target)\""
            case "hiring":
                // Sellers hired now were unlocked by an earlier step that is done: a later step
                // unlocks more of them (another region, another segment), not the first hires.
                let earlierUnlocked = strategy[.sequence].items.prefix { $0.pointer != step.pointer }.contains {
                    $0[.sequenceStatus].string == "done" && $0[.sequenceUnlocksKind].string == "hiring"
                        && ($0[.sequenceUnlocksTarget].string).map(Self.namesSellers) == true
                }
                entered = Self.namesSellers(target) && !earlierUnlocked ? sellersHired(context) : []
                what = "hiring \(target)"
            default:
                continue
            }
            guard !entered.isEmpty else { continue }
            // "Win the beachhead." is quoted as "Win the beachhead".
            let name = step[.sequenceStep].text.map { "the step \"\($0.hasSuffix(".") ? String($0.dropLast()) : $0)\"" } ?? "a step"
            let state = status == "current" ? "still under way" : "still to come"
            let evidence = step[.sequenceEvidence].text.map { " (\"\($0)\")" } ?? ""
            let who = Self.listed(entered.map(\.1).map(Self.clause))
            findings.append(context.finding(
                "\(name) is \(state) and unlocks \(what), but \(who): either hold back until the step's evidence is in\(evidence), or mark the step done if it already is",
                at: targetRef, related: entered))
        }
        return findings
    }

    /// The places that already target a segment: the beachhead, the plans that work or target
    /// it, the price plans made for it.
    func enteredSegment(_ id: String, _ context: RuleContext) -> [(NodeRef, String)] {
        var places: [(NodeRef, String)] = []
        for reference in context.workspace.references where reference.kind == .segment && reference.id == id {
            switch reference.role {
            case .beachhead: places.append((reference.place, "the strategy already enters it as its beachhead here"))
            case .planSegment: places.append((reference.place, "\(reference.place.document.displayName) already works it here"))
            case .planTarget: places.append((reference.place, "\(reference.place.document.displayName) already targets it here"))
            case .nextSegment, .excludedSegment, .planStrategy: break
            }
        }
        for plan in context.strategy?[.pricingPlans].items ?? [] where plan[.pricingPlanSegment].string == id {
            places.append((plan[.pricingPlanSegment], "\(RuleContext.label(plan: plan)) is already priced for it here"))
        }
        return places
    }

    /// The places that already run a motion: the primary and secondary motions, the sales
    /// plans, the price plans and the beachhead segments that name it.
    func runningMotion(_ motion: String, _ context: RuleContext) -> [(NodeRef, String)] {
        guard let strategy = context.strategy else { return [] }
        var places: [(NodeRef, String)] = []
        let primary = strategy[.motionPrimary]
        if primary.string == motion { places.append((primary, "the strategy already runs it as its primary motion here")) }
        for item in strategy[.motionSecondary].items where item.string == motion {
            places.append((item, "the strategy already runs it beside the primary motion here"))
        }
        for plan in context.workspace.documents(of: .salesPlan) where plan[.salesPlanMotion].string == motion {
            places.append((plan[.salesPlanMotion], "\(plan.displayName) already runs it here"))
        }
        for plan in strategy[.pricingPlans].items where plan[.pricingPlanMotion].string == motion {
            places.append((plan[.pricingPlanMotion], "\(RuleContext.label(plan: plan)) is already sold by it here"))
        }
        for (_, segment) in context.beachheadSegments() {
            guard let segment, segment[.segmentMotion].string == motion else { continue }
            places.append((segment[.segmentMotion], "\(RuleContext.label(segment)) is already won by it here"))
        }
        return places
    }

    /// The places that already hire sellers: the strategy's hiring and each sales plan's.
    func sellersHired(_ context: RuleContext) -> [(NodeRef, String)] {
        var places: [(NodeRef, String)] = []
        let learning = context.number("max-learning-reps")
        if let strategy = context.strategy, let reps = strategy[.hiringSalesReps].number,
           reps > learning || (reps > 0 && strategy[.hiringPlaybookBased].bool == true) {
            places.append((strategy[.hiring], "the strategy already hires \(Wording.number(reps)) \(reps == 1 ? "seller" : "sellers") here"))
        }
        for plan in context.workspace.documents(of: .salesPlan) {
            if let reps = plan[.salesPlanHiringReps].number, reps > learning {
                places.append((plan[.salesPlanHiring], "\(plan.displayName) already hires \(Wording.number(reps)) \(reps == 1 ? "seller" : "sellers") here"))
            }
        }
        return places
    }

    /// Whether an unlocked role is sellers: the hiring the strategy and the sales plans state.
    static func namesSellers(_ role: String) -> Bool {
        let lower = role.lowercased()
        if lower.contains("account executive") { return true }
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: ["sales", "seller", "sellers", "rep", "reps", "ae", "aes", "sdr", "sdrs", "bdr", "bdrs", "closer", "closers", "salespeople", "salesperson"])
    }

    /// A related note as a clause of the message: "SalesPlan "p" already works it".
    static func clause(_ note: String) -> String {
        note.hasSuffix(" here") ? String(note.dropLast(5)) : note
    }

    static func listed(_ clauses: [String]) -> String {
        var unique: [String] = []
        for c in clauses where !unique.contains(c) { unique.append(c) }
        guard unique.count > 1 else { return unique.first ?? "" }
        return unique.dropLast().joined(separator: ", ") + " and " + unique.last!
    }
}
