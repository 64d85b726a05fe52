/// The focus rules.
let focusRules: [any Rule.Type] = [
    FirstTargetListSizeRule.self,
]
