import GTMCore

/// What a change does to the rules that judge it. A pull request that breaks a rule and turns
/// the rule off in the same change must not pass as "no new findings": every loosening is a
/// finding at the setting that loosens.
public enum SettingsDiff {
    public static func loosenings(
        base: [ConfiguredRule], head: [ConfiguredRule], baseWaivers: Waivers, headWaivers: Waivers, settingsPath: String
    ) -> [Finding] {
        var findings: [Finding] = []
        let before = Dictionary(base.map { ($0.description.id, $0) }, uniquingKeysWith: { a, _ in a })
        for rule in head {
            let d = rule.description
            guard let old = before[d.id] else { continue }
            let place = rule.location ?? .file(settingsPath)
            func loosened(_ message: String) {
                findings.append(Finding(rule: ToolCheck.settingsLoosened.id, severity: .warning,
                                        message: "\(d.id) \(d.name): \(message)", location: place))
            }
            if old.enabled && !rule.enabled { loosened("turned off by this change") }
            guard rule.enabled else { continue }
            if rule.description.severity.rank < old.description.severity.rank {
                loosened("lowered from \(old.description.severity.rawValue) to \(rule.description.severity.rawValue) by this change")
            }
            for setting in d.settings {
                let was = old.settings[setting.name] ?? setting.defaultValue
                let now = rule.settings[setting.name] ?? setting.defaultValue
                if setting.loosens(from: was, to: now) {
                    loosened("\(setting.name) relaxed from \(was) to \(now) by this change")
                }
            }
        }
        for waiver in headWaivers.waivers {
            let key = waiver.scopeKey
            if let old = baseWaivers.waivers.first(where: { $0.scopeKey == key }) {
                if waiver.expires > old.expires {
                    findings.append(Finding(rule: ToolCheck.settingsLoosened.id, severity: .warning,
                                            message: "the waiver of \(waiver.rule) for \(waiver.document ?? waiver.path ?? "") is extended from \(old.expires) to \(waiver.expires) by this change",
                                            location: waiver.location))
                }
            } else {
                findings.append(Finding(rule: ToolCheck.settingsLoosened.id, severity: .warning,
                                        message: "this change waives \(waiver.rule) for \(waiver.document ?? waiver.path ?? "") until \(waiver.expires): \(waiver.reason)",
                                        location: waiver.location))
            }
        }
        return findings
    }
}

extension Severity {
    /// How much a finding of this severity holds a change back.
    var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
}

extension Waivers.Waiver {
    /// What a waiver covers, whatever its reason and expiry.
    var scopeKey: String {
        [rule, document ?? "", path ?? "", pointer ?? ""].joined(separator: "\u{0}")
    }
}

extension RuleSetting {
    /// Whether moving from one value to another lets more through. Read from the setting's
    /// name: a `max-` limit or a cadence in `-days` loosens upward, a `min-` limit downward, an
    /// `allowed-` list by growing, any other list by shrinking, a requirement by turning false.
    public func loosens(from old: Value, to new: Value) -> Bool {
        switch (old, new) {
        case (.number(let a), .number(let b)):
            if name.hasPrefix("min-") { return b < a }
            return b > a  // max- limits and -days cadences
        case (.bool(let a), .bool(let b)):
            return a && !b
        case (.strings(let a), .strings(let b)):
            return name.hasPrefix("allowed-") ? !Set(b).subtracting(a).isEmpty : !Set(a).subtracting(b).isEmpty
        default:
            return false
        }
    }
}
