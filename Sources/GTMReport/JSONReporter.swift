import GTMCore

/// The versioned JSON shape scripts rely on:
/// `{"version":1,"findings":[…],"files":[{"path","valid"}],"summary":{…}}`.
public struct JSONReporter: Reporter {
    public var pretty: Bool

    public init(pretty: Bool = false) { self.pretty = pretty }

    public func render(_ report: Report) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.field("version", 1)
        w.key("findings")
        w.beginArray()
        for f in report.findings { Self.write(f, into: &w) }
        w.endArray()
        w.key("files")
        w.beginArray()
        for file in report.files {
            w.beginObject()
            w.field("path", file.path)
            w.field("valid", file.valid)
            w.endObject()
        }
        w.endArray()
        w.key("summary")
        w.beginObject()
        w.field("files", report.files.count)
        w.field("errors", report.count(.error))
        w.field("warnings", report.count(.warning))
        w.field("notes", report.count(.note))
        if report.omittedFindings > 0 { w.field("omitted", report.omittedFindings) }
        w.endObject()
        w.endObject()
        return w.output + "\n"
    }

    /// One finding in the documented shape, for every JSON output that lists findings.
    public static func write(_ f: Finding, into w: inout JSONWriter) {
        w.beginObject()
        w.field("rule", f.rule)
        w.field("severity", f.severity.rawValue)
        w.field("message", f.message)
        w.field("path", f.location.path)
        w.field("line", f.location.line)
        w.field("column", f.location.column)
        w.field("pointer", f.pointer?.description)
        w.field("document", f.documentID)
        w.key("related")
        w.beginArray()
        for r in f.related {
            w.beginObject()
            w.field("path", r.location.path)
            w.field("line", r.location.line)
            w.field("column", r.location.column)
            w.field("message", r.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
