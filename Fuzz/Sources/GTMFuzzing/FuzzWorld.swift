import GTMCore
import GTMLint
import GTMRules
import JSONSchema

/// What every fuzz input is judged with, made once per process: the bundled schemas compiled
/// as `gtm check` compiles them, every rule with its defaults, and a fixed day, so a finding
/// found today reproduces tomorrow.
enum FuzzWorld {
    static let today = CalendarDate(year: 2026, month: 11, dayOfMonth: 25)!

    static let catalog: SchemaCatalog = schemaCatalog(MemorySnapshot(files: [:])).0

    static let rules = RuleConfiguration.read(nil, path: Configuration.fileName).0

    static let linter = Linter(limits: .default, validator: catalog, rules: RuleEngine(rules: rules, today: today))

    /// The bundled schemas under whatever a repository's `schemas/` folder holds.
    static func schemaCatalog(_ snapshot: MemorySnapshot, formatAssertion: Bool = false) -> (SchemaCatalog, [Finding]) {
        SchemaCatalog.load(from: snapshot, folder: "schemas", displayFolder: "schemas", loader: { _ in nil },
                           options: ValidatorOptions(formatAssertion: formatAssertion), maxFileSize: 1 << 20)
    }

    /// A small strategy that sets off many rules: what settings and schemas are tried against.
    static let strategy = LintInput(path: "strategy/fixed.yaml", content: .bytes(Array("""
        apiVersion: gtm/v1
        kind: Strategy
        id: s
        owner: {role: cro, name: Dana Reyes}
        stage: product-market-fit
        review: {cadence: quarterly, reviewed: "2025-01-05"}
        beachhead: [smb, mid]
        motion: {primary: self-serve}
        buyers: {buyingProcess: procurement-led, committeeSize: 8, salesCycleDays: 180}
        pricing: {quoteOnly: true, acv: {amount: 900, currency: USD}}
        economics: {acv: {amount: 900, currency: USD}, cac: {amount: 5000, currency: USD}, paybackMonths: 40, ltv: {amount: 6000, currency: USD}, grossMarginPercent: 20}
        exclusions: [{id: agencies}]
        experiments: [{id: e, hypothesis: h}]
        ---
        apiVersion: gtm/v1
        kind: Segment
        id: smb
        firmographic: {industries: [All], employees: {min: 1}, regions: [worldwide]}
        accounts: {estimated: 12000}
        market: {tam: {accounts: 40000}, trm: {accounts: 14000}}
        ---
        apiVersion: gtm/v1
        kind: SalesPlan
        id: p
        strategy: s
        segments: [smb, agencies, nowhere]
        channels: [{channel: cold-email, budget: {amount: 100, currency: USD}}]
        """.utf8)))
}

/// A repository held in memory: the files a fuzz input stands for, and nothing else.
struct MemorySnapshot: RepositorySnapshot {
    var files: [String: [UInt8]]
    var name: String { "the fuzz input" }

    func file(_ path: String, limit: Int) -> LintInput.Content? {
        files[path].map { $0.count > limit ? .tooLarge(size: $0.count) : .bytes($0) }
    }

    func files(under folder: String, accept: (String) -> Bool) -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") && accept($0) }.sorted()
    }

    func isFolder(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }
}
