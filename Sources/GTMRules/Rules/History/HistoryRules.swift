/// The history rules.
let historyRules: [any Rule.Type] = [
]
