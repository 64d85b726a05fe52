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
            conversion without retention or expansion optimises the leaky half of the funnel.
            """,
        seeds: ["002"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: [{name: pipeline, stage: pipeline}, {name: grr, stage: retention}]\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nmetrics: ↓[{name: pipeline, stage: pipeline}, {name: conversion, stage: conversion}]\n"),
        ]
    )

    static let acquisition: Set = ["awareness", "pipeline", "conversion"]
    static let retention: Set = ["retention", "expansion"]
    static let retentionNames: Set = ["grr", "nrr", "churn", "expansion"]

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let metrics = strategy[.metrics]
        let items = metrics.items
        let hasAcquisition = items.contains { Self.acquisition.contains($0[.metricStage].string ?? "") }
        let hasRetention = items.contains { Self.retention.contains($0[.metricStage].string ?? "") || Self.retentionNames.contains($0[.metricName].string ?? "") }
        guard hasAcquisition, !hasRetention else { return [] }
        return [context.finding("the metrics measure acquisition only; add retention or expansion metrics (GRR, NRR, churn)", at: metrics)]
    }
}
