/// The evidence and subtraction rules: exclusions, positioning and its promises, experiments, sequence, coherence table, the stage claimed.
let evidenceRules: [any Rule.Type] = [
    ExclusionsMissingRule.self,
    ExclusionWithoutReasonRule.self,
    ExcludedSegmentTargetedRule.self,
    ExcludedAttributeIncludedRule.self,
    PositioningWithoutAlternativesRule.self,
    PositioningMissesProblemRule.self,
    PromiseUnsupportedRule.self,
    PromiseOnRoadmapRule.self,
    ExperimentIncompleteRule.self,
    SequenceWithoutEvidenceRule.self,
    UnlockedBeforeEvidenceRule.self,
    CoherenceTableRule.self,
    OpenContradictionRule.self,
    StageWithoutEvidenceRule.self,
]
