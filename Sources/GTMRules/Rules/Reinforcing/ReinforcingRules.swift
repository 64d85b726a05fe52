/// The rules about choices that must reinforce each other: motion, buying, pricing, economics.
let reinforcingRules: [any Rule.Type] = [
    SelfServeVsProcurementRule.self,
    SelfServeVsBuyingCommitteeRule.self,
    SelfServeVsHeavyImplementationRule.self,
    SelfServeVsEnterprisePricingRule.self,
    SalesMotionVsSmallACVRule.self,
    CACPaybackRule.self,
    LTVToCACRule.self,
    NumbersDisagreeRule.self,
    ServicesBurdenRule.self,
    ChannelWithoutEvidenceRule.self,
    ChannelByPreferenceRule.self,
    PartnerBeforeRepeatabilityRule.self,
    ScalingBeforeFitRule.self,
]
