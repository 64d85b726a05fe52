import GTMModel

/// Rules whose question changes with the company's stage: a setting `stages` lists the stages
/// at which the rule asks it. An inception strategy (problem-solution fit) has no revenue to
/// retain and is not asked for NRR; from product-market fit on, it is.
extension RuleSetting {
    /// The stages from product-market fit on, the default of the metric rules.
    static func stages(_ summary: String, _ names: [String] = ["product-market-fit", "gtm-fit", "scale"]) -> RuleSetting {
        RuleSetting("stages", .strings(names), summary, allowed: Stages.all)
    }
}

extension RuleContext {
    /// Whether the rule's `stages` setting lists the strategy's stage; a strategy that states
    /// no stage is judged.
    public var asksAtThisStage: Bool {
        guard let stage = stage?.name else { return true }
        return strings("stages").contains(stage)
    }
}
