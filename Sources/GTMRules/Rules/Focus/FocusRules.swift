/// The focus rules: ICP criteria, market size, beachheads, MOVE.
let focusRules: [any Rule.Type] = [
    ICPCriteriaIncompleteRule.self,
    FirstTargetListSizeRule.self,
    TRMShareOfTAMRule.self,
    TAMWithoutTRMRule.self,
    EveryoneICPRule.self,
    SingleBeachheadRule.self,
    MOVECoverageRule.self,
]
