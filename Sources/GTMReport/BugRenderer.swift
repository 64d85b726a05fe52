import GTMCore
import GTMGit
import GTMHistory

/// `gtm bugs` output.
public enum BugRenderer {
    public static func text(_ r: BugReport) -> String {
        var out = ""
        for bug in r.open {
            let f = bug.finding
            out += "\(SafeText.leadingPath(f.location.description)): \(f.severity.rawValue): \(SafeText.line(f.message)) [\(f.rule)]\n"
            out += "    open for \(bug.ageDays(now: r.now)) days, since \(bug.introduced.id.short) \(ChangeText.date(bug.introduced.committer.time)) \(SafeText.line(bug.introduced.author.name)): \(SafeText.line(bug.introduced.summary))\n"
        }
        let median = r.medianDaysToFix.map { ", median time to fix \(format($0)) days" } ?? ""
        out += "\(r.open.count) open, \(r.fixed.count) fixed\(gone(r))\(median)\n"
        if r.stoppedAtShallowBoundary { out += LogRenderer.shallowNote + "\n" }
        return out
    }

    /// Findings that went away without a fix, said beside the fixes.
    static func gone(_ r: BugReport) -> String {
        r.noLongerApplies.isEmpty ? "" : ", \(r.noLongerApplies.count) no longer apply (what they judged was removed or replaced)"
    }

    static func format(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

    public static func json(_ r: BugReport) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.key("bugs")
        w.beginArray()
        for bug in r.bugs {
            let f = bug.finding
            w.beginObject()
            w.field("rule", f.rule)
            w.field("severity", f.severity.rawValue)
            w.field("document", f.documentID)
            w.field("path", f.location.path)
            w.field("pointer", f.pointer?.description)
            w.field("message", f.message)
            w.key("introduced")
            commit(bug.introduced, &w)
            w.key("fixed")
            if let fixed = bug.fixed { commit(fixed, &w) } else { w.null() }
            w.field("resolution", bug.resolution?.rawValue)
            w.field("age_days", bug.ageDays(now: r.now))
            w.endObject()
        }
        w.endArray()
        w.key("summary")
        w.beginObject()
        w.field("open", r.open.count)
        w.field("fixed", r.fixed.count)
        w.field("no_longer_applies", r.noLongerApplies.count)
        w.key("median_days_to_fix")
        if let m = r.medianDaysToFix { w.raw(format(m)) } else { w.null() }
        w.endObject()
        w.endObject()
        return w.output + "\n"
    }

    static func commit(_ c: CommitInfo, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("commit", c.id.hex)
        w.field("date", ChangeText.date(c.committer.time))
        w.field("author", c.author.name)
        w.endObject()
    }

    public static func markdown(_ r: BugReport) -> String {
        var out = "## GTM bugs\n\n\(r.open.count) open, \(r.fixed.count) fixed\(gone(r))"
        out += r.medianDaysToFix.map { ", median time to fix \(format($0)) days" } ?? ""
        out += "\n\n| rule | where | finding | open since | age (days) |\n|---|---|---|---|---|\n"
        for bug in r.open {
            let f = bug.finding
            out += "| \(f.rule) | \(SafeText.code(f.location.description)) | \(ChangeText.markdownCell(f.message)) | `\(bug.introduced.id.short)` \(ChangeText.date(bug.introduced.committer.time)) | \(bug.ageDays(now: r.now)) |\n"
        }
        return out
    }
}
