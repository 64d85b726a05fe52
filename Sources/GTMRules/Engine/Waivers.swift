import GTMCore
import YAMLSource

/// Accepted findings, each with a reason and an expiry date. A waived finding is kept, as a
/// note, so the decision stays visible; an expired waiver is an error and waives nothing; a
/// waiver that matches nothing is a warning, so stale waivers get cleaned up.
public struct Waivers: Sendable {
    public struct Waiver: Sendable {
        public var rule: String
        /// A document id or a file path (a path matches the file and everything under a folder).
        public var document: String?
        public var path: String?
        public var pointer: String?
        public var reason: String
        public var expires: CalendarDate
        public var location: SourceLocation
    }

    public var waivers: [Waiver]

    /// The settings of one waiver, as `.gtm.yaml` spells them.
    enum Key: String, CaseIterable {
        case rule, document, path, pointer, reason, expires
    }

    public init(waivers: [Waiver] = []) { self.waivers = waivers }

    /// Reads `waivers:`; rule names are resolved to ids through the catalog.
    public static func read(_ node: YAMLNode?, path: String, knownRules: [String: String]) -> (Waivers, [Finding]) {
        var findings: [Finding] = []
        var waivers: [Waiver] = []
        func error(_ message: String, _ n: YAMLNode) {
            findings.append(Finding(rule: ToolCheck.config.id, severity: .error, message: message, location: loc(n, path)))
        }
        guard let node, !node.isNull else { return (Waivers(), []) }
        guard let items = node.sequence else {
            error("waivers is a list of {rule, document or path, reason, expires}, got \(node.kindDescription)", node)
            return (Waivers(), findings)
        }
        let allowed = Key.allCases.map(\.rawValue)
        for item in items {
            guard let entries = item.mapping else {
                error("a waiver is a mapping, got \(item.kindDescription)", item)
                continue
            }
            for entry in entries where !allowed.contains(entry.keyText ?? "") {
                let key = entry.keyText ?? "?"
                let hint = Suggestion.closest(to: key, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
                error("unknown waiver setting \"\(key)\"\(hint)", entry.key)
            }
            guard let ruleNode = item[.rule], let ruleText = ruleNode.string else {
                error("a waiver names the rule it waives (rule: GTM101)", item)
                continue
            }
            guard let rule = knownRules[ruleText] else {
                let hint = Suggestion.closest(to: ruleText, in: knownRules.keys).map { "; did you mean \"\($0)\"?" } ?? ""
                error("unknown rule \"\(ruleText)\" in waiver\(hint)", ruleNode)
                continue
            }
            guard let reason = item[.reason]?.string, !reason.trimmingSpaces.isEmpty else {
                error("a waiver gives its reason", item)
                continue
            }
            guard let expiresNode = item[.expires] else {
                error("a waiver has an expiry date (expires: YYYY-MM-DD)", item)
                continue
            }
            guard let expires = expiresNode.text.flatMap(CalendarDate.init(iso:)) else {
                error("expires must be a date YYYY-MM-DD, got \(expiresNode.kindDescription)", expiresNode)
                continue
            }
            let document = item[.document]?.string
            let scope = item[.path]?.string
            if document == nil && scope == nil {
                error("a waiver names the document (document: ID) or the file (path: …) it applies to", item)
                continue
            }
            waivers.append(Waiver(
                rule: rule, document: document, path: scope.map(FileSystemPath.normalize),
                pointer: item[.pointer]?.string, reason: reason, expires: expires, location: loc(item, path)
            ))
        }
        return (Waivers(waivers: waivers), findings)
    }

    /// Applies the waivers to a run's findings as of `today`. `judging` says which rules ran in
    /// this pass: a waiver of a rule about changes is not unused because `gtm check` ran none.
    public func apply(to findings: [Finding], today: CalendarDate, judging: (String) -> Bool = { _ in true }) -> [Finding] {
        guard !waivers.isEmpty else { return findings }
        var used = Array(repeating: false, count: waivers.count)
        var result: [Finding] = []
        for var finding in findings {
            if let i = waivers.indices.first(where: { matches(waivers[$0], finding) }) {
                used[i] = true
                let waiver = waivers[i]
                if waiver.expires >= today {
                    finding.severity = .note
                    finding.message = "waived until \(waiver.expires) (\(waiver.reason)): " + finding.message
                    finding.related.append(RelatedLocation(location: waiver.location, message: "waived here"))
                }
            }
            result.append(finding)
        }
        for (i, waiver) in waivers.enumerated() where judging(waiver.rule) {
            if waiver.expires < today {
                result.append(Finding(
                    rule: ToolCheck.waiverExpired.id, severity: .error,
                    message: "the waiver of \(waiver.rule) for \(waiver.document ?? waiver.path ?? "") expired on \(waiver.expires); fix the finding or renew the waiver with a new reason",
                    location: waiver.location
                ))
            } else if !used[i] {
                result.append(Finding(
                    rule: ToolCheck.waiverUnused.id, severity: .warning,
                    message: "the waiver of \(waiver.rule) for \(waiver.document ?? waiver.path ?? "") matches no finding; remove it",
                    location: waiver.location
                ))
            }
        }
        return result
    }

    private func matches(_ w: Waiver, _ f: Finding) -> Bool {
        guard w.rule == f.rule else { return false }
        if let document = w.document, f.documentID != document { return false }
        if let scope = w.path {
            let path = FileSystemPath.normalize(f.location.path)
            guard path == scope || path.hasPrefix(scope + "/") || path.hasSuffix("/" + scope) else { return false }
        }
        if let pointer = w.pointer, f.pointer?.description != pointer, !(f.pointer?.description.hasPrefix(pointer + "/") ?? false) {
            return false
        }
        return true
    }
}

private extension YAMLNode {
    /// A setting of a waiver.
    subscript(_ key: Waivers.Key) -> YAMLNode? { self[key.rawValue] }
}

private func loc(_ n: YAMLNode, _ path: String) -> SourceLocation {
    SourceLocation(path: path, line: n.mark.line, column: n.mark.column)
}

/// Path normalisation for matching (`./strategy/` and `strategy` are the same scope).
enum FileSystemPath {
    static func normalize(_ p: String) -> String {
        p.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
    }
}
