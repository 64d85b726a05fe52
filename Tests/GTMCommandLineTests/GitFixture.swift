import Foundation
import Testing

/// A git repository in a temporary folder, built with the git program (tests may use it; the
/// product never does), with an identity so commits work on any machine.
final class GitFixture {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A repository whose first commit holds the test strategy and one segment, at `path`.
    static func withStrategy(segment: String = StrategyText.segment(), at path: String = "strategy/segment.yaml",
                             message: String = "first") throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write(path, segment)
        try repo.git("add", "strategy")
        try repo.git("commit", "-q", "-m", message)
        return repo
    }

    static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": FileManager.default.temporaryDirectory.path,
        // The hook finds gtm on PATH, as it would on a user's machine.
        "PATH": Paths.products.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
    ]

    /// Commits get dates a minute apart, so history has a definite order.
    private(set) var clock = 1_790_000_000

    /// Moves the clock forward, for histories that span months.
    func advance(days: Int) { clock += days * 86400 }

    @discardableResult
    func git(_ arguments: String..., in directory: URL? = nil) throws -> CommandResult {
        try git(arguments, in: directory)
    }

    @discardableResult
    func git(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        clock += 60
        var environment = Self.environment
        environment["GIT_AUTHOR_DATE"] = "@\(clock) +0000"
        environment["GIT_COMMITTER_DATE"] = "@\(clock) +0000"
        return try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-c", "protocol.file.allow=always"] + arguments,
                       in: directory ?? root, environment: environment)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func read(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    func gtm(_ arguments: String..., in directory: URL? = nil) throws -> CommandResult {
        try GTMCommandLineTests.gtm(arguments, in: directory ?? root, environment: Self.environment)
    }
}

/// Strategy texts for the fixtures: a small coherent strategy and a broken variant.
enum StrategyText {
    static func segment(estimated: String = "800") -> String {
        """
        apiVersion: gtm/v1
        kind: Segment
        id: platform-teams
        name: Platform teams
        firmographic: {industries: [fintech], employees: {min: 50, max: 500}}
        technographic: {uses: [kubernetes]}
        behavioural: {signals: [hiring SREs]}
        accounts: {estimated: \(estimated)}
        market: {tam: {accounts: 20000}, trm: {accounts: 900}}

        """
    }

    static let strategy = """
        apiVersion: gtm/v1
        kind: Strategy
        id: acme
        name: Acme
        owner: {role: ceo}
        stage: product-market-fit
        review: {cadence: yearly, reviewed: 2026-10-01}
        beachhead: platform-teams
        problem: {statement: Platform teams lose releases to flaky pipelines., whyNow: Release cadence doubled.}
        positioning:
          statement: Acme keeps release pipelines green for platform teams.
          alternatives: [{name: Living with flaky pipelines, kind: do-nothing}]
        motion: {primary: product-led}
        sequence: [{step: Win fintech platform teams, evidence: 20 paying teams}]
        exclusions: [{id: agencies, reason: They resell rather than use.}]
        metrics:
          - {name: arr, target: 1000000}
          - {name: acv, target: 3000}
          - {name: grr, stage: retention, target: 90}
          - {name: nrr, stage: expansion, target: 110}
          - {name: category-growth, stage: awareness, target: 10}
        coherence: [{choice: icp, answer: Platform teams, evidence: 20 interviews}]
        revenueArchitecture: {revops: {reportsTo: ceo}}
        growth: {expansion: More pipelines per team.}
        stageEvidence: {kind: customer-data, summary: 20 paying teams; 18 renewed after their first year.}

        """
}
