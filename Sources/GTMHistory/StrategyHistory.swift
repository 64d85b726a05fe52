import GTMCore
import GTMGit
import GTMLint
import GTMModel

/// The charted values of the ICP at one commit: the beachhead's size and employee range, and
/// the ACV the strategy prices it at.
public struct ICPValues: Sendable, Hashable {
    public var accounts: Double?
    public var employeesMin: Double?
    public var employeesMax: Double?
    public var acv: Double?
    public var currency: String

    /// The values of a workspace for one segment (nil when neither the segment nor an ACV is there).
    static func read(_ workspace: Workspace, segment id: String?) -> ICPValues? {
        let segment = id.flatMap { workspace.document($0, kind: .segment) }
        let acv = workspace.strategy?.acv
        let values = ICPValues(
            accounts: segment?[.accountsEstimated].number,
            employeesMin: segment?[.employeesMin].number,
            employeesMax: segment?[.employeesMax].number,
            acv: acv?.amount, currency: acv?.currency ?? "")
        return values.accounts == nil && values.employeesMin == nil && values.employeesMax == nil && values.acv == nil ? nil : values
    }
}

/// A commit that changed a charted value of the ICP, with the values before it.
public struct ICPPoint: Sendable {
    public var commit: CommitInfo
    public var values: ICPValues
    /// nil for the first commit that stated the ICP.
    public var previous: ICPValues?
}

/// One commit of the strategy and its changes in meaning.
public struct MeaningChange: Sendable {
    public var commit: CommitInfo
    public var changes: [SemanticChange]
}

/// What the report shows of the strategy's past: the ICP over time, the life of every finding,
/// and the last changes in meaning. Read in one replay of the commits that touched the strategy.
public struct StrategyHistory: Sendable {
    /// The segment followed: the first beachhead of the latest commit.
    public var segment: String?
    /// Oldest first: the first commit that stated the ICP, then each that changed a charted value.
    public var icp: [ICPPoint]
    public var bugs: BugReport
    /// Newest first.
    public var recent: [MeaningChange]
    /// How many commits changed the strategy.
    public var commits: Int
    public var firstTime: Int?
    public var head: CommitInfo

    public static func run(_ reader: HistoryReader, head: CommitInfo, now: Int, recentCount: Int = 8) throws -> StrategyHistory {
        let segment = try reader.workspace(head).strategy?[.beachhead].strings.first
        var points: [ICPPoint] = []
        var last: ICPValues?
        var window: [(CommitInfo, Workspace)] = []
        var count = 0
        var firstTime: Int?
        let bugs = try BugTracker.run(reader, from: head.id, until: nil, now: now) { commit, state in
            count += 1
            if firstTime == nil { firstTime = commit.committer.time }
            if let values = ICPValues.read(state.workspace, segment: segment), values != last {
                points.append(ICPPoint(commit: commit, values: values, previous: last))
                last = values
            }
            window.append((commit, state.workspace))
            if window.count > recentCount + 1 { window.removeFirst() }
        }
        var recent: [MeaningChange] = []
        for i in window.indices.reversed() {
            let before: Workspace? = i > 0 ? window[i - 1].1 : (window.count <= recentCount ? Workspace(documents: []) : nil)
            guard let before else { continue }
            let changes = SemanticDiff.changes(from: before, to: window[i].1)
            if !changes.isEmpty { recent.append(MeaningChange(commit: window[i].0, changes: changes)) }
        }
        return StrategyHistory(segment: segment, icp: points, bugs: bugs, recent: Array(recent.prefix(recentCount)),
                               commits: count, firstTime: firstTime, head: head)
    }
}
