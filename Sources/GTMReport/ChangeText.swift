import GTMCore
import GTMHistory
import GTMModel
import JSONSchema
import YAMLSource

/// Renderings of semantic changes shared by `gtm diff`, `gtm log` and `gtm review`.
enum ChangeText {
    static func symbol(_ kind: SemanticChange.Kind) -> String {
        switch kind {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        case .moved: "→"
        }
    }

    /// `~ /accounts/estimated: 800 → 4000 [icp-broadened]`
    static func line(_ c: SemanticChange) -> String {
        if let summary = c.summary { return "≈ " + SafeText.line(summary) }
        let tag = c.classification.map { " [\($0.rawValue)]" } ?? ""
        let pointer = SafeText.line(Wording.field(c.pointer))
        let old = SafeText.line(ValueText.describe(c.old)), new = SafeText.line(ValueText.describe(c.new))
        switch c.kind {
        case .moved: return "→ moved from \(SafeText.line(c.oldPath ?? "?")) to \(SafeText.line(c.path))\(tag)"
        case .added: return "+ \(pointer): \(new)\(tag)"
        case .removed: return "- \(pointer): \(old)\(tag)"
        case .changed: return "~ \(pointer): \(old) → \(new)\(tag)"
        }
    }

    /// `{"kind","document","path","pointer","old","new","classification"}`
    static func json(_ c: SemanticChange, into w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", c.kind.rawValue)
        w.field("document", c.document)
        w.field("documentKind", c.documentKind.rawValue)
        w.field("path", c.path)
        if let old = c.oldPath { w.field("oldPath", old) }
        w.field("pointer", c.pointer.description)
        w.key("old")
        w.raw(c.old.map { $0.jsonValue.jsonText } ?? "null")
        w.key("new")
        w.raw(c.new.map { $0.jsonValue.jsonText } ?? "null")
        w.field("classification", c.classification?.rawValue)
        if let summary = c.summary {
            w.field("summary", summary)
            w.field("towardLarger", c.towardLarger)
            w.key("details")
            w.beginArray()
            for d in c.details { json(d, into: &w) }
            w.endArray()
        }
        w.endObject()
    }

    /// A change of meaning in words, for the top of a review; nil for an edit that is only a
    /// detail.
    static func headline(_ c: SemanticChange) -> String? {
        if let summary = c.summary {
            var text = TextBytes()
            appendSubject(c, to: &text)
            text.append(summary)
            return text.string
        }
        let old = ValueText.describe(c.old), new = ValueText.describe(c.new)
        func went(_ what: String) -> String {
            switch c.kind {
            case .added: "\(what) is now \(new)"
            case .removed: "\(what) (\(old)) is removed"
            default: "\(what) went from \(old) to \(new)"
            }
        }
        switch c.classification {
        case .priceChanged?: return went(c.priceSubject)
        case .motionChanged?: return went("the motion")
        case .stageMoved?: return went("the stage")
        case .icpRetargeted? where c.documentKind == .strategy: return went("the beachhead")
        case .exclusionDropped?: return "the exclusion \(old) is dropped"
        case .exclusionAdded?: return "the strategy now excludes \(new)"
        case .documentMoved?: return "\(c.documentKind.rawValue) \"\(c.document)\" moved from \(c.oldPath ?? "?") to \(c.path)"
        case .documentRemoved?: return "\(c.documentKind.rawValue) \"\(c.document)\" is removed"
        case .documentAdded?: return "\(c.documentKind.rawValue) \"\(c.document)\" is added"
        default: return nil
        }
    }

    /// `"≈ "` and the headline, made safe for a line, appended to `text`; false when the change
    /// has none. A change of ICP, the most common in a history, has its sentence written
    /// straight into `text`.
    static func appendHeadline(_ c: SemanticChange, to text: inout TextBytes) -> Bool {
        let note = c.note, meaning = note == nil ? c.meaning : nil
        guard note != nil || meaning != nil else {
            guard let headline = headline(c) else { return false }
            text.append("≈ ")
            text.append(SafeText.line(headline))
            return true
        }
        text.append("≈ ")
        let start = text.count
        appendSubject(c, to: &text)
        if let note { text.append(note) } else { meaning?.sentence(into: &text) }
        SafeText.makeLine(&text, from: start)
        return true
    }

    /// `Segment "platform-teams": `, before a change's own sentence (`SemanticChange.summary`).
    static func appendSubject(_ c: SemanticChange, to text: inout TextBytes) {
        text.append(c.documentKind.rawValue)
        text.append(" \"")
        text.append(c.document)
        text.append("\": ")
    }

    /// One row of the changes table of the review and of `gtm diff --format markdown`.
    static func markdownRow(_ c: SemanticChange) -> String {
        let pointer = Wording.field(c.pointer)
        let kind = c.kind.rawValue + (c.classification.map { " (\($0.rawValue))" } ?? "")
        if let summary = c.summary {
            return "| \(kind) | \(c.documentKind.rawValue) \(SafeText.code(c.document)) | \(SafeText.code(c.path)) | \(markdownCell(summary)) | |\n"
                + c.details.map(markdownRow).joined()
        }
        return "| \(kind) | \(c.documentKind.rawValue) \(SafeText.code(c.document)) | \(SafeText.code(c.path)): \(markdownCell(pointer)) | \(markdownCell(ValueText.describe(c.old))) | \(markdownCell(ValueText.describe(c.new))) |\n"
    }

    /// A date from a commit time, in UTC.
    static func date(_ time: Int) -> String { CalendarDate(unixTime: time).description }

    static func markdownCell(_ s: String) -> String { SafeText.markdown(s) }
}

/// `gtm diff` output.
public enum DiffRenderer {
    public static func text(_ changes: [SemanticChange]) -> String {
        guard !changes.isEmpty else { return "no changes in meaning\n" }
        var out = ""
        var last = ""
        for c in changes {
            let header = "\(SafeText.leadingPath(c.path))  \(c.documentKind.rawValue) \"\(SafeText.line(c.document))\""
            if header != last { out += header + "\n"; last = header }
            out += "  " + ChangeText.line(c) + "\n"
        }
        return out
    }

    public static func markdown(_ changes: [SemanticChange]) -> String {
        var out = "## Changes in meaning\n\n"
        guard !changes.isEmpty else { return out + "No change in meaning.\n" }
        out += "| change | document | where | old | new |\n|---|---|---|---|---|\n"
        for c in changes { out += ChangeText.markdownRow(c) }
        return out
    }

    public static func json(_ changes: [SemanticChange]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.key("changes")
        w.beginArray()
        for c in changes { ChangeText.json(c, into: &w) }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}

/// `gtm log` output.
public enum LogRenderer {
    public static func text(_ log: LogResult) -> String {
        text(log, entries: entryTexts(log))
    }

    /// The text of each entry, put in words on every core (a long history has thousands of
    /// sentences); an entry recalled from a `LogCache` is its text as printed before, and one
    /// put in words where it was compared (`LogEntry.text`) is that text.
    public static func entryTexts(_ log: LogResult) -> [String] {
        entryBytes(log).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same, as UTF-8 bytes, for output written as bytes (`gtm log`'s cache and output):
    /// entries put in words where they were compared are taken as they are.
    public static func entryBytes(_ log: LogResult) -> [[UInt8]] {
        // Entries already in words are only gathered: handing them to other cores costs more.
        if log.entries.allSatisfy({ $0.recalled != nil || $0.text != nil }) {
            return log.entries.map { e in e.text ?? Array(e.recalled!.utf8) }
        }
        return concurrentMap(log.entries, from: 64) { e in e.text ?? e.recalled.map { Array($0.utf8) } ?? entryBytes(e) }
    }

    /// One entry in words, as UTF-8 bytes: the commit, then a line per change. `ICPLog.run` is
    /// given this, to put each entry in words on the thread that compared it.
    @Sendable public static func entryBytes(_ e: LogEntry) -> [UInt8] {
        // Bytes, made a string once: a history puts thousands of entries into words.
        var text = TextBytes(capacity: 320)
        text.append(e.commit.id.short)
        text.append(" ")
        text.append(ChangeText.date(e.commit.committer.time))
        text.append(" ")
        text.append(SafeText.line(e.commit.author.name))
        text.append("  ")
        text.append(SafeText.line(e.commit.summary))
        text.append("  [")
        text.append(e.classification)
        text.append("]\n")
        for c in e.changes {
            text.append("    ")
            if !ChangeText.appendHeadline(c, to: &text) { text.append(ChangeText.line(c)) }
            text.append("\n")
        }
        return text.bytes
    }

    /// The text output, from the entries' texts.
    public static func text(_ log: LogResult, entries: [String]) -> String {
        text(entries: entries, target: log.target, stoppedAtShallowBoundary: log.stoppedAtShallowBoundary)
    }

    /// The text output of entries already in words (`target` names what was followed).
    public static func text(entries: [String], target: String, stoppedAtShallowBoundary: Bool) -> String {
        // Joined into room made once: grown as it went, thousands of entries were copied
        // again at every doubling, each time into memory new to the process.
        var out = ""
        out.reserveCapacity(entries.reduce(0) { $0 + $1.utf8.count } + 1)
        for entry in entries { out += entry }
        return out + trailer(count: entries.count, target: target, stoppedAtShallowBoundary: stoppedAtShallowBoundary)
    }

    /// What the text output says after its `count` entries: that none changed the target, that
    /// the history stops at a shallow clone's end; often nothing.
    public static func trailer(count: Int, target: String, stoppedAtShallowBoundary: Bool) -> String {
        var out = ""
        if count == 0 { out += "no commit changed \(SafeText.line(target))\n" }
        if stoppedAtShallowBoundary { out += Self.shallowNote + "\n" }
        return out
    }

    static let shallowNote = "history stops here: this clone is shallow; fetch more with `git fetch --deepen=100` or `--unshallow`"

    public static func json(_ log: LogResult) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("version", 1)
        w.key("entries")
        w.beginArray()
        for e in log.entries {
            w.beginObject()
            w.field("commit", e.commit.id.hex)
            w.field("date", ChangeText.date(e.commit.committer.time))
            w.field("author", e.commit.author.name)
            w.field("subject", e.commit.summary)
            w.field("path", e.path)
            w.key("changes")
            w.beginArray()
            for c in e.changes { ChangeText.json(c, into: &w) }
            w.endArray()
            w.field("classification", e.classification)
            w.endObject()
        }
        w.endArray()
        w.field("shallow", log.stoppedAtShallowBoundary)
        w.endObject()
        return w.output + "\n"
    }

    public static func markdown(_ log: LogResult) -> String {
        var out = "## How \(SafeText.markdown(log.target)) evolved\n\n| commit | date | author | subject | change |\n|---|---|---|---|---|\n"
        for e in log.entries {
            out += "| `\(e.commit.id.short)` | \(ChangeText.date(e.commit.committer.time)) | \(ChangeText.markdownCell(e.commit.author.name)) | \(ChangeText.markdownCell(e.commit.summary)) | \(e.classification) |\n"
        }
        for e in log.entries {
            out += "\n<details><summary><code>\(e.commit.id.short)</code> \(ChangeText.markdownCell(e.commit.summary))</summary>\n\n"
            for c in e.changes { out += "- " + SafeText.code(ChangeText.line(c)) + "\n" }
            out += "\n</details>\n"
        }
        if log.stoppedAtShallowBoundary { out += "\n> " + shallowNote + "\n" }
        return out
    }
}
