import GTMCore
import YAMLSource

/// One rule as a team configured it: on or off, its severity, its settings.
public struct ConfiguredRule: Sendable {
    public var rule: any Rule
    public var description: RuleDescription
    public var enabled: Bool
    public var settings: [String: RuleSetting.Value]
    /// Where `.gtm.yaml` configures the rule, when it does.
    public var location: SourceLocation?
}

/// Reads the `rules:` section of `.gtm.yaml`. Rules are named by id or kebab-case name;
/// unknown ids, unknown settings and values of the wrong type are errors at their position.
public enum RuleConfiguration {
    public static func read(_ node: YAMLNode?, path: String, catalog: [any Rule.Type] = RuleCatalog.all) -> ([ConfiguredRule], [Finding]) {
        var configured = catalog.map { type in
            ConfiguredRule(rule: type.init(), description: type.description, enabled: true, settings: [:])
        }
        var findings: [Finding] = []
        func error(_ message: String, _ n: YAMLNode, severity: Severity = .error) {
            findings.append(Finding(rule: ToolCheck.config.id, severity: severity, message: message,
                                    location: SourceLocation(path: path, line: n.mark.line, column: n.mark.column)))
        }
        guard let node, !node.isNull else { return (configured, findings) }
        guard let entries = node.mapping else {
            error("rules is a mapping from rule id to its settings, got \(node.kindDescription)", node)
            return (configured, findings)
        }
        for entry in entries {
            let key = entry.keyText ?? ""
            guard let index = configured.firstIndex(where: { $0.description.id == key || $0.description.name == key }) else {
                let names = configured.flatMap { [$0.description.id, $0.description.name] }
                let hint = Suggestion.closest(to: key, in: names).map { "; did you mean \"\($0)\"?" } ?? "; `gtm rules` lists them"
                error("unknown rule \"\(key)\"\(hint)", entry.key)
                continue
            }
            configured[index].location = SourceLocation(path: path, line: entry.key.mark.line, column: entry.key.mark.column)
            // `GTM101: false` is a short way to turn a rule off.
            if let on = entry.value.bool {
                configured[index].enabled = on
                continue
            }
            guard let settings = entry.value.mapping else {
                error("expected a mapping of settings or true/false, got \(entry.value.kindDescription)", entry.value)
                continue
            }
            let description = configured[index].description
            for setting in settings {
                var name = setting.keyText ?? ""
                // A setting renamed with the model keeps working, with a word to rename it.
                if let current = description.renamedSettings[name] {
                    error("\(description.id) \(name) is now called \(current); the old name still works, rename it", setting.key, severity: .warning)
                    name = current
                }
                let value = setting.value
                switch name {
                case "enabled":
                    if let b = value.bool { configured[index].enabled = b } else { error("expected true or false, got \(value.kindDescription)", value) }
                case "severity":
                    if let s = value.string.flatMap(Severity.init(rawValue:)) {
                        configured[index].description.severity = s
                    } else {
                        error("severity is one of error, warning, note; got \(value.kindDescription)", value)
                    }
                default:
                    guard let declared = description.setting(name) else {
                        let known = ["enabled", "severity"] + description.settings.map(\.name)
                        let hint = Suggestion.closest(to: name, in: known).map { "; did you mean \"\($0)\"?" }
                            ?? "; \(description.id) has the settings \(known.joined(separator: ", "))"
                        error("unknown setting \"\(name)\" for \(description.id)\(hint)", setting.key)
                        continue
                    }
                    if case .number = declared.defaultValue, case .nonFinite(_)? = value.scalar?.value {
                        error("\(description.id) \(name) is a number from \(shown(declared.range.lowerBound)) to \(shown(declared.range.upperBound)); got a number beyond any range", value)
                        continue
                    }
                    guard let parsed = parse(value, like: declared.defaultValue) else {
                        error("\(description.id) \(name) expects \(kindName(declared.defaultValue)), got \(value.kindDescription)", value)
                        continue
                    }
                    if case .number(let n) = parsed, !declared.range.contains(n) {
                        error("\(description.id) \(name) is a number from \(shown(declared.range.lowerBound)) to \(shown(declared.range.upperBound)); got \(shown(n))", value)
                        continue
                    }
                    if case .strings(let values) = parsed, let allowed = declared.allowed,
                       let wrong = values.first(where: { !allowed.contains($0) }) {
                        let hint = Suggestion.closest(to: wrong, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
                        let item = value.sequence?.first { $0.string == wrong } ?? value
                        error("\(description.id) \(name): \"\(wrong)\" is not one of \(allowed.joined(separator: ", "))\(hint)", item)
                        continue
                    }
                    configured[index].settings[name] = parsed
                }
            }
        }
        return (configured, findings)
    }

    static func parse(_ node: YAMLNode, like example: RuleSetting.Value) -> RuleSetting.Value? {
        switch example {
        case .number: return node.number.map(RuleSetting.Value.number)
        case .bool: return node.bool.map(RuleSetting.Value.bool)
        case .strings:
            if let s = node.string { return .strings([s]) }
            guard let items = node.sequence, items.allSatisfy({ $0.string != nil }) else { return nil }
            return .strings(items.compactMap(\.string))
        }
    }

    private static func kindName(_ v: RuleSetting.Value) -> String {
        switch v {
        case .number: "a number"
        case .bool: "true or false"
        case .strings: "a list of strings"
        }
    }
}
