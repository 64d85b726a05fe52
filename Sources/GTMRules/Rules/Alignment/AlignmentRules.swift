/// The alignment rules.
let alignmentRules: [any Rule.Type] = [
]
