import GTMCore
import GTMGit
import GTMLint
import GTMModel

/// A finding with a life: the commit that introduced it and the one that fixed it.
public struct GTMBug: Sendable {
    public var finding: Finding
    public var introduced: CommitInfo
    /// The commit the finding went away in.
    public var fixed: CommitInfo?
    /// Fixed, or gone because the change removed or replaced what it judged.
    public var resolution: Resolution?

    /// Days from introduction to the fix, or to `now` while open.
    public func ageDays(now: Int) -> Int {
        ((fixed?.committer.time ?? now) - introduced.committer.time) / 86400
    }
}

public struct BugReport: Sendable {
    /// Open bugs, oldest first, then fixed ones, most recently fixed first.
    public var bugs: [GTMBug]
    public var stoppedAtShallowBoundary: Bool
    public var now: Int

    public var open: [GTMBug] { bugs.filter { $0.fixed == nil } }
    public var fixed: [GTMBug] { bugs.filter { $0.fixed != nil && $0.resolution != .noLongerApplies } }
    /// Findings that went away because what they judged was removed or replaced: not counted
    /// as fixes, nor in the median time to fix.
    public var noLongerApplies: [GTMBug] { bugs.filter { $0.resolution == .noLongerApplies } }

    /// Median days to fix, over the fixed bugs.
    public var medianDaysToFix: Double? {
        let days = fixed.map { Double($0.ageDays(now: now)) }.sorted()
        guard !days.isEmpty else { return nil }
        let mid = days.count / 2
        return days.count % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2
    }
}

/// Replays the linter over the commits that touched the strategy, oldest first, and follows
/// each finding by identity (rule, document id, JSON Pointer) from birth to fix.
public enum BugTracker {
    /// `observe` sees each replayed commit, oldest first, with what its check found: a caller
    /// that needs the strategy at every commit (the report's ICP chart) rides the same walk.
    public static func run(_ reader: HistoryReader, from start: ObjectID, until base: ObjectID?, now: Int,
                           observe: ((CommitInfo, LintResult) throws -> Void)? = nil) throws -> BugReport {
        var commits: [CommitInfo] = []
        // The commits' files are linted on the other cores while the walk goes on (from the
        // root when there is no base: with one, the commits before it are not judged).
        // A commit's message and author are read only for the commits a bug names (below),
        // unless `observe` sees every commit.
        let shallow = try reader.changes(from: start, firstParent: true, details: observe != nil) { commit, _ in
            commits.append(commit)
            if base == nil { try reader.stageState(commit) }
            return true
        }
        try reader.finishStagedStates()
        var sequence = Array(commits.reversed())
        if let base {
            // Start from the base as it was: what it already had is dated to it, not later.
            let baseCommit = try reader.repository.commit(base)
            let cut = sequence.firstIndex { $0.id == base }.map { $0 + 1 }
                ?? sequence.firstIndex { $0.committer.time > baseCommit.committer.time } ?? sequence.count
            sequence = [baseCommit] + sequence[cut...]
        }
        // Without a base, the walk staged every commit's files already.
        if base != nil { try reader.prepareStates(sequence) }
        // When each file last changed, as of each commit: the dates it is judged with.
        var lastBlob: [String: ObjectID] = [:]
        var lastChanged: [String: CalendarDate] = [:]
        var jobs: [(commit: CommitInfo, lastChanged: [String: CalendarDate])] = []
        for commit in sequence {
            let date = CalendarDate(unixTime: commit.committer.time)
            for (path, blob) in try reader.blobs(commit) where lastBlob[path] != blob {
                lastBlob[path] = blob
                lastChanged[path] = date
            }
            jobs.append((commit, lastChanged))
        }
        try reader.prepareJudgements(jobs)
        var open: [FindingIdentity: [GTMBug]] = [:]
        var closed: [GTMBug] = []
        // The step (index in `jobs`) each closed bug was fixed at: why it went away is worked
        // out below, on every core, from the semantic diff of that step.
        var fixedAt: [Int] = []
        var states: [LintResult] = []
        states.reserveCapacity(jobs.count)
        for (step, (commit, lastChanged)) in jobs.enumerated() {
            let state = try reader.state(commit, lastChanged: lastChanged)
            try observe?(commit, state)
            var current: [FindingIdentity: [Finding]] = [:]
            for f in state.findings { current[f.identity, default: []].append(f) }
            // Fixed: open bugs whose identity occurs fewer times now.
            for (identity, bugs) in open {
                let still = current[identity]?.count ?? 0
                if still < bugs.count {
                    var remaining = bugs
                    for _ in 0..<(bugs.count - still) {
                        var bug = remaining.removeLast()
                        bug.fixed = commit
                        closed.append(bug)
                        fixedAt.append(step)
                    }
                    open[identity] = remaining.isEmpty ? nil : remaining
                }
            }
            // Introduced: occurrences beyond those already open. Keep the newest text and place.
            for (identity, found) in current {
                var bugs = open[identity] ?? []
                for (i, f) in found.enumerated() {
                    if i < bugs.count { bugs[i].finding = f } else { bugs.append(GTMBug(finding: f, introduced: commit, fixed: nil)) }
                }
                open[identity] = bugs
            }
            states.append(state)
        }
        var byStep: [Int: [Int]] = [:]
        for (bug, step) in fixedAt.enumerated() { byStep[step, default: []].append(bug) }
        let judged = states, gone = closed
        let resolutions = concurrentMap(Array(byStep), from: 2) { step, bugs in
            let before = step > 0 ? judged[step - 1].workspace : Workspace(documents: [])
            let after = judged[step].workspace
            let changes = SemanticDiff.changes(from: before, to: after)
            return bugs.map { ($0, Resolution.of(gone[$0].finding, before: before, after: after, changes: changes)) }
        }
        for (bug, resolution) in resolutions.joined() { closed[bug].resolution = resolution }
        var named: [ObjectID: CommitInfo] = [:]
        func detailed(_ commit: CommitInfo) throws -> CommitInfo {
            if commit.hasDetails { return commit }
            if let known = named[commit.id] { return known }
            let read = try reader.repository.commit(commit.id)
            named[commit.id] = read
            return read
        }
        for i in closed.indices {
            closed[i].introduced = try detailed(closed[i].introduced)
            closed[i].fixed = try closed[i].fixed.map(detailed)
        }
        for (identity, bugs) in open {
            open[identity] = try bugs.map { bug in
                var bug = bug
                bug.introduced = try detailed(bug.introduced)
                return bug
            }
        }
        let stillOpen = ordered(open.values.flatMap { $0 }, time: \.introduced.committer.time, newestFirst: false)
        let fixed = ordered(closed, time: { $0.fixed!.committer.time }, newestFirst: true)
        return BugReport(bugs: stillOpen + fixed, stoppedAtShallowBoundary: shallow, now: now)
    }

    /// Bugs by a date, then in the findings' print order. Their places are sorted, not the
    /// bugs: a bug is a finding and two commits, and moving hundreds of them about cost a
    /// tenth of the run after the replay.
    static func ordered(_ bugs: [GTMBug], time: (GTMBug) -> Int, newestFirst: Bool) -> [GTMBug] {
        let times = bugs.map(time)
        let order = bugs.indices.sorted { i, j in
            if times[i] != times[j] { return newestFirst ? times[i] > times[j] : times[i] < times[j] }
            return newestFirst ? bugs[j].finding < bugs[i].finding : bugs[i].finding < bugs[j].finding
        }
        return order.map { bugs[$0] }
    }
}
