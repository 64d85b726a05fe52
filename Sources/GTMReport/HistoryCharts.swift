import GTMCore
import GTMGit
import GTMHistory

/// The two charts of the report's history, with the rows of the tables beside them: the same
/// data drawn for the eye and listed for a screen reader, a Markdown page and a printout.
enum HistoryCharts {
    /// How many of the latest ICP changes are numbered on the chart and listed in its table.
    static let labelledChanges = 12
    /// How many periods the findings table lists, the latest.
    static let listedPeriods = 26

    struct ICPRow {
        var number: Int
        var date: String
        var commit: String
        var subject: String
        var change: String
        var accounts: String
        var employees: String
        var acv: String
    }

    struct ICP {
        var chart: TimeChart
        /// The latest changes, newest first.
        var rows: [ICPRow]
        /// Changes older than the ones listed.
        var earlier: Int
    }

    static func span(_ h: StrategyHistory) -> (Int, Int) {
        let start = h.firstTime ?? h.head.committer.time
        return (start, max(h.head.committer.time, start + 86400))
    }

    static func icp(_ h: StrategyHistory) -> ICP? {
        guard !h.icp.isEmpty else { return nil }
        let (start, end) = span(h)
        let points = h.icp
        var panels: [TimeChart.Panel] = []
        let accounts = points.compactMap { p in p.values.accounts.map { (p.commit.committer.time, $0) } }
        if !accounts.isEmpty {
            panels.append(.init(title: "Estimated accounts on the first target list", series: [.init(name: "accounts", style: .solid, points: accounts)]))
        }
        let employees = points.compactMap { p -> (time: Int, low: Double, high: Double)? in
            guard p.values.employeesMin != nil || p.values.employeesMax != nil else { return nil }
            let low = p.values.employeesMin ?? 0
            return (p.commit.committer.time, low, p.values.employeesMax ?? low)
        }
        if !employees.isEmpty {
            panels.append(.init(title: "Company size, in employees", band: .init(name: "from the smallest to the largest", points: employees)))
        }
        let acv = points.compactMap { p in p.values.acv.map { (p.commit.committer.time, $0) } }
        if !acv.isEmpty {
            let currency = points.last?.values.currency ?? ""
            panels.append(.init(title: "ACV" + (currency.isEmpty ? "" : ", in \(currency)"), series: [.init(name: "ACV", style: .dashed, points: acv)]))
        }
        let labelled = Array(points.suffix(labelledChanges))
        let first = points.count - labelled.count
        let rows = labelled.enumerated().map { i, p in
            ICPRow(number: i + 1, date: ChangeText.date(p.commit.committer.time), commit: p.commit.id.short, subject: p.commit.summary,
                   change: describe(p), accounts: p.values.accounts.map(PageText.number) ?? "—",
                   employees: PageText.range(p.values.employeesMin, p.values.employeesMax, unit: "") .map { String($0.dropLast()) } ?? "—",
                   acv: p.values.acv.map { PageText.money($0, p.values.currency) } ?? "—")
        }
        let segment = h.segment.map { "the beachhead segment \($0)" } ?? "the beachhead"
        let last = points.last!.values
        var summary = "How \(segment) changed over \(points.count) commit\(points.count == 1 ? "" : "s") from \(ChangeText.date(start)) to \(ChangeText.date(end))."
        if let a = last.accounts { summary += " It now holds about \(PageText.number(a)) accounts." }
        if let r = PageText.range(last.employeesMin, last.employeesMax, unit: "employees") { summary += " Companies of \(r)." }
        if let v = last.acv { summary += " ACV \(PageText.money(v, last.currency))." }
        summary += " The numbered lines mark the latest changes, listed in the table beside the chart."
        let chart = TimeChart(id: "icp-chart", title: "The ICP over time", summary: summary, start: start, end: end, panels: panels,
                              marks: labelled.enumerated().map { .init(time: $1.commit.committer.time, label: String($0 + 1)) })
        return ICP(chart: chart, rows: rows.reversed(), earlier: first)
    }

    /// `estimated accounts 850 → 4,000 (broadened); ACV 2,400 → 3,000 USD`
    static func describe(_ p: ICPPoint) -> String {
        guard let old = p.previous else { return "first stated" }
        let new = p.values
        var parts: [String] = []
        if old.accounts != new.accounts {
            let word = switch (old.accounts, new.accounts) {
            case let (o?, n?): n > o ? " (broadened)" : " (narrowed)"
            default: ""
            }
            parts.append("estimated accounts \(old.accounts.map(PageText.number) ?? "none") → \(new.accounts.map(PageText.number) ?? "none")\(word)")
        }
        if old.employeesMin != new.employeesMin || old.employeesMax != new.employeesMax {
            let wider = (new.employeesMin ?? 0) <= (old.employeesMin ?? 0) && (new.employeesMax ?? .infinity) >= (old.employeesMax ?? .infinity)
            let narrower = (new.employeesMin ?? 0) >= (old.employeesMin ?? 0) && (new.employeesMax ?? .infinity) <= (old.employeesMax ?? .infinity)
            let word = wider ? " (broadened)" : narrower ? " (narrowed)" : " (re-targeted)"
            parts.append("employees \(PageText.range(old.employeesMin, old.employeesMax, unit: "").map { String($0.dropLast()) } ?? "any") → \(PageText.range(new.employeesMin, new.employeesMax, unit: "").map { String($0.dropLast()) } ?? "any")\(word)")
        }
        if old.acv != new.acv || old.currency != new.currency {
            parts.append("ACV \(old.acv.map { PageText.money($0, old.currency) } ?? "none") → \(new.acv.map { PageText.money($0, new.currency) } ?? "none")")
        }
        return parts.joined(separator: "; ")
    }

    struct Period {
        var start: Int
        var open: Int
        var medianAge: Double?
    }

    struct Bugs {
        var chart: TimeChart
        var periods: [Period]
        var days: Int
    }

    static func bugs(_ h: StrategyHistory) -> Bugs {
        let (start, end) = span(h)
        let week = 7 * 86400
        let weeks = (end - start + week - 1) / week
        let period = week * max(1, (weeks + 103) / 104)
        var periods: [Period] = []
        var t = start
        let bugs = h.bugs.bugs
        while t < end {
            let sample = min(t + period, end)
            let ages = bugs.filter { $0.introduced.committer.time <= sample && ($0.fixed.map { $0.committer.time > sample } ?? true) }
                .map { Double((sample - $0.introduced.committer.time) / 86400) }.sorted()
            let median: Double? = ages.isEmpty ? nil : ages.count % 2 == 1 ? ages[ages.count / 2] : (ages[ages.count / 2 - 1] + ages[ages.count / 2]) / 2
            periods.append(Period(start: t, open: ages.count, medianAge: median))
            t += period
        }
        let days = period / 86400
        let name = days == 7 ? "week" : "\(days) days"
        var summary = "Open findings at the end of each \(name) from \(ChangeText.date(start)) to \(ChangeText.date(end)), and the median age of those open, in days."
        summary += " \(h.bugs.open.count) open now, \(h.bugs.fixed.count) fixed"
        summary += h.bugs.medianDaysToFix.map { ", median time to fix \(PageText.number($0)) days." } ?? "."
        let chart = TimeChart(id: "bugs-chart", title: "GTM bugs over time", summary: summary, start: start, end: end, panels: [
            .init(title: "Open findings at the end of each \(name)", series: [.init(name: "open findings", style: .bars, points: periods.map { ($0.start, Double($0.open)) })], barWidth: period),
            .init(title: "Median age of the open findings, in days", series: [.init(name: "median age", style: .solid, points: periods.map { ($0.start, $0.medianAge ?? 0) })]),
        ])
        return Bugs(chart: chart, periods: periods, days: days)
    }
}
