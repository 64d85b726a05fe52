import GTMCore
import GTMModel

/// A function that commits to less than the strategy, or to more accounts than exist, is not
/// executing the strategy's model.
struct PlanTargetDisagreesRule: Rule {
    static let description = RuleDescription(
        id: "GTM310",
        name: "plan-target-disagrees",
        severity: .warning,
        summary: "A functional plan's target disagrees with the strategy: lower retention, slower time to value, or more accounts than its segments hold.",
        rationale: """
            Seed 004: functions execute inside the GTM model, they do not each set their own \
            bar. A plan that aims for a lower gross or net revenue retention than the strategy, \
            gives customers longer to first value than the strategy's onboarding, or targets \
            more accounts than its segments hold has quietly changed the model it executes. \
            Metrics are matched by name or label, in any case; retention is compared where the \
            units agree, times to value in days.
            """,
        seeds: ["004"],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                beachhead: clinics
                implementation: {onboardingDays: 14}
                metrics: [{name: grr, target: 90, unit: percent}]
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: clinics
                accounts: {estimated: 900}
                ---
                apiVersion: gtm/v2
                kind: SuccessPlan
                id: success-2027
                strategy: s
                onboardingDays: 10
                metrics:
                  - {name: GRR, target: 92, unit: percent}
                  - {name: time-to-value, target: 10, unit: days}
                ---
                apiVersion: gtm/v2
                kind: SalesPlan
                id: sales-2027
                strategy: s
                segments: [clinics]
                targets: [{segment: clinics, accounts: 400}]
                metrics: [{name: accounts-targeted, target: 400, unit: accounts}]
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                metrics:
                  - {name: grr, target: ⤷90, unit: percent}
                  - {name: nrr, target: 110, unit: percent}
                ---
                apiVersion: gtm/v2
                kind: SuccessPlan
                id: success-2027
                strategy: s
                metrics:
                  - {name: GRR, label: Gross revenue retention, target: ↓85, unit: percent}
                  - {name: nrr, target: 112, unit: percent}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                implementation: {onboardingDays: ⤷⤷14}
                ---
                apiVersion: gtm/v2
                kind: SuccessPlan
                id: success-2027
                strategy: s
                onboardingDays: ↓30
                metrics:
                  - {name: Time to value, target: ↓6, unit: weeks}
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: smb-accounting
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: smb-accounting
                name: Small accounting firms
                accounts: {estimated: ⤷⤷950}
                ---
                apiVersion: gtm/v2
                kind: MarketingPlan
                id: marketing-2027
                strategy: s
                segments: [smb-accounting]
                metrics: [{name: accounts-targeted, target: ↓2000, unit: accounts}]
                ---
                apiVersion: gtm/v2
                kind: SalesPlan
                id: sales-2027
                strategy: s
                targets: [{segment: smb-accounting, accounts: ↓1200}]
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        var findings: [Finding] = []
        let strategyMetrics = strategy[.metrics].items
        let onboarding = strategy[.onboardingDays]
        for plan in context.workspace.functionalPlans {
            let kind = plan.kind
            var commitments: [(name: String, label: String?, target: NodeRef, unit: String?)] = plan[.planMetrics(kind)].items.compactMap { metric in
                guard let name = metric[.planMetricName(kind)].string else { return nil }
                return (name, metric[.planMetricLabel(kind)].string, metric[.planMetricTarget(kind)], metric[.planMetricUnit(kind)].string)
            }
            if kind == .successPlan {
                commitments += plan[.successRetentionTargets].items.compactMap { goal in
                    goal[.retentionTargetMetric].string.map { ($0, nil, goal[.retentionTargetValue], nil) }
                }
            }
            for commitment in commitments {
                guard let value = commitment.target.number else { continue }
                let key = Self.normalised(commitment.name)
                // Retention: a plan may aim higher than the strategy, never lower.
                if Self.retention.contains(Self.alias(key)) {
                    guard let theirs = strategyMetrics.first(where: { Self.matches($0, key, commitment.label) }),
                          let bar = theirs[.metricTarget].number, value < bar,
                          Self.sameUnit(commitment.unit, theirs[.metricUnit].string) else { continue }
                    let unit = Self.unitSuffix(commitment.unit ?? theirs[.metricUnit].string)
                    let what = Self.words(Self.alias(key))
                    findings.append(context.finding(
                        "\(plan.displayName) aims for \(Wording.withArticle(what)) of \(Wording.number(value, beside: bar))\(unit), below the \(Wording.number(bar))\(unit) the strategy commits to: either raise the plan's target to the strategy's, or change the strategy's target if the plan knows better",
                        at: commitment.target, related: [(theirs[.metricTarget], "the strategy's \(what) target is \(Wording.number(bar))\(unit) here")]))
                }
                // Time to value: no slower than the onboarding the strategy promises.
                if Self.timeToValue.contains(key), let promised = onboarding.number, let days = Self.days(value, commitment.unit), days > promised {
                    findings.append(slower(plan, days: days, written: Self.written(value, commitment.unit), at: commitment.target, promised: promised, onboarding, context))
                }
                // Accounts: no more than the segments hold.
                if (kind == .salesPlan || kind == .marketingPlan), Self.isAccountsTargeted(key), Self.unitIsAccounts(commitment.unit),
                   let finding = tooMany(plan, value, at: commitment.target, segments: segments(of: plan, context), context) {
                    findings.append(finding)
                }
            }
            if kind == .successPlan, let promised = onboarding.number {
                let own = plan[.successOnboardingDays]
                if let days = own.number, days > promised {
                    findings.append(slower(plan, days: days, written: "\(Wording.number(days)) days", at: own, promised: promised, onboarding, context))
                }
            }
            if kind == .salesPlan {
                for target in plan[.salesTargets].items {
                    let count = target[.salesTargetAccounts]
                    guard let id = target[.salesTargetSegment].string, let segment = context.workspace.document(id, kind: .segment),
                          let n = count.number, let finding = tooMany(plan, n, at: count, segments: [segment], context) else { continue }
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    func slower(_ plan: GTMDocument, days: Double, written: String, at place: NodeRef, promised: Double, _ onboarding: NodeRef, _ context: RuleContext) -> Finding {
        context.finding(
            "\(plan.displayName) gives customers \(written) to first value, slower than the \(Wording.number(promised)) days of onboarding the strategy promises: either bring the plan's target down to \(Wording.number(promised)) days, or change the onboarding the strategy promises",
            at: place, related: [(onboarding, "the strategy promises onboarding in \(Wording.number(promised)) days here")])
    }

    func tooMany(_ plan: GTMDocument, _ value: Double, at place: NodeRef, segments: [GTMDocument], _ context: RuleContext) -> Finding? {
        guard !segments.isEmpty else { return nil }
        let estimates = segments.map { $0[.accountsEstimated] }
        let counts = estimates.compactMap(\.number)
        guard counts.count == estimates.count else { return nil }
        let total = counts.reduce(0, +)
        guard value > total else { return nil }
        let names = segments.map(RuleContext.quotedName)
        let whose = segments.count == 1 ? "the segment \(names[0]) holds" : "its segments \(names.joined(separator: ", ")) hold"
        return context.finding(
            "\(plan.displayName) targets \(Wording.number(value, beside: total)) accounts, but \(whose) about \(Wording.number(total)): either cut the target to the accounts that fit, or re-estimate the segment and widen it on purpose",
            at: place,
            related: zip(segments, estimates).map { ($1, "\(RuleContext.label($0)) is estimated at \(Wording.number($1.number ?? 0)) accounts here") })
    }

    /// The segments a plan works: its own list, else the beachhead.
    func segments(of plan: GTMDocument, _ context: RuleContext) -> [GTMDocument] {
        let own = context.workspace.references(in: plan, .planSegment).compactMap { context.workspace.document($0.id, kind: .segment) }
        return own.isEmpty ? context.beachheadSegments().compactMap(\.segment) : own
    }

    static let retention: Set = ["grr", "nrr", "retention"]
    static let timeToValue: Set = ["time-to-value", "time-to-first-value", "ttv", "days-to-value", "onboarding", "onboarding-days", "onboarding-time", "time-to-onboard"]

    /// `Time to value`, `time_to_value` and `TIME-TO-VALUE` are one name.
    static func normalised(_ name: String) -> String {
        name.lowercased().split { $0 == " " || $0 == "_" || $0 == "-" }.joined(separator: "-")
    }

    static func alias(_ key: String) -> String {
        switch key {
        case "gross-revenue-retention", "gross-retention", "gross-dollar-retention", "gdr": "grr"
        case "net-revenue-retention", "net-retention", "net-dollar-retention", "ndr": "nrr"
        default: key
        }
    }

    static func matches(_ metric: NodeRef, _ key: String, _ label: String?) -> Bool {
        let names = [metric[.metricName].string, metric[.metricLabel].string].compactMap { $0 }.map { alias(normalised($0)) }
        return names.contains(alias(key)) || (label.map { names.contains(alias(normalised($0))) } ?? false)
    }

    static func words(_ key: String) -> String {
        switch key {
        case "grr": "gross revenue retention"
        case "nrr": "net revenue retention"
        default: "retention"
        }
    }

    static func sameUnit(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return unitKey(a) == unitKey(b)
    }

    static func unitKey(_ unit: String) -> String {
        let u = unit.lowercased().trimmingCharacters(in: " \t")
        return u == "%" || u == "pct" || u == "percentage" ? "percent" : u
    }

    static func unitSuffix(_ unit: String?) -> String {
        guard let unit else { return "" }
        return unitKey(unit) == "percent" ? " %" : " " + unit
    }

    /// A time in days, from a target in days (the default), weeks or hours; nil in any other unit.
    static func days(_ value: Double, _ unit: String?) -> Double? {
        switch unit.map(unitKey) {
        case nil, "days"?, "day"?, "d"?: value
        case "weeks"?, "week"?: value * 7
        case "hours"?, "hour"?, "h"?: value / 24
        default: nil
        }
    }

    static func written(_ value: Double, _ unit: String?) -> String {
        let unit = unit ?? "days"
        return "\(Wording.number(value)) \(unit)" + (unit.lowercased().hasPrefix("day") ? "" : " (\(Wording.number(days(value, unit) ?? value)) days)")
    }

    static func isAccountsTargeted(_ key: String) -> Bool {
        let words = Set(key.split(separator: "-").map(String.init))
        return words.contains("accounts") && !words.isDisjoint(with: targetWords)
    }

    static let targetWords: Set = ["targeted", "target", "targets", "worked", "list"]
    static let accountUnits: Set = ["accounts", "account", "companies"]

    static func unitIsAccounts(_ unit: String?) -> Bool {
        guard let unit else { return true }
        return accountUnits.contains(unitKey(unit))
    }
}
