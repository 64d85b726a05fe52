import GTMCore
import GTMModel
import GTMRules
import Synchronization
import Testing

/// The rule engine gives a rule the findings it gave on the state before when the rule read
/// nothing that changed. These tests hold it to a fresh engine over strategies that change one
/// document at a time, and show that it does not ask a rule again when it need not, and does
/// when the rule read what changed.
// One test at a time: they count the rules' runs in one shared table, which each resets.
@Suite("Findings kept between states", .serialized)
struct RuleMemoTests {
    static let configured = RuleConfiguration.read(nil, path: ".gtm.yaml").0

    /// An engine that keeps its rules' findings from one state to the next, as history
    /// replays make it.
    static func remembering(_ rules: [ConfiguredRule]) -> RuleEngine {
        var engine = RuleEngine(rules: rules, today: CompanyStrategyTests.today)
        engine.remembers = true
        return engine
    }

    /// The companies of `CompanyStrategyTests`, each with its variants: the documents a variant
    /// leaves as they were are the very documents of the company (as a history replay reuses a
    /// file no commit touched), the others are parsed anew.
    static var histories: [(name: String, states: [[GTMDocument]])] {
        var byCompany: [String: [CompanyStrategyTests.Case]] = [:]
        var order: [String] = []
        for c in CompanyStrategyTests.cases {
            let company = String(c.name.prefix { $0 != ":" })
            if byCompany[company] == nil { order.append(company) }
            byCompany[company, default: []].append(c)
        }
        return order.map { company in
            let cases = byCompany[company]!
            let base = try! ExampleRunner.documents(cases[0].text)
            var states = [base]
            for variant in cases.dropFirst() {
                let parsed = try! ExampleRunner.documents(variant.text)
                let shared = parsed.map { doc in base.first { $0.index == doc.index && $0 == doc } ?? doc }
                // There and back: the variant, the company again, the variant again.
                states += [shared, base, shared]
            }
            return (company, states)
        }
    }

    @Test func sameFindingsAsAFreshEngine() {
        for (name, states) in Self.histories {
            let remembering = Self.remembering(Self.configured)
            for (i, documents) in states.enumerated() {
                let workspace = Workspace(documents: documents)
                let fresh = RuleEngine(rules: Self.configured, today: CompanyStrategyTests.today).check(workspace)
                #expect(remembering.check(workspace) == fresh, "\(name), state \(i)")
            }
        }
    }

    /// Copies of an engine share what it remembers, by each rule's place in the list: a copy
    /// that lists the rules in another order, or fewer of them, must not be given another
    /// rule's findings.
    @Test func copiesListingOtherRulesShareNoFindings() {
        for (name, states) in Self.histories {
            let remembering = Self.remembering(Self.configured)
            var reversed = remembering
            reversed.rules = remembering.rules.reversed()
            var fewer = remembering
            fewer.rules = remembering.rules.enumerated().filter { $0.offset % 3 != 1 }.map(\.element)
            for (i, documents) in states.enumerated() {
                let workspace = Workspace(documents: documents)
                for engine in [remembering, reversed, fewer] {
                    let fresh = RuleEngine(rules: engine.rules, today: CompanyStrategyTests.today).check(workspace)
                    #expect(engine.check(workspace) == fresh, "\(name), state \(i), \(engine.rules.count) rules")
                }
            }
        }
    }

    /// The company with its first segment edited by `edit`: that segment parsed anew, every
    /// other document the company's own.
    static func editedSegment(_ company: [GTMDocument], _ edit: (String) -> String) throws -> [GTMDocument] {
        let segmentIndex = try #require(company.firstIndex { $0.kind == .segment })
        let changed = try ExampleRunner.documents(edit(CompanyStrategyTests.tallyworks))
        #expect(!changed[segmentIndex].isSameDocument(as: company[segmentIndex]))
        var next = company
        next[segmentIndex] = changed[segmentIndex]
        return next
    }

    @Test func asksARuleAgainOnlyWhenWhatItReadChanged() throws {
        let company = try ExampleRunner.documents(CompanyStrategyTests.tallyworks)
        // The segment reader reads each segment's name: a committee size edited below it is not
        // what it read; a new name is, and so is a line added above it (the finding would move).
        let committee = try Self.editedSegment(company) { $0.replacing("buyers: {committeeSize: 3,", with: "buyers: {committeeSize: 4,") }
        let renamed = try Self.editedSegment(company) {
            $0.replacing("name: Finance teams of mid-market software companies", with: "name: Finance teams of mid-sized software companies")
        }
        let moved = try Self.editedSegment(company) {
            $0.replacing("id: midmarket-finance-teams\n", with: "id: midmarket-finance-teams\ndescription: The finance team\n")
        }

        let rules = RuleConfiguration.read(nil, path: ".gtm.yaml", catalog: [StrategyReader.self, SegmentReader.self]).0
        let states = [(renamed, 2), (moved, 3), (committee, 3)]
        let fresh = states.map { RuleEngine(rules: rules, today: CompanyStrategyTests.today).check(Workspace(documents: $0.0)) }
        let engine = Self.remembering(rules)
        Calls.reset()
        _ = engine.check(Workspace(documents: company))
        _ = engine.check(Workspace(documents: committee))
        #expect(Calls.count(StrategyReader.description.id) == 1)
        #expect(Calls.count(SegmentReader.description.id) == 1)
        for ((state, asked), expected) in zip(states, fresh) {
            #expect(engine.check(Workspace(documents: state)) == expected)
            #expect(Calls.count(SegmentReader.description.id) == asked)
        }
        #expect(Calls.count(StrategyReader.description.id) == 1)

        // Today is read by the strategy reader: another day asks it again.
        var later = engine
        later.today = CalendarDate(day: CompanyStrategyTests.today.day + 1)
        _ = later.check(Workspace(documents: committee))
        #expect(Calls.count(StrategyReader.description.id) == 2)
        #expect(Calls.count(SegmentReader.description.id) == 3)
    }
}

extension RuleMemoTests {
    /// Histories of small random edits to each company, every state parsed anew (so no
    /// document is the same object as before): numbers changed, words added, comment lines
    /// inserted (which move every line below them) and removed. A rule's kept findings must be
    /// those a fresh engine gives, to the line and column.
    @Test(arguments: 0..<4)
    func randomEditsGiveTheFindingsOfAFreshEngine(seed: UInt64) {
        var random = SplitMix(seed: seed)
        // Every variant: the coherent companies give no findings, their variants one or more.
        for c in CompanyStrategyTests.cases {
            let remembering = Self.remembering(Self.configured)
            var lines = c.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for step in 0..<24 {
                let i = Int(random.next() % UInt64(lines.count))
                switch random.next() % 4 {
                case 0:
                    lines.insert("# note \(step)", at: i)
                case 1:
                    if let notes = lines.indices.filter({ lines[$0].hasPrefix("# note") }).randomElement(using: &random) {
                        lines.remove(at: notes)
                    }
                case 2:
                    // The first number on the line, changed.
                    guard !lines[i].contains("apiVersion"), let digit = lines[i].firstIndex(where: \.isNumber) else { continue }
                    let end = lines[i][digit...].firstIndex { !$0.isNumber } ?? lines[i].endIndex
                    let value = Int(lines[i][digit..<end]) ?? 0
                    lines[i].replaceSubrange(digit..<end, with: String(value + Int(random.next() % 7) + 1))
                default:
                    guard lines[i].contains(": "), let last = lines[i].last, last.isLetter,
                          !["id:", "kind:", "strategy:", "beachhead:", "segment:", "stage:", "primary:"].contains(where: { lines[i].contains($0) })
                    else { continue }
                    lines[i] += " now"
                }
                guard let documents = try? ExampleRunner.documents(lines.joined(separator: "\n")) else { continue }
                let workspace = Workspace(documents: documents)
                let fresh = RuleEngine(rules: Self.configured, today: CompanyStrategyTests.today).check(workspace)
                #expect(remembering.check(workspace) == fresh, "\(c.name), seed \(seed), step \(step)")
            }
        }
    }
}

extension RuleMemoTests {
    /// A finding about a value that is absent is placed where its nearest parent starts: when
    /// that parent moves, the rule is asked again even though the value is still absent.
    @Test func anAbsentValueIsPlacedWhereItsParentIsNow() throws {
        // No segment has an estimate: each finding is placed where its segment starts.
        let withoutEstimate = CompanyStrategyTests.tallyworks.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("accounts:") }.joined(separator: "\n")
        #expect(withoutEstimate != CompanyStrategyTests.tallyworks)
        let before = try ExampleRunner.documents(withoutEstimate)
        let after = try ExampleRunner.documents("# a comment above everything\n" + withoutEstimate)
        let rules = RuleConfiguration.read(nil, path: ".gtm.yaml", catalog: [AbsentEstimateReader.self]).0
        let fresh = RuleEngine(rules: rules, today: CompanyStrategyTests.today).check(Workspace(documents: after))
        let engine = Self.remembering(rules)
        Calls.reset()
        let first = engine.check(Workspace(documents: before))
        #expect(first.count == before.filter { $0.kind == .segment }.count)
        #expect(engine.check(Workspace(documents: after)) == fresh)
        #expect(Calls.count(AbsentEstimateReader.description.id) == 2)
    }
}

/// Reads each segment's account estimate, and says where one is missing.
struct AbsentEstimateReader: Rule {
    static let description = RuleDescription(
        id: "TEST5", name: "absent-estimate-reader", severity: .warning, summary: "Reads account estimates.",
        rationale: "A test rule.", seeds: [], passing: [], failing: [])

    func check(_ context: RuleContext) -> [Finding] {
        Calls.add(Self.description.id)
        return context.workspace.documents(of: .segment).compactMap { segment in
            let estimate = segment[.accountsEstimated]
            return estimate.exists ? nil : context.finding("no estimate", at: estimate)
        }
    }
}

/// A small seeded generator (SplitMix64), so that a failing history can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RuleMemoTests {
    /// A check of one state keeps nothing: only replays of history ask the engine to remember.
    @Test func anEngineRemembersOnlyWhenAsked() throws {
        let company = Workspace(documents: try ExampleRunner.documents(CompanyStrategyTests.tallyworks))
        let rules = RuleConfiguration.read(nil, path: ".gtm.yaml", catalog: [StrategyReader.self]).0
        let plain = RuleEngine(rules: rules, today: CompanyStrategyTests.today)
        Calls.reset()
        #expect(plain.check(company) == plain.check(company))
        #expect(Calls.count(StrategyReader.description.id) == 2)
        let remembering = Self.remembering(rules)
        #expect(remembering.check(company) == plain.check(company))
        #expect(remembering.check(company) == plain.check(company))
        #expect(Calls.count(StrategyReader.description.id) == 5)
    }
}

extension RuleMemoTests {
    /// A rule that reads the whole table of change dates depends on all of it; one that asks
    /// git's history itself is asked at every state.
    @Test func changeDatesAndHistoryReadDirectly() throws {
        let company = Workspace(documents: try ExampleRunner.documents(CompanyStrategyTests.tallyworks))
        let rules = RuleConfiguration.read(nil, path: ".gtm.yaml", catalog: [TableReader.self, HistoryAsker.self]).0
        var engine = Self.remembering(rules)
        engine.history = NoHistory()
        let day = CompanyStrategyTests.today
        engine.lastChanged = ["example.yaml": day]
        Calls.reset()
        _ = engine.check(company)
        _ = engine.check(company)
        #expect(Calls.count(TableReader.description.id) == 1)
        #expect(Calls.count(HistoryAsker.description.id) == 2)
        engine.lastChanged = ["example.yaml": CalendarDate(day: day.day - 3)]
        _ = engine.check(company)
        #expect(Calls.count(TableReader.description.id) == 2)
    }
}

struct NoHistory: ChangeHistory {
    func lastChange(of path: String, notBefore: CalendarDate) -> CalendarDate? { nil }
}

/// Reads the whole table of change dates.
struct TableReader: Rule {
    static let description = RuleDescription(
        id: "TEST3", name: "table-reader", severity: .warning, summary: "Reads the change dates.",
        rationale: "A test rule.", seeds: [], passing: [], failing: [])

    func check(_ context: RuleContext) -> [Finding] {
        Calls.add(Self.description.id)
        guard let strategy = context.strategy, !context.lastChanged.isEmpty else { return [] }
        return [context.finding("changed", at: strategy[.stage])]
    }
}

/// Asks git's history itself.
struct HistoryAsker: Rule {
    static let description = RuleDescription(
        id: "TEST4", name: "history-asker", severity: .warning, summary: "Asks the history.",
        rationale: "A test rule.", seeds: [], passing: [], failing: [])

    func check(_ context: RuleContext) -> [Finding] {
        Calls.add(Self.description.id)
        _ = context.history?.lastChange(of: "example.yaml", notBefore: CalendarDate(day: 0))
        return []
    }
}

/// How often each test rule was asked.
enum Calls {
    static let counts = Mutex<[String: Int]>([:])
    static func reset() { counts.withLock { $0 = [:] } }
    static func count(_ id: String) -> Int { counts.withLock { $0[id] ?? 0 } }
    static func add(_ id: String) { counts.withLock { $0[id, default: 0] += 1 } }
}

/// Reads the strategy and today's date only.
struct StrategyReader: Rule {
    static let description = RuleDescription(
        id: "TEST1", name: "strategy-reader", severity: .warning, summary: "Reads the strategy.",
        rationale: "A test rule.", seeds: [], passing: [], failing: [])

    func check(_ context: RuleContext) -> [Finding] {
        Calls.add(Self.description.id)
        guard let strategy = context.strategy, context.today.day > 0 else { return [] }
        return [context.finding("the strategy is here", at: strategy[.stage])]
    }
}

/// Reads every segment.
struct SegmentReader: Rule {
    static let description = RuleDescription(
        id: "TEST2", name: "segment-reader", severity: .warning, summary: "Reads the segments.",
        rationale: "A test rule.", seeds: [], passing: [], failing: [])

    func check(_ context: RuleContext) -> [Finding] {
        Calls.add(Self.description.id)
        return context.workspace.documents(of: .segment).map { context.finding("a segment", at: $0[.segmentName]) }
    }
}
