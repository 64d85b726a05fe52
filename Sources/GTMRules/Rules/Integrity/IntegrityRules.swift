/// The rules that keep documents connected.
let integrityRules: [any Rule.Type] = [
    DanglingReferenceRule.self,
    SingleStrategyRule.self,
]
