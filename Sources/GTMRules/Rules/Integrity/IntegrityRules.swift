/// The integrity rules.
let integrityRules: [any Rule.Type] = [
]
