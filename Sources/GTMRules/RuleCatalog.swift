/// Every rule gtm ships, in id order. Each group lives beside its rules.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = (integrityRules + focusRules + reinforcingRules + evidenceRules + alignmentRules + historyRules)
        .sorted { $0.description.id < $1.description.id }

    public static func find(_ idOrName: String) -> (any Rule.Type)? {
        all.first { $0.description.id == idOrName || $0.description.name == idOrName }
    }
}
