import GTMCore
import GTMHistory
import GTMModel

/// `gtm review` output, in every format a pull request needs.
public enum ReviewRenderer {
    public static func text(_ r: Review) -> String {
        var out = "Strategy review \(r.base.id.short)..\(r.head.id.short)\n\n"
        out += "Changes in meaning (\(r.changes.count)):\n"
        out += r.changes.isEmpty ? "  none\n" : DiffRenderer.text(r.changes).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        for (title, findings) in [("Findings this change introduces", r.introduced), ("Findings of the rules about changes", r.diffFindings), ("Changes to what judges this change", r.settingsFindings), ("Findings this change fixes", r.fixed), ("Findings that no longer apply: the change removed or replaced what they judged", r.noLongerApplies)] {
            out += "\n\(title) (\(findings.count)):\n"
            for f in findings { out += "  \(SafeText.line(f.location.description)): \(f.severity.rawValue): \(SafeText.line(f.message)) [\(f.rule)]\n" }
        }
        return out
    }

    public static func markdown(_ r: Review) -> String {
        let verdict = r.failsReview ? "❌ This change makes the strategy worse." : (r.introduced.isEmpty && r.diffFindings.isEmpty && r.settingsFindings.isEmpty ? "✅ No new findings." : "⚠️ This change brings warnings.")
        var out = "## gtm strategy review\n\n\(verdict) `\(r.base.id.short)..\(r.head.id.short)`: "
        out += "\(r.changes.count) change\(r.changes.count == 1 ? "" : "s") in meaning, \(r.introduced.count) new finding\(r.introduced.count == 1 ? "" : "s"), \(r.fixed.count) fixed, \(r.noLongerApplies.count) no longer applying, \(r.diffFindings.count) from the rules about changes.\n"
        let headlines = r.changes.compactMap(ChangeText.headline)
        if !headlines.isEmpty {
            out += "\n**What changed:**\n\n" + headlines.map { "- " + ChangeText.markdownCell($0) + "\n" }.joined()
        }
        out += onePageChanges(r)
        for (title, findings) in [("Rules about this change", r.diffFindings), ("Changes to what judges this change", r.settingsFindings), ("New findings", r.introduced), ("Fixed findings", r.fixed), ("No longer applies (what they judged was removed or replaced, not fixed)", r.noLongerApplies)] where !findings.isEmpty {
            out += "\n### \(title)\n\n| severity | rule | where | finding |\n|---|---|---|---|\n"
            for f in findings {
                out += "| \(f.severity.rawValue) | \(f.rule) | \(SafeText.code(f.location.description)) | \(ChangeText.markdownCell(f.message)) |\n"
            }
        }
        if !r.changes.isEmpty {
            out += "\n<details><summary>Changes in meaning (\(r.changes.count))</summary>\n\n| change | document | where | old | new |\n|---|---|---|---|---|\n"
            for c in r.changes { out += ChangeText.markdownRow(c) }
            out += "\n</details>\n"
        }
        return out
    }

    /// The parts of the one-page strategy (seed 003) the change touches, each before and after
    /// in the words of `gtm report`.
    static func onePageChanges(_ r: Review) -> String {
        let before = PageReading(workspace: r.before), after = PageReading(workspace: r.after)
        func words(_ entries: [StrategyPage.Entry]) -> String {
            entries.isEmpty ? "_not answered_" : entries.map { SafeText.markdown($0.label) + ": " + SafeText.markdown($0.text) }.joined(separator: "<br>")
        }
        var rows = ""
        for part in PartID.allCases {
            let old = before.entries(part), new = after.entries(part)
            guard old.map({ $0.label + "\u{0}" + $0.text }) != new.map({ $0.label + "\u{0}" + $0.text }) else { continue }
            rows += "| \(part.title) | \(words(old)) | \(words(new)) |\n"
        }
        guard !rows.isEmpty else { return "" }
        return "\n### The one-page strategy, before and after\n\n| part | before | after |\n|---|---|---|\n" + rows
    }

    public static func json(_ r: Review) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.field("base", r.base.id.hex)
        w.field("head", r.head.id.hex)
        w.key("changes")
        w.beginArray()
        for c in r.changes { ChangeText.json(c, into: &w) }
        w.endArray()
        for (key, findings) in [("introduced", r.introduced), ("fixed", r.fixed), ("no_longer_applies", r.noLongerApplies), ("diff_findings", r.diffFindings), ("settings_findings", r.settingsFindings)] {
            w.key(key)
            w.beginArray()
            for f in findings { JSONReporter.write(f, into: &w) }
            w.endArray()
        }
        w.field("fails", r.failsReview)
        w.endObject()
        return w.output + "\n"
    }

    /// Inline annotations: the findings the change brings.
    public static func github(_ r: Review, fromRoot: @escaping @Sendable (String) -> String = { $0 }) -> String {
        GitHubReporter(fromRoot: fromRoot).render(Report(findings: r.introduced + r.diffFindings + r.settingsFindings, files: []))
    }

    public static func sarif(_ r: Review, rules: [RuleMetadata], version: String, fromRoot: @escaping @Sendable (String) -> String = { $0 }) -> String {
        SARIFReporter(rules: rules, toolVersion: version, fromRoot: fromRoot).render(Report(findings: r.introduced + r.diffFindings + r.settingsFindings, files: []))
    }
}
