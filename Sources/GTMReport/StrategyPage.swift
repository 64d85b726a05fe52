import GTMCore
import GTMHistory
import GTMModel

/// The strategy as one page people open: the one-page strategy of seed 003 in ten parts, its
/// coherence check table, the findings grouped by choice, MOVE coverage, the CEO's metrics and,
/// in a repository, the history. A value built once from a workspace, its findings and its
/// history; the HTML and Markdown renderers only lay it out. Every string in it is a value as
/// the documents wrote it: renderers escape it.
public struct StrategyPage: Sendable {
    /// One line of a part: a label and what the strategy says.
    public struct Entry: Sendable {
        public var label: String
        public var text: String
    }

    /// One of the ten parts of the one-page strategy.
    public struct Part: Sendable {
        public var id: PartID
        public var entries: [Entry]
        /// The choices of the coherence table this part answers, for its findings link.
        public var findings: Int
        public var answered: Bool { !entries.isEmpty }
    }

    /// A row of the coherence check table.
    public struct CoherenceRow: Sendable {
        public var choice: Choice
        /// The answer the model gives (nil: the strategy does not answer this choice).
        public var answer: String?
        /// The answer written by hand in the strategy's `coherence` list.
        public var written: String?
        /// Why the model contradicts the hand-written answer, when it does.
        public var conflict: String?
        /// Evidence from the model, then the hand-written evidence.
        public var evidence: [String]
        /// gtm's findings that involve this choice, on either side.
        public var contradictions: [Finding]
    }

    /// A finding with the choice it is about and where it belongs on the page.
    public struct FindingItem: Sendable {
        public var finding: Finding
        public var choice: Choice?
        public var part: PartID?
        /// The anchor on the page of the place the finding is about.
        public var anchor: String
    }

    public struct FindingGroup: Sendable {
        public var choice: Choice?
        public var items: [FindingItem]
        public var anchor: String { "findings-" + (choice?.rawValue ?? "other") }
        public var title: String { choice?.title ?? "Beyond the ten choices" }
    }

    /// One of seed 000's MOVE questions.
    public struct MoveRow: Sendable {
        public var letter: String
        public var question: String
        public var answer: String?
    }

    /// A metric of the strategy, the CEO's five first.
    public struct MetricRow: Sendable {
        public var name: String
        public var label: String
        public var stage: String?
        /// The target with its unit; nil when the metric has no numeric target.
        public var target: String?
        /// False for one of the CEO's metrics the strategy leaves out.
        public var present: Bool
        public var ceo: Bool
    }

    public var title: String
    public var strategyID: String?
    public var stage: String?
    public var owner: String?
    public var cadence: String?
    public var reviewed: String?
    public var nextReview: String?
    /// What was read: "the working tree", "commit 1a2b3c4", a folder.
    public var source: String
    public var today: String
    public var toolVersion: String
    public var parts: [Part]
    public var coherence: [CoherenceRow]
    public var findings: [FindingGroup]
    public var move: [MoveRow]
    public var metrics: [MetricRow]
    public var history: StrategyHistory?
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var documents: Int

    public var allFindings: [FindingItem] { findings.flatMap(\.items) }
}

/// The ten parts of the one-page strategy (seed 003), in its order.
public enum PartID: String, Sendable, CaseIterable {
    case beachhead, problem, buyer, positioning, motion, distribution, economics, sequence, exclusions, experiments

    public var title: String {
        switch self {
        case .beachhead: "Beachhead segment"
        case .problem: "Urgent problem"
        case .buyer: "Primary buyer and committee"
        case .positioning: "Positioning"
        case .motion: "Motion"
        case .distribution: "Distribution advantage"
        case .economics: "Economics that must work"
        case .sequence: "Sequence"
        case .exclusions: "Explicit exclusions"
        case .experiments: "Experiments"
        }
    }

    /// What the part must answer, in seed 003's words.
    public var question: String {
        switch self {
        case .beachhead: "The narrow market where the company will concentrate proof."
        case .problem: "The trigger that makes buyers act now."
        case .buyer: "Who feels the pain, who funds it, who blocks it."
        case .positioning: "Why this solution is the right answer for this market."
        case .motion: "Founder-led, sales-led, PLG, partner-led, enterprise, hybrid, or another deliberate design."
        case .distribution: "Why this company can reach and credibly win the segment."
        case .economics: "ACV, CAC, payback, ramp, services burden, margin."
        case .sequence: "What comes first, what comes later, and what evidence unlocks the next step."
        case .exclusions: "What the company will not chase this cycle."
        case .experiments: "The tests that will validate or falsify the strategy."
        }
    }

    public var anchor: String { "part-" + rawValue }
    public var number: Int { PartID.allCases.firstIndex(of: self)! + 1 }
}

/// The ten choices of seed 003's coherence check, as the schema's `coherence[].choice` names them.
public enum Choice: String, Sendable, CaseIterable {
    case icp
    case urgentProblem = "urgent-problem"
    case buyer, positioning, motion, pricing, distribution
    case productDependencies = "product-dependencies"
    case servicesModel = "services-model"
    case economics

    public var title: String {
        switch self {
        case .icp: "ICP"
        case .urgentProblem: "Urgent problem"
        case .buyer: "Buyer / committee"
        case .positioning: "Positioning"
        case .motion: "Motion"
        case .pricing: "Pricing / packaging"
        case .distribution: "Distribution"
        case .productDependencies: "Product dependencies"
        case .servicesModel: "Services / success model"
        case .economics: "Economics"
        }
    }

    /// The part of the one-page strategy that answers the choice.
    public var part: PartID {
        switch self {
        case .icp: .beachhead
        case .urgentProblem: .problem
        case .buyer: .buyer
        case .positioning, .productDependencies: .positioning
        case .motion: .motion
        case .distribution: .distribution
        case .pricing, .servicesModel, .economics: .economics
        }
    }
}

extension StrategyPage {
    /// What the page is built from.
    public struct Input: Sendable {
        public var workspace: Workspace
        public var findings: [Finding]
        public var history: StrategyHistory?
        public var source: String
        public var today: CalendarDate
        public var toolVersion: String

        public init(workspace: Workspace, findings: [Finding], history: StrategyHistory?, source: String, today: CalendarDate, toolVersion: String) {
            self.workspace = workspace
            self.findings = findings
            self.history = history
            self.source = source
            self.today = today
            self.toolVersion = toolVersion
        }
    }

    public init(_ input: Input) {
        let reading = PageReading(workspace: input.workspace)
        let s = input.workspace.strategy
        title = s?[.strategyName].string ?? s?.id ?? "Go-to-market strategy"
        strategyID = s?.id
        stage = s?.stage?.name
        owner = [s?[.ownerName].string, s?[.ownerRole].string.map(PageText.words)].compactMap { $0 }.joined(separator: ", ").nonEmpty
        let cadence = s?[.reviewCadence].string, reviewed = s?[.reviewed].text
        let days = cadence == "yearly" ? 366 : cadence == "monthly" ? 31 : 92
        self.cadence = cadence
        self.reviewed = reviewed
        nextReview = reviewed.flatMap(CalendarDate.init(iso:)).map { CalendarDate(day: $0.day + days).description }
        source = input.source
        today = input.today.description
        toolVersion = input.toolVersion
        history = input.history
        errors = input.findings.filter { $0.severity == .error }.count
        warnings = input.findings.filter { $0.severity == .warning }.count
        notes = input.findings.filter { $0.severity == .note }.count
        documents = input.workspace.documents.count

        let items = input.findings.sorted().map(reading.place)
        findings = (Choice.allCases.map(Optional.some) + [nil]).compactMap { choice in
            let mine = items.filter { $0.choice == choice }
            return mine.isEmpty ? nil : FindingGroup(choice: choice, items: mine)
        }
        parts = PartID.allCases.map { part in
            Part(id: part, entries: reading.entries(part), findings: items.filter { $0.part == part }.count)
        }
        coherence = Choice.allCases.map { choice in
            let involved = items.filter { item in
                item.choice == choice || item.finding.related.contains { reading.choice(of: $0) == choice }
            }.map(\.finding)
            return reading.row(choice, contradictions: involved)
        }
        move = reading.move
        metrics = reading.metrics
    }
}

/// Reads the workspace for the page, only through declared fields.
struct PageReading {
    let workspace: Workspace
    let strategy: GTMDocument?

    init(workspace: Workspace) {
        self.workspace = workspace
        self.strategy = workspace.strategy
    }

    var beachheads: [GTMDocument] {
        (strategy?[.beachhead].strings ?? []).compactMap { workspace.document($0, kind: .segment) }
    }

    // MARK: Where a finding belongs

    /// The document a finding or its other side is in.
    func document(path: String, id: String?) -> GTMDocument? {
        let inFile = workspace.documents.filter { $0.path == path }
        return inFile.first { id != nil && $0.id == id } ?? (inFile.count == 1 ? inFile[0] : nil)
    }

    func place(_ finding: Finding) -> StrategyPage.FindingItem {
        let doc = document(path: finding.location.path, id: finding.documentID)
        let (choice, part, anchor) = locate(doc, finding.pointer)
        return StrategyPage.FindingItem(finding: finding, choice: choice, part: part, anchor: anchor)
    }

    func choice(of related: RelatedLocation) -> Choice? {
        locate(document(path: related.location.path, id: nil), related.pointer).choice
    }

    /// The choice a place in a document is about, the part of the one page that shows it, and
    /// its anchor on the page.
    func locate(_ doc: GTMDocument?, _ pointer: JSONPointer?) -> (choice: Choice?, part: PartID?, anchor: String) {
        guard let doc, let pointer else { return (nil, nil, "findings") }
        func at(_ choice: Choice) -> (Choice?, PartID?, String) { (choice, choice.part, choice.part.anchor) }
        switch doc.kind {
        case .segment:
            return at(.icp)
        case .productPlan:
            return at(.productDependencies)
        case .successPlan:
            return at(.servicesModel)
        case .marketingPlan, .salesPlan:
            if let channels = Field.planChannels(doc.kind), channels.list.contains(pointer) { return at(.distribution) }
            return at(.icp)
        case .strategy:
            for row in doc[.coherence].items where pointer.tokens.starts(with: row.pointer.tokens) {
                if let choice = row[.coherenceChoice].string.flatMap(Choice.init(rawValue:)) { return (choice, choice.part, "coherence") }
                return (nil, nil, "coherence")
            }
            let table: [(Field, Choice)] = [
                (.beachhead, .icp), (.nextSegments, .icp), (.problem, .urgentProblem), (.buyers, .buyer),
                (.promises, .productDependencies), (.positioning, .positioning), (.motion, .motion), (.hiring, .motion),
                (.pricing, .pricing), (.distribution, .distribution), (.implementation, .servicesModel), (.economics, .economics),
            ]
            if let hit = table.first(where: { $0.0.contains(pointer) }) { return at(hit.1) }
            let parts: [(Field, PartID)] = [(.sequence, .sequence), (.exclusions, .exclusions), (.experiments, .experiments)]
            if let hit = parts.first(where: { $0.0.contains(pointer) }) { return (nil, hit.1, hit.1.anchor) }
            if Field.metrics.contains(pointer) { return (nil, nil, "metrics") }
            if Field.revenueArchitecture.contains(pointer) || Field.growth.contains(pointer) { return (nil, nil, "move") }
            return (nil, nil, "top")
        }
    }

    // MARK: The ten parts

    func entries(_ part: PartID) -> [StrategyPage.Entry] {
        guard let s = strategy else { return [] }
        var out: [StrategyPage.Entry] = []
        func add(_ label: String, _ text: String?) {
            if let text, !text.trimmingSpaces.isEmpty { out.append(.init(label: label, text: text)) }
        }
        switch part {
        case .beachhead:
            let ids = s[.beachhead].strings
            for id in ids {
                guard let seg = workspace.document(id, kind: .segment) else {
                    add("Segment", "\(id) (no Segment document has this id)")
                    continue
                }
                add("Segment", seg[.segmentName].string.map { "\($0) (\(id))" } ?? id)
                add("Industries", seg[.industries].strings.joined(separator: ", "))
                add("Regions", seg[.regions].strings.joined(separator: ", "))
                add("Company size", PageText.range(seg[.employeesMin].number, seg[.employeesMax].number, unit: "employees"))
                add("Target list", seg[.accountsEstimated].number.map { "about \(PageText.number($0)) accounts" })
                let tam = seg[.tamAccounts].number, trm = seg[.trmAccounts].number
                if tam != nil || trm != nil {
                    add("Market", [tam.map { "TAM \(PageText.number($0)) accounts" }, trm.map { "TRM \(PageText.number($0)) accounts" }]
                        .compactMap { $0 }.joined(separator: ", ") + (tam.flatMap { t in trm.map { "; TRM is \(PageText.percent($0 / t)) of TAM" } } ?? ""))
                }
            }
            add("Next segments", s[.nextSegments].strings.joined(separator: ", "))
        case .problem:
            add("Problem", s[.problemStatement].string)
            add("Why now", s[.problemWhyNow].string)
            add("Cost of doing nothing", s[.problemCostOfInaction].string)
        case .buyer:
            add("Economic buyer", s[.economicBuyer].string)
            add("Champion", s[.champion].string)
            add("Users", s[.buyerUsers].strings.joined(separator: ", "))
            add("Buying committee", s[.committeeSize].number.map { "\(PageText.number($0)) people decide" })
            add("Buying process", s[.buyingProcess].string.map(PageText.words))
            add("Sales cycle", s[.salesCycleDays].number.map { "\(PageText.number($0)) days" })
        case .positioning:
            add("Category", s[.positioningCategory].string)
            add("Statement", s[.positioningStatement].string)
            for promise in s[.promises].items {
                add("Promise", promise[.promiseClaim].string)
            }
            for alternative in s[.alternatives].items {
                let kind = alternative[.alternativeKind].string.map { " (\(PageText.words($0)))" } ?? ""
                add("Alternative", alternative[.alternativeName].string.map { $0 + kind })
            }
        case .motion:
            add("Primary motion", s[.motionPrimary].string.map(PageText.words))
            add("Beside it", s[.motionSecondary].strings.map(PageText.words).joined(separator: ", "))
            if let repeatable = s[.playbookRepeatable].bool {
                add("Playbook", (repeatable ? "repeatable" : "not yet repeatable") + (s[.playbookEvidence].string.map { ": \($0)" } ?? ""))
            }
            add("Sellers hired", s[.hiringSalesReps].number.map { "\(PageText.number($0)) sales reps" + (s[.hiringPlaybookBased].bool == true ? ", hired to a playbook" : "") })
        case .distribution:
            add("Advantage", s[.distributionAdvantage].string)
            for channel in s[.channels].items {
                let name = channel[.channelName].string ?? channel[.channelID].string ?? "a channel"
                let detail = [channel[.channelKind].string, channel[.channelStage].string].compactMap { $0 }.joined(separator: ", ")
                let evidence = channel[.channelEvidence].string.map { ": \($0)" } ?? ": no evidence that the ICP is there"
                add("Channel", name + (detail.isEmpty ? "" : " (\(detail))") + evidence)
            }
        case .economics:
            add("Pricing", [s[.pricingModel].string.map(PageText.words), s[.pricingQuoteOnly].bool == true ? "quote only" : nil,
                            s[.pricingFreeTier].bool == true ? "with a free tier" : nil].compactMap { $0 }.joined(separator: ", "))
            add("ACV", s.acv.map { PageText.money($0.amount, $0.currency) })
            add("CAC", s[.cacAmount].number.map { PageText.money($0, s[.cacCurrency].string ?? "") })
            add("CAC payback", s[.paybackMonths].number.map { "\(PageText.number($0)) months" })
            add("LTV", s[.ltvAmount].number.map { ltv in
                PageText.money(ltv, s[.ltvCurrency].string ?? "") + (s[.cacAmount].number.flatMap { $0 > 0 ? ", \(PageText.ratio(ltv / $0)) times CAC" : nil } ?? "")
            })
            add("Gross margin", s[.grossMarginPercent].number.map { "\(PageText.number($0)) %" })
            add("Services cost", s[.servicesCostPercent].number.map { "\(PageText.number($0)) % of revenue" })
            add("Seller ramp", s[.rampMonths].number.map { "\(PageText.number($0)) months" })
            add("Onboarding", s[.onboardingDays].number.map { "\(PageText.number($0)) days" + (s[.servicesRequired].bool == true ? ", services required" : "") })
            add("Services model", s[.servicesModel].string.map(PageText.words))
            add("Services", PageText.servicesPricing(s))
        case .sequence:
            for (i, step) in s[.sequence].items.enumerated() {
                let evidence = step[.sequenceEvidence].string.map { "; unlocked by: \($0)" } ?? "; no evidence named to unlock the next step"
                add("Step \(i + 1)", step[.sequenceStep].string.map { $0 + evidence })
            }
        case .exclusions:
            for exclusion in s[.exclusions].items {
                let what = exclusion[.exclusionWhat].string ?? exclusion[.exclusionSegment].string ?? exclusion[.exclusionID].string
                add("We will not chase", what.map { $0 + (exclusion[.exclusionReason].string.map { ", because \(PageText.lowerFirst($0))" } ?? ", with no reason given") })
            }
        case .experiments:
            for experiment in s[.experiments].items {
                var text = experiment[.experimentHypothesis].string ?? experiment[.experimentID].string ?? "an experiment"
                if let metric = experiment[.experimentMetric].string { text += "; measured by \(metric)" }
                if let threshold = experiment[.experimentThreshold].string { text += "; falsified by \(threshold)" }
                add(experiment[.experimentStatus].string.map { PageText.capitalised($0) } ?? "Experiment", text)
            }
        }
        return out
    }

    // MARK: The coherence check

    func row(_ choice: Choice, contradictions: [Finding]) -> StrategyPage.CoherenceRow {
        let written = strategy?[.coherence].items.first { $0[.coherenceChoice].string == choice.rawValue }
        let (answer, evidence) = derived(choice)
        var row = StrategyPage.CoherenceRow(
            choice: choice, answer: answer, written: written?[.coherenceAnswer].string,
            conflict: nil, evidence: evidence + (written?[.coherenceEvidence].string.map { ["written: " + $0] } ?? []),
            contradictions: contradictions)
        if let hand = row.written {
            row.conflict = conflict(choice, hand: hand, contradictions: contradictions, recorded: written?[.coherenceContradiction].isPresent ?? false)
        }
        return row
    }

    /// Why the model contradicts a hand-written answer: it names a motion the strategy does not
    /// run, or gtm finds a contradiction across choices that the row does not record.
    func conflict(_ choice: Choice, hand: String, contradictions: [Finding], recorded: Bool) -> String? {
        if choice == .motion, let s = strategy, let primary = s[.motionPrimary].string {
            let run = Set([primary] + s[.motionSecondary].strings)
            let said = PageText.motions(in: hand)
            if !said.isEmpty, said.isDisjoint(with: run) {
                return "the row says \(said.sorted().map(PageText.words).joined(separator: ", ")), but the strategy's motion is \(PageText.words(primary))"
            }
        }
        let across = contradictions.filter { !$0.related.isEmpty && $0.severity >= .warning }
        if !recorded, !across.isEmpty {
            return "the row records no contradiction, but gtm finds \(across.count == 1 ? "one" : "\(across.count)") between this choice and another"
        }
        return nil
    }

    /// The answer and evidence the model gives for a choice.
    func derived(_ choice: Choice) -> (String?, [String]) {
        guard let s = strategy else { return (nil, []) }
        func join(_ parts: [String?]) -> String? { parts.compactMap { $0 }.joined(separator: "; ").nonEmpty }
        switch choice {
        case .icp:
            let segments = beachheads
            let answer = join(segments.map { seg in
                let name = seg[.segmentName].string ?? seg.id ?? "a segment"
                let size = PageText.range(seg[.employeesMin].number, seg[.employeesMax].number, unit: "employees")
                return name + (size.map { ", \($0)" } ?? "")
            }) ?? s[.beachhead].strings.joined(separator: ", ").nonEmpty
            let evidence = segments.compactMap { seg in seg[.accountsEstimated].number.map { "about \(PageText.number($0)) accounts on the first target list" } }
            return (answer, evidence)
        case .urgentProblem:
            return (s[.problemStatement].string, [s[.problemWhyNow].string.map { "why now: \($0)" }, s[.problemCostOfInaction].string.map { "cost of doing nothing: \($0)" }].compactMap { $0 })
        case .buyer:
            let answer = join([s[.economicBuyer].string.map { "\($0) funds it" }, s[.champion].string.map { "\($0) champions it" },
                               s[.committeeSize].number.map { "a committee of \(PageText.number($0))" }, s[.buyingProcess].string.map { "buys \(PageText.buyingProcess($0))" }])
            return (answer, s[.salesCycleDays].number.map { ["a sales cycle of \(PageText.number($0)) days"] } ?? [])
        case .positioning:
            let alternatives = s[.alternatives].items.compactMap { alt in
                alt[.alternativeName].string.map { $0 + (alt[.alternativeKind].string.map { " (\(PageText.words($0)))" } ?? "") }
            }
            return (s[.positioningStatement].string ?? s[.positioningCategory].string,
                    alternatives.isEmpty ? [] : ["alternatives named: " + alternatives.joined(separator: ", ")])
        case .motion:
            let answer = s[.motionPrimary].string.map { PageText.words($0) + (s[.motionSecondary].strings.isEmpty ? "" : ", beside " + s[.motionSecondary].strings.map(PageText.words).joined(separator: ", ")) }
            var evidence: [String] = []
            if let repeatable = s[.playbookRepeatable].bool { evidence.append("playbook " + (repeatable ? "repeatable" : "not yet repeatable")) }
            if let e = s[.playbookEvidence].string { evidence.append(e) }
            return (answer, evidence)
        case .pricing:
            let answer = join([s[.pricingModel].string.map(PageText.words), s.acv.map { "ACV " + PageText.money($0.amount, $0.currency) },
                               s[.pricingQuoteOnly].bool == true ? "quote only" : nil, s[.pricingFreeTier].bool == true ? "free tier" : nil])
            return (answer, [])
        case .distribution:
            let channels = s[.channels].items
            let answer = join([s[.distributionAdvantage].string, channels.isEmpty ? nil : channels.compactMap { $0[.channelName].string ?? $0[.channelID].string }.joined(separator: ", ")])
            return (answer, channels.compactMap { c in c[.channelEvidence].string })
        case .productDependencies:
            let claims = s[.promises].items.compactMap { $0[.promiseClaim].string }
            var evidence: [String] = []
            for plan in workspace.documents(of: .productPlan) {
                for capability in plan[.capabilities].items {
                    guard let name = capability[.capabilityName].string else { continue }
                    evidence.append(name + (capability[.capabilityStatus].string.map { " (\($0))" } ?? ""))
                }
            }
            return (claims.isEmpty ? nil : claims.joined(separator: "; "), evidence)
        case .servicesModel:
            let answer = join([s[.servicesModel].string.map { "\(PageText.words($0)) services" }, s[.servicesRequired].bool.map { $0 ? "services required to start" : "no services required to start" },
                               PageText.servicesPricing(s).map { "services " + $0 }])
            return (answer, [s[.onboardingDays].number.map { "onboarding takes \(PageText.number($0)) days" },
                             s[.servicesCostPercent].number.map { "services cost \(PageText.number($0)) % of revenue" }].compactMap { $0 })
        case .economics:
            let answer = join([s[.paybackMonths].number.map { "CAC paid back in \(PageText.number($0)) months" },
                               s[.grossMarginPercent].number.map { "\(PageText.number($0)) % gross margin" }])
            var evidence: [String] = []
            if let ltv = s[.ltvAmount].number, let cac = s[.cacAmount].number, cac > 0 { evidence.append("LTV is \(PageText.ratio(ltv / cac)) times CAC") }
            if let cac = s[.cacAmount].number { evidence.append("CAC " + PageText.money(cac, s[.cacCurrency].string ?? "")) }
            return (answer, evidence)
        }
    }

    // MARK: MOVE and metrics

    var move: [StrategyPage.MoveRow] {
        guard let s = strategy else {
            return [("Market", "Who should we market to?"), ("Operate", "What do we need to operate effectively?"), ("Scale", "When can we scale?"), ("Grow", "Where can we grow the most?")]
                .map { StrategyPage.MoveRow(letter: $0.0, question: $0.1, answer: nil) }
        }
        let market = beachheads.map { $0[.segmentName].string ?? $0.id ?? "" }.joined(separator: ", ").nonEmpty ?? s[.beachhead].strings.joined(separator: ", ").nonEmpty
        let operate = s[.revopsReportsTo].string.map { "RevOps reports to the \(PageText.role($0))" } ?? (s[.revops].isPresent ? "RevOps is named" : nil)
        let steps = s[.sequence].items.filter { $0[.sequenceEvidence].isPresent }
        let scale = steps.isEmpty ? nil : "\(steps.count) step\(steps.count == 1 ? "" : "s") of the sequence, each unlocked by evidence"
        let grow = [s[.growthExpansion].string.map { "expansion: \($0)" }, s[.growthRetention].string.map { "retention: \($0)" },
                    s[.nextSegments].strings.isEmpty ? nil : "next: " + s[.nextSegments].strings.joined(separator: ", ")].compactMap { $0 }.joined(separator: "; ").nonEmpty
        return [
            .init(letter: "Market", question: "Who should we market to? (a beachhead)", answer: market),
            .init(letter: "Operate", question: "What do we need to operate effectively? (revenue architecture with RevOps)", answer: operate),
            .init(letter: "Scale", question: "When can we scale? (a sequence with evidence)", answer: scale),
            .init(letter: "Grow", question: "Where can we grow the most? (expansion, retention, next segments)", answer: grow),
        ]
    }

    static let ceoMetrics: [(String, String)] = [
        ("arr", "ARR"), ("acv", "ACV"), ("grr", "Gross revenue retention"), ("nrr", "Net revenue retention"), ("category-growth", "Category growth"),
    ]

    var metrics: [StrategyPage.MetricRow] {
        let items = strategy?[.metrics].items ?? []
        func row(_ item: NodeRef, ceo: Bool, fallback: String) -> StrategyPage.MetricRow {
            let name = item[.metricName].string ?? fallback
            let target = item[.metricTarget].number.map { value in
                let unit = item[.metricUnit].string
                return unit == "percent" ? "\(PageText.number(value)) %" : PageText.number(value) + (unit.map { " \($0)" } ?? "")
            }
            return .init(name: name, label: item[.metricLabel].string ?? fallback, stage: item[.metricStage].string, target: target, present: true, ceo: ceo)
        }
        var rows: [StrategyPage.MetricRow] = []
        for (name, label) in Self.ceoMetrics {
            if let item = items.first(where: { $0[.metricName].string == name }) {
                rows.append(row(item, ceo: true, fallback: label))
            } else {
                rows.append(.init(name: name, label: label, stage: nil, target: nil, present: false, ceo: true))
            }
        }
        let ceo = Set(Self.ceoMetrics.map(\.0))
        for item in items where !ceo.contains(item[.metricName].string ?? "") {
            rows.append(row(item, ceo: false, fallback: item[.metricName].string ?? "a metric"))
        }
        return rows
    }
}

/// How the page words numbers and enum values.
enum PageText {
    /// `120000` → `120,000`; `7.25` → `7.25`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return Figures.grouped(Int(value)) }
        return String((value * 100).rounded() / 100)
    }

    /// An axis label: `1,200`, `120k`, `1.5M`.
    static func compact(_ value: Double) -> String {
        if abs(value) >= 1_000_000 { return number((value / 100_000).rounded() / 10) + "M" }
        if abs(value) >= 100_000 { return number((value / 1000).rounded()) + "k" }
        return number(value)
    }

    static func money(_ amount: Double, _ currency: String) -> String {
        number(amount) + (currency.isEmpty ? "" : " " + currency)
    }

    static func ratio(_ value: Double) -> String { number((value * 10).rounded() / 10) }

    static func percent(_ share: Double) -> String { number((share * 1000).rounded() / 10) + " %" }

    static func range(_ low: Double?, _ high: Double?, unit: String) -> String? {
        switch (low, high) {
        case let (l?, h?): "\(number(l))–\(number(h)) \(unit)"
        case let (l?, nil): "\(number(l)) \(unit) or more"
        case let (nil, h?): "up to \(number(h)) \(unit)"
        default: nil
        }
    }

    /// `product-market-fit` → `product-market fit`, `procurement-led` stays, `do-nothing` → `doing nothing`.
    static func words(_ value: String) -> String {
        switch value {
        case "problem-solution-fit": "problem-solution fit"
        case "product-market-fit": "product-market fit"
        case "gtm-fit": "GTM fit"
        case "do-nothing": "doing nothing"
        case "status-quo": "status quo"
        case "in-house": "built in-house"
        case "ceo": "CEO"
        case "cro": "CRO"
        case "cmo": "CMO"
        case "revops": "RevOps"
        case "vp-sales": "VP of sales"
        default: value.contains("-led") || value.contains("self-serve") ? value : value.replacing("-", with: " ")
        }
    }

    static func role(_ value: String) -> String {
        switch value {
        case "ceo", "cfo", "coo", "cro", "cmo": value.uppercased()
        default: words(value)
        }
    }

    static func buyingProcess(_ value: String) -> String {
        switch value {
        case "procurement-led": "through procurement"
        case "self-serve": "alone with a card"
        case "team-purchase": "as a team"
        case "sales-assisted": "with a salesperson"
        default: words(value)
        }
    }

    /// How implementation services are sold: "given away", "sold at cost", "sold with a margin".
    static func servicesPricing(_ s: GTMDocument) -> String? {
        if s[.servicesPaid].bool == false { return "given away" }
        switch s[.servicesPricing].string {
        case "free": return "given away"
        case "at-cost": return "sold at cost"
        case "with-margin": return "sold with a margin"
        default: return s[.servicesPaid].bool == true ? "paid by customers" : nil
        }
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func lowerFirst(_ s: String) -> String {
        guard let first = s.first, first.isUppercase, !(s.dropFirst().first?.isUppercase ?? false) else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// The motions a hand-written answer names, as the schema spells them.
    static func motions(in text: String) -> Set<String> {
        let flat = " " + String(text.lowercased().map { $0.isLetter ? $0 : " " }) + " "
        let words: [(String, String)] = [
            (" founder led ", "founder-led"), (" sales led ", "inside-sales"), (" sales led ", "field-sales"),
            (" inside sales ", "inside-sales"), (" field sales ", "field-sales"), (" enterprise sales ", "field-sales"),
            (" sales assisted ", "sales-assisted"), (" product led ", "product-led"), (" plg ", "product-led"),
            (" self serve ", "self-serve"), (" partner led ", "partner-led"), (" hybrid ", "hybrid"),
        ]
        return Set(words.filter { flat.contains($0.0) }.map(\.1))
    }
}

extension String {
    var nonEmpty: String? { trimmingSpaces.isEmpty ? nil : self }
}
