import YAMLSource

/// Short, one-line renderings of values for messages and tables.
public enum ValueText {
    public static func describe(_ node: YAMLNode?, limit: Int = 60) -> String {
        guard let node else { return "(none)" }
        let text = compact(node)
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// A flow-style rendering: `{amount: 12000, currency: USD}`, `[a, b]`.
    public static func compact(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let s):
            if case .string(let t) = s.value, t.isEmpty || t.contains(": ") || t.contains(",") { return "\"\(t)\"" }
            return s.value == .null ? "null" : s.text
        case .sequence(let items):
            return "[" + items.map(compact).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.keyText ?? "?"): \(compact($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
