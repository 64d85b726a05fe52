/// The rules about ownership and the alignment of functions with the strategy.
let alignmentRules: [any Rule.Type] = [
    StrategyOwnerRule.self,
    PlanDefinesOwnICPRule.self,
    PlanUnknownChannelRule.self,
    PlanSegmentOutsideStrategyRule.self,
    RevOpsReportingRule.self,
    MetricWithoutTargetRule.self,
    CEOMetricsMissingRule.self,
    RetentionMetricsMissingRule.self,
    PlanWithoutMetricsRule.self,
    PlanTargetDisagreesRule.self,
]
