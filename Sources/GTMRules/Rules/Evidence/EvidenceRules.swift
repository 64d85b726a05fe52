/// The evidence and subtraction rules: exclusions, positioning, experiments, sequence, coherence table.
let evidenceRules: [any Rule.Type] = [
    ExclusionsMissingRule.self,
    ExclusionWithoutReasonRule.self,
    ExcludedSegmentTargetedRule.self,
    PositioningWithoutAlternativesRule.self,
    PositioningMissesProblemRule.self,
    PromiseUnsupportedRule.self,
    ExperimentIncompleteRule.self,
    SequenceWithoutEvidenceRule.self,
    UnlockedBeforeEvidenceRule.self,
    CoherenceTableRule.self,
    OpenContradictionRule.self,
]
