import GTMCore
import GTMModel

/// A living document is reviewed on its cadence.
struct ReviewOverdueRule: Rule {
    static let description = RuleDescription(
        id: "GTM401",
        name: "review-overdue",
        severity: .warning,
        summary: "The strategy has not been reviewed within its cadence.",
        rationale: """
            Seed 001: the strategy is a living document, reviewed at least yearly and quarterly \
            when growing fast. The review date counts, and so does the last commit that touched \
            the file when gtm reads history.
            """,
        seeds: ["001"],
        settings: [
            RuleSetting("monthly-days", .number(31), "Days a monthly review stays fresh."),
            RuleSetting("quarterly-days", .number(92), "Days a quarterly review stays fresh."),
            RuleSetting("yearly-days", .number(366), "Days a yearly review stays fresh."),
        ],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nreview: {cadence: quarterly, reviewed: 2026-09-01}\n", today: "2026-11-01"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nreview: {cadence: yearly, reviewed: ↓2026-02-30}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nreview: {cadence: quarterly, reviewed: ↓2026-01-10}\n", today: "2026-11-01"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nreview: {reviewed: ↓2025-06-01}\n", today: "2026-11-01"),
            RuleExample("↓apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let review = strategy[.review]
        let cadence = strategy[.reviewCadence].string ?? "yearly"
        let allowed = whole(context.number("\(cadence)-days"))
        let reviewed = strategy[.reviewed]
        let reviewedDate = reviewed.text.flatMap(CalendarDate.init(iso:))
        // A date in the right shape that no calendar has (2026-02-30): say so, not "no date".
        if reviewedDate == nil, let text = reviewed.text, text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil {
            return [context.finding("the review date \(text) is not a day on the calendar; record the day the strategy was last reviewed", at: reviewed)]
        }
        if let reviewedDate, context.today - reviewedDate <= allowed { return [] }
        // The review date is old or missing: a recent commit to the strategy counts too.
        let committed = context.lastChange(of: strategy.path, notBefore: CalendarDate(day: context.today.day - allowed))
        guard let latest = [reviewedDate, committed].compactMap({ $0 }).max() else {
            return [context.finding("the strategy has no review date; record when it was last reviewed (review.reviewed)", at: review)]
        }
        let age = context.today - latest
        guard age > allowed else { return [] }
        var message = "last reviewed \(latest), \(age) days ago; a \(cadence) review is due every \(allowed) days"
        if let committed, committed == latest { message = "last changed in a commit on \(committed), \(age) days ago; a \(cadence) review is due every \(allowed) days" }
        return [context.finding(message, at: reviewed)]
    }
}
