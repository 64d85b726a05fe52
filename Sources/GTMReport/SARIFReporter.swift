import GTMCore

/// What SARIF needs to know about a rule to show it in code scanning.
public struct RuleMetadata: Sendable {
    public var id: String
    public var name: String
    public var summary: String
    public var help: String
    public var severity: Severity

    public init(id: String, name: String, summary: String, help: String, severity: Severity) {
        self.id = id
        self.name = name
        self.summary = summary
        self.help = help
        self.severity = severity
    }
}

/// SARIF 2.1.0 for code scanning: one run, the rules that fired with their metadata, and one
/// result per finding with its related locations. Columns are counted in Unicode scalars.
public struct SARIFReporter: Reporter {
    public var rules: [RuleMetadata]
    public var toolVersion: String
    /// Paths from the repository root, which `uriBaseId` names, whatever folder gtm ran in.
    public var fromRoot: @Sendable (String) -> String

    public init(rules: [RuleMetadata], toolVersion: String, fromRoot: @escaping @Sendable (String) -> String = { $0 }) {
        self.rules = rules
        self.toolVersion = toolVersion
        self.fromRoot = fromRoot
    }

    public func render(_ report: Report) -> String {
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fired = Array(Set(report.findings.map(\.rule))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: fired.enumerated().map { ($1, $0) })
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.field("name", "gtm")
        w.field("version", toolVersion)
        w.key("rules")
        w.beginArray()
        for id in fired {
            let meta = byID[id]
            w.beginObject()
            w.field("id", id)
            w.field("name", meta?.name ?? id)
            w.key("shortDescription")
            w.beginObject(); w.field("text", meta?.summary ?? id); w.endObject()
            w.key("help")
            w.beginObject(); w.field("text", meta?.help ?? meta?.summary ?? id); w.endObject()
            w.key("defaultConfiguration")
            w.beginObject(); w.field("level", level(meta?.severity ?? .error)); w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.field("columnKind", "unicodeCodePoints")
        w.key("results")
        w.beginArray()
        for f in report.findings {
            w.beginObject()
            w.field("ruleId", f.rule)
            if let i = ruleIndex[f.rule] { w.field("ruleIndex", i) }
            w.field("level", level(f.severity))
            w.key("message")
            w.beginObject(); w.field("text", f.message); w.endObject()
            w.key("locations")
            w.beginArray()
            location(&w, f.location, message: nil)
            w.endArray()
            if !f.related.isEmpty {
                w.key("relatedLocations")
                w.beginArray()
                for (i, r) in f.related.enumerated() { location(&w, r.location, message: r.message, id: i + 1) }
                w.endArray()
            }
            w.key("partialFingerprints")
            w.beginObject()
            let id = f.identity
            w.field("gtmIdentity/v1", "\(id.rule)|\(id.document)|\(id.pointer)|\(id.subject)")
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    private func location(_ w: inout JSONWriter, _ l: SourceLocation, message: String?, id: Int? = nil) {
        w.beginObject()
        if let id { w.field("id", id) }
        w.key("physicalLocation")
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject(); w.field("uri", Self.uri(fromRoot(l.path))); w.field("uriBaseId", "SRCROOT"); w.endObject()
        w.key("region")
        w.beginObject(); w.field("startLine", l.line); w.field("startColumn", l.column); w.endObject()
        w.endObject()
        if let message {
            w.key("message")
            w.beginObject(); w.field("text", message); w.endObject()
        }
        w.endObject()
    }

    /// A relative URI reference: each byte outside the unreserved set and `/` percent-encoded.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    private func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
