/// The rules about time: reviews on their cadence.
let historyRules: [any Rule.Type] = [
    ReviewOverdueRule.self,
]
