/// Every rule gtm ships, about states and about changes, in id order. Each group lives beside
/// its rules: adding a rule is one new file and one line in its group's list.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = (integrityRules + focusRules + reinforcingRules + evidenceRules + alignmentRules + historyRules + changeRules)
        .sorted { $0.description.id < $1.description.id }

    public static func find(_ idOrName: String) -> (any Rule.Type)? {
        all.first { $0.description.id == idOrName || $0.description.name == idOrName }
    }
}
