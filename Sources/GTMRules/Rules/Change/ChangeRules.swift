/// The rules about changes: what a step from one revision to the next must not do.
let changeRules: [any Rule.Type] = [
    UpmarketBeforeFitRule.self,
    BroadenedICPRule.self,
    DroppedExclusionRule.self,
    PriceChangeWithoutExperimentRule.self,
    BeachheadRetargetedRule.self,
]
