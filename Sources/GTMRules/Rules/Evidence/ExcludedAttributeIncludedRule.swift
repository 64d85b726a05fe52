import GTMCore
import GTMModel

/// Excluding an industry, a region or a size of company and then targeting a segment made of
/// them is one decision contradicting another, written in two files.
struct ExcludedAttributeIncludedRule: Rule {
    static let description = RuleDescription(
        id: "GTM225",
        name: "excluded-attribute-included",
        severity: .error,
        summary: "A segment the strategy or a plan targets includes an industry, region or company size the strategy excludes.",
        rationale: """
            Strategy includes subtraction (seed 003): "industries where compliance burden \
            destroys speed", "small accounts that produce activity but no economic path". An \
            exclusion by attribute holds for every segment the company targets; a beachhead, a \
            next segment, or a plan's segment or target whose firmographic criteria include the \
            excluded industry, region or company size contradicts it, and functions execute \
            inside the GTM model (seed 004). Industries match without regard to case or plural; \
            a size band is read as employees (5000+, 1-10, <50, >1000) and compared with the \
            segment's range (bands written end to end, 1-50 beside 50 to 500, do not clash at \
            their shared edge); a band that cannot be read, and a use case (segments do not \
            state one), are not judged.
            """,
        seeds: ["003", "004"],
        passing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: smb-accounting
                exclusions:
                  - {id: no-banks, attribute: {industry: banking}, reason: Regulators make every deal a year-long review.}
                  - {id: no-enterprise, attribute: {companySize: "5,000+"}, reason: Procurement cycles we cannot fund.}
                  - {id: no-us, attribute: {region: US}, reason: We file UK tax only.}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: smb-accounting
                firmographic:
                  industries: [accounting, bookkeeping]
                  employees: {min: 5, max: 50}
                  regions: [GB, IE]
                """),
            // Size bands beside the segment's range or sharing only its edge, and one that cannot be read.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: mid-market-hr
                exclusions:
                  - {id: no-small, attribute: {companySize: <200}, reason: They do not plan headcount.}
                  - {id: no-enterprise, attribute: {companySize: 2000+}, reason: Procurement runs every deal.}
                  - {id: no-giants, attribute: {companySize: Fortune 500}, reason: Their HR runs on in-house systems.}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: mid-market-hr
                firmographic:
                  industries: [manufacturing]
                  employees: {min: 200, max: 2000}
                """),
            // Physician groups are not hospitals; a use case is not judged (segments state none).
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: provider-groups
                exclusions:
                  - {id: no-hospitals, attribute: {industry: hospitals}, reason: Hospital systems buy through purchasing groups.}
                  - {id: no-canada, attribute: {region: CA}, reason: Single-payer claims have no underpayments to find.}
                  - {id: no-pharma, attribute: {useCase: drug pricing}, reason: A different buyer.}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: provider-groups
                firmographic:
                  industries: [physician groups, ambulatory surgery centers]
                  employees: {min: 50, max: 500}
                  regions: [US]
                """),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ⤷⤷fintech-platform-teams
                exclusions:
                  - id: no-insurers
                    attribute: {industry: ⤷Insurance}
                    reason: Actuarial release processes need an on-premises install.
                  - id: no-dach
                    attribute: {region: ⤷DE}
                    reason: Works councils add six months to every rollout.
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: fintech-platform-teams
                firmographic:
                  industries: [fintech, ↓insurance]
                  employees: {min: 200, max: 2000}
                  regions: [US, GB, ↓de]
                """),
            // A plan works a segment of companies the strategy rules out by size, and by industry in the plural.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: smb-accounting
                exclusions:
                  - {id: no-big-four, attribute: {companySize: ⤷"5,000+"}, reason: Their procurement takes a year and they build in-house.}
                  - {id: no-audit, attribute: {industry: ⤷audit network}, reason: Audit networks build their own ledgers.}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: smb-accounting
                firmographic:
                  industries: [accounting]
                  employees: {min: 5, max: 50}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: audit-networks
                firmographic:
                  industries: [↓Audit Networks]
                  employees: ↓{min: 2000}
                ---
                apiVersion: gtm/v2
                kind: SalesPlan
                id: sales
                strategy: s
                segments: [smb-accounting, ⤷⤷audit-networks]
                """),
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: mid-market-hr
                growth: {nextSegments: [⤷enterprise-hr]}
                exclusions:
                  - {id: no-giants, attribute: {companySize: ⤷10k+}, reason: Their HR runs on in-house systems.}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: mid-market-hr
                firmographic:
                  employees: {min: 200, max: 2000}
                ---
                apiVersion: gtm/v2
                kind: Segment
                id: enterprise-hr
                firmographic:
                  employees: ↓{min: 2000, max: 20000}
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let exclusions = strategy[.exclusions].items.filter { $0[.exclusionAttribute].isMapping }
        guard !exclusions.isEmpty else { return [] }
        let workspace = context.workspace
        let excludedByID = workspace.excludedSegments
        // Each targeted segment once, with every place that targets it; a segment the strategy
        // excludes by id is GTM214's.
        var order: [String] = []
        var targeted: [String: (segment: GTMDocument, places: [(NodeRef, String)])] = [:]
        for (reference, role) in ExcludedSegmentTargetedRule.targets(strategy, in: workspace) where excludedByID[reference.id] == nil {
            guard let segment = workspace.document(reference.id, kind: .segment) else { continue }
            if targeted[reference.id] == nil { order.append(reference.id) }
            targeted[reference.id, default: (segment, [])].places.append((reference.place, role))
        }
        var findings: [Finding] = []
        for id in order {
            guard let (segment, places) = targeted[id] else { continue }
            let roles = Self.roles(places.map(\.1))
            let related = places.map { ($0.0, "\"\(id)\" is \($0.1) here") }
            for exclusion in exclusions {
                let name = exclusion[.exclusionID].text.map { "the exclusion \"\($0)\"" } ?? "an exclusion"
                let industry = exclusion[.exclusionIndustry]
                if let excluded = industry.text, let item = segment[.industries].items.first(where: { $0.text.map(Self.sameIndustry(excluded)) ?? false }) {
                    let value = item.text ?? excluded
                    findings.append(context.finding(
                        "\(segment.displayName), \(roles), includes the industry \"\(value)\", which \(name) rules out: either take \"\(value)\" out of the segment or stop targeting it, or lift the exclusion if that industry is in scope after all",
                        at: item, related: [(industry, "\(name) rules out the industry \"\(excluded)\" here")] + related))
                }
                let region = exclusion[.exclusionRegion]
                if let excluded = region.text, let item = segment[.regions].items.first(where: { $0.text.map { Self.key($0) == Self.key(excluded) } ?? false }) {
                    let value = item.text ?? excluded
                    findings.append(context.finding(
                        "\(segment.displayName), \(roles), includes the region \"\(value)\", which \(name) rules out: either take \"\(value)\" out of the segment or stop targeting it, or lift the exclusion if that region is in scope after all",
                        at: item, related: [(region, "\(name) rules out the region \"\(excluded)\" here")] + related))
                }
                let size = exclusion[.exclusionCompanySize]
                let employees = segment[.employees]
                let min = segment[.employeesMin].number, max = segment[.employeesMax].number
                let range = CompanySizeBand(lower: min ?? 0, upper: max)
                // Bands written end to end (`1-50` excluded, 50 to 500 targeted) share one size
                // at their edge: a way of writing, not a contradiction.
                if let text = size.text, let band = CompanySizeBand(text), min != nil || max != nil,
                   let shared = band.shared(min: min, max: max), shared.lower != shared.upper || range == shared {
                    let state = shared == range
                        ? "takes companies of \(range), all of them inside the size \(name) rules out (\(text)): either stop targeting the segment"
                        : "takes companies of \(range), and so companies of \(shared), which \(name) rules out (\(text)): either narrow the segment's employees to leave them out or stop targeting it"
                    findings.append(context.finding(
                        "\(segment.displayName), \(roles), \(state), or change the exclusion if those companies are in scope after all",
                        at: employees, related: [(size, "\(name) rules out companies of \(band) here")] + related))
                }
            }
        }
        return findings
    }

    /// `the beachhead and a segment of SalesPlan "sales"`.
    static func roles(_ roles: [String]) -> String {
        var unique: [String] = []
        for role in roles where !unique.contains(role) { unique.append(role) }
        return unique.count <= 1 ? unique.joined() : unique.dropLast().joined(separator: ", ") + " and " + unique.last!
    }

    /// Whether two industries name the same thing: case, spacing, hyphens, `&` and plurals aside.
    static func sameIndustry(_ a: String) -> (String) -> Bool {
        let key = industryKey(a)
        return { industryKey($0) == key && !key.isEmpty }
    }

    static func industryKey(_ text: String) -> String {
        let spaced = text.map { $0 == "&" ? " and " : $0 == "-" || $0 == "_" || $0 == "/" ? " " : String($0) }.joined()
        return key(spaced).split(separator: " ").map { singular(String($0)) }.joined(separator: " ")
    }

    /// Lower case, single spaces.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `companies` → `company`, `services` → `service`, `taxes` → `tax`; `business` and `status` stay.
    static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") || word.hasSuffix("zes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") { return String(word.dropLast()) }
        return word
    }
}
