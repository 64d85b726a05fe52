/// The reinforcing rules.
let reinforcingRules: [any Rule.Type] = [
    SelfServeVsProcurementRule.self,
]
