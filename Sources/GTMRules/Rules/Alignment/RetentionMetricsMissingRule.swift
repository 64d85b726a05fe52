import GTMCore
import GTMModel

/// Retention is the new acquisition.
struct RetentionMetricsMissingRule: Rule {
    static let description = RuleDescription(
        id: "GTM308",
        name: "retention-metrics-missing",
        severity: .warning,
        summary: "Acquisition metrics without any retention metric beside them.",
        rationale: """
            Seed 002: retention is the new acquisition. Measuring awareness, pipeline and \
            conversion without retention or expansion optimises the leaky half of the funnel. \
            Answers differ by stage: the rule asks from the stages its setting lists, by default \
            from product-market fit on, when there are customers to keep.
            """,
        seeds: ["002"],
        settings: [.stages("Stages at which acquisition metrics need retention metrics beside them.")],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: [{name: pipeline, stage: pipeline, target: 400000}, {name: grr, stage: retention, target: 90}]\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: problem-solution-fit\nmetrics: [{name: pipeline, stage: pipeline, target: 40}]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: ↓[{name: pipeline, stage: pipeline, target: 400000}, {name: conversion, stage: conversion, target: 20}]\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: problem-solution-fit\nmetrics: ↓[{name: pipeline, stage: pipeline, target: 40}]\n",
                        settings: ["stages": .strings(["problem-solution-fit"])]),
        ]
    )

    static let acquisition: Set = ["awareness", "pipeline", "conversion"]
    static let retention: Set = ["retention", "expansion"]
    static let retentionNames: Set = ["grr", "nrr", "churn", "expansion"]

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy, context.asksAtThisStage else { return [] }
        let metrics = strategy[.metrics]
        let items = metrics.items
        let hasAcquisition = items.contains { Self.acquisition.contains($0[.metricStage].string ?? "") }
        let hasRetention = items.contains { Self.retention.contains($0[.metricStage].string ?? "") || Self.retentionNames.contains($0[.metricName].string ?? "") }
        guard hasAcquisition, !hasRetention else { return [] }
        return [context.finding("the metrics measure acquisition only; add retention or expansion metrics (GRR, NRR, churn)", at: metrics)]
    }
}
