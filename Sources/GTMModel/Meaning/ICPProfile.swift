import GTMCore
import YAMLSource

/// How far a change moves a set of accounts: the words a reviewer uses.
public enum Scope: String, Sendable, Hashable {
    /// The same accounts.
    case same
    /// Fewer accounts: every new one was in before.
    case narrowed
    /// More accounts: every old one is still in.
    case broadened
    /// Partly the same accounts, partly others.
    case shifted
    /// Other accounts altogether: nothing in common.
    case retargeted

    /// Several dimensions of one change, read together.
    /// Any re-targeting re-targets; one way of moving is that way; several ways shift. (Without
    /// a `Set`: a scope hashes as its text, and every version of a history is compared.)
    static func combine<S: Sequence<Scope>>(_ scopes: S) -> Scope {
        var moved: Scope?
        var several = false
        for scope in scopes where scope != .same {
            if scope == .retargeted { return .retargeted }
            if let first = moved { several = several || first != scope } else { moved = scope }
        }
        guard let moved else { return .same }
        return several ? .shifted : moved
    }
}

/// The ICP a Segment describes, read as sets and ranges so that two versions are compared by
/// meaning: regions by containment, industries and technologies as sets, sizes by overlap.
/// A criterion left out admits every account.
public struct ICPProfile: Sendable, Hashable {
    /// Places, and region names gtm does not know (compared as text).
    public var regions: Set<Regions.Place>? { fields.regions }
    public var industries: Set<String>? { fields.industries.map(Set.init) }
    public var technologies: Set<String>? { fields.technologies.map(Set.init) }
    public var employees: Interval? { fields.employees }
    public var revenue: Interval? { fields.revenue }
    public var accounts: Double? { fields.accounts }
    /// The texts as written, for sentences.
    var regionTexts: [String] { fields.regionTexts }
    var industryTexts: [String] { fields.industryTexts }

    /// What a profile holds, read once and never changed, behind one reference: a history
    /// copies each profile into its comparison, the change that carries it and the log entry,
    /// and a copy of the fields themselves counted five references each time.
    ///
    /// Industries and technologies are kept sorted, each once: lists of two or three values
    /// compare and hash for less than sets made for every version of a history.
    private final class Fields: Sendable, Hashable {
        let regions: Set<Regions.Place>?
        let industries: [String]?
        let technologies: [String]?
        let employees: Interval?
        let revenue: Interval?
        let accounts: Double?
        let regionTexts: [String]
        let industryTexts: [String]

        init(regions: Set<Regions.Place>?, industries: [String]?, technologies: [String]?, employees: Interval?,
             revenue: Interval?, accounts: Double?, regionTexts: [String], industryTexts: [String]) {
            self.regions = regions
            self.industries = industries
            self.technologies = technologies
            self.employees = employees
            self.revenue = revenue
            self.accounts = accounts
            self.regionTexts = regionTexts
            self.industryTexts = industryTexts
        }

        static func == (a: Fields, b: Fields) -> Bool {
            a === b || (a.regions == b.regions && a.industries == b.industries && a.technologies == b.technologies
                        && a.employees == b.employees && a.revenue == b.revenue && a.accounts == b.accounts
                        && a.regionTexts == b.regionTexts && a.industryTexts == b.industryTexts)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(regions)
            hasher.combine(industries)
            hasher.combine(technologies)
            hasher.combine(employees)
            hasher.combine(revenue)
            hasher.combine(accounts)
            hasher.combine(regionTexts)
            hasher.combine(industryTexts)
        }
    }

    private let fields: Fields

    public struct Interval: Sendable, Hashable {
        public var min: Double
        public var max: Double

        func compare(to new: Interval) -> Scope {
            if new == self { return .same }
            if new.min <= min && new.max >= max { return .broadened }
            if new.min >= min && new.max <= max { return .narrowed }
            if new.max < min || new.min > max { return .retargeted }
            return .shifted
        }

        /// Moved toward larger values without reaching further down.
        func movesUp(to new: Interval) -> Bool {
            let scope = compare(to: new)
            return new.min >= min && (new.min > min || new.max > max) && scope != .broadened && scope != .narrowed
        }
    }

    public init(_ segment: GTMDocument) {
        self = segment.memo.profile { ICPProfile(reading: segment) }
    }

    /// The fields read, as rules' reads are recorded (everything under each).
    static let fieldsRead: [Field] = [.regions, .industries, .technologiesUsed, .employees, .annualRevenue, .accountsEstimated]

    /// Read from the document's nodes, each mapping found once (the fields' places, made one by
    /// one from the root, cost more than the rest of the profile): a history reads the profile
    /// of every version of the segment.
    init(reading segment: GTMDocument) {
        if let reads = segment.reads { for field in Self.fieldsRead { reads.read(field.pointer, of: segment) } }
        // The fields' keys as `SegmentFields` names them, looked up as written here (no path
        // of strings walked per field): a history reads the profile of every version of the
        // segment. `MeaningTests.theProfileReadsTheFieldsItNames` holds the two together.
        let root = segment.tree
        let firmographic = root.child("firmographic")
        let regions = firmographic?.child("regions")
        let industries = firmographic?.child("industries")
        let technologies = root.child("technographic")?.child("uses")
        let employees = firmographic?.child("employees")
        let revenue = firmographic?.child("annualRevenue")
        let regionTexts = regions?.strings ?? []
        let industryTexts = industries?.strings ?? []
        fields = Fields(
            regions: regions == nil ? nil : Set(regionTexts.flatMap { Regions.places($0) ?? [Regions.Place(code: "?" + Regions.normalise($0))] }),
            industries: industries == nil ? nil : Self.sortedOnce(industryTexts.map(Regions.normalise)),
            technologies: technologies.map { Self.sortedOnce($0.strings.map(Regions.normalise)) },
            employees: Self.interval(employees?.child("min")?.number, employees?.child("max")?.number, present: employees != nil),
            revenue: Self.interval(revenue?.child("min")?.child("amount")?.number, revenue?.child("max")?.child("amount")?.number,
                                   present: revenue != nil),
            accounts: root.child("accounts")?.child("estimated")?.number,
            regionTexts: regionTexts, industryTexts: industryTexts)
    }

    /// Values sorted, each kept once: a set as a short sorted list.
    static func sortedOnce(_ values: [String]) -> [String] {
        guard values.count > 1 else { return values }
        var sorted = values.sorted()
        var kept = 1
        for i in 1..<sorted.count where sorted[i] != sorted[kept - 1] {
            sorted.swapAt(kept, i)
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    static func interval(_ min: Double?, _ max: Double?, present: Bool) -> Interval? {
        guard present, min != nil || max != nil else { return nil }
        return Interval(min: min ?? 0, max: max ?? .infinity)
    }

    /// Regions by containment: a place inside one of the other list's places is covered.
    static func compareRegions(_ old: Set<Regions.Place>?, _ new: Set<Regions.Place>?) -> Scope {
        switch (old, new) {
        case (nil, nil): return .same
        case (nil, _): return .narrowed
        case (_, nil): return .broadened
        case (let old?, let new?):
            if old == new { return .same }
            return compareCovering(old, new) { p, set in set.contains { Regions.place(p, isInside: $0) } }
        }
    }

    /// Two sets whose members may cover one another (a country its states, "banks" the
    /// "regional banks"): broadened when the new set covers the old, narrowed the reverse.
    static func compareCovering<C: Collection>(_ old: C, _ new: C, covered: (C.Element, C) -> Bool) -> Scope {
        let oldInNew = old.allSatisfy { covered($0, new) }
        let newInOld = new.allSatisfy { covered($0, old) }
        switch (oldInNew, newInOld) {
        case (true, true): return .same
        case (true, false): return .broadened
        case (false, true): return .narrowed
        case (false, false):
            let overlap = old.contains { covered($0, new) } || new.contains { covered($0, old) }
            return overlap ? .shifted : .retargeted
        }
    }

    /// A list of admitted values: more values admit more accounts. A value is covered by a
    /// broader one whose words it contains ("regional banks" by "banks").
    static func compareAdmitted(_ old: [String]?, _ new: [String]?) -> Scope {
        switch (old, new) {
        case (nil, nil): return .same
        case (nil, _): return .narrowed
        case (_, nil): return .broadened
        case (let old?, let new?):
            if old == new { return .same }
            // Words are split once per value: history replays compare thousands of versions.
            func words(_ s: String) -> Set<Substring> {
                Set(s.split(separator: " ").map { $0.hasSuffix("s") && $0.count > 3 ? $0.dropLast() : $0 })
            }
            let oldWords = Dictionary(uniqueKeysWithValues: old.map { ($0, words($0)) })
            let newWords = Dictionary(uniqueKeysWithValues: new.map { ($0, words($0)) })
            return compareCovering(old, new) { value, set in
                let mine = oldWords[value] ?? newWords[value] ?? words(value)
                let others = set == old ? oldWords : newWords
                return set.contains { others[$0]?.isSubset(of: mine) ?? false }
            }
        }
    }

    static func compareIntervals(_ old: Interval?, _ new: Interval?) -> Scope {
        switch (old, new) {
        case (nil, nil): return .same
        case (nil, _): return .narrowed
        case (_, nil): return .broadened
        case (let old?, let new?): return old.compare(to: new)
        }
    }

    /// How the ICP moved from this profile to another, dimension by dimension and as a whole.
    public func compare(to new: ICPProfile) -> ICPComparison {
        // Only the dimensions that moved are kept, in this order: a history compares every
        // version with the one before, and lists of all of them, mapped and filtered, were
        // most of the comparison's cost.
        var moved: [ICPComparison.Dimension] = []
        func keep(_ name: String, _ scope: Scope) {
            if scope != .same { moved.append(ICPComparison.Dimension(name: name, scope: scope)) }
        }
        keep("regions", Self.compareRegions(regions, new.regions))
        keep("industries", Self.compareAdmitted(fields.industries, new.fields.industries))
        // Technologies the accounts must use: more of them is a narrower ICP.
        keep("technologies", Self.compareAdmitted(new.fields.technologies, fields.technologies))
        keep("employees", Self.compareIntervals(employees, new.employees))
        keep("annual revenue", Self.compareIntervals(revenue, new.revenue))
        // The estimate says how many accounts the criteria admit: criteria narrowed while
        // the estimate grew is a shift, not a narrowing.
        if let a = accounts, let b = new.accounts, a != b {
            keep("accounts", b > a ? .broadened : .narrowed)
        }
        let scope = Scope.combine(moved.lazy.map(\.scope))
        func movesUp(_ old: Interval?, _ new: Interval?) -> Bool {
            guard let old, let new else { return false }
            return old.movesUp(to: new)
        }
        let larger = movesUp(employees, new.employees) || movesUp(revenue, new.revenue)
        return ICPComparison(scope: scope, towardLarger: larger && scope != .same, dimensions: moved, before: self, after: new)
    }
}

/// Two versions of an ICP compared by meaning.
public struct ICPComparison: Sendable, Hashable {
    public struct Dimension: Sendable, Hashable {
        public var name: String
        public var scope: Scope
    }

    public var scope: Scope
    /// Shifted or re-targeted toward larger companies: a move upmarket.
    public var towardLarger: Bool
    public var dimensions: [Dimension]
    public var before: ICPProfile
    public var after: ICPProfile

    /// One sentence a reviewer reads in one breath: "the ICP went from 600 accounts, regional
    /// banks in 5 US states, to 4,000 accounts, banks and credit unions in the United States
    /// and Mexico (broadened)".
    public var sentence: String {
        var text = TextBytes(capacity: 160)
        sentence(into: &text)
        return text.string
    }

    /// The sentence appended to `text`: a history puts thousands of these into words.
    public func sentence(into text: inout TextBytes) {
        let shown = ICPProfile.Shown(dimensions.map(\.name))
        text.append("the ICP went from ")
        before.describe(shown, into: &text)
        text.append(" to ")
        after.describe(shown, into: &text)
        text.append(" (")
        text.append(scope.rawValue)
        if towardLarger { text.append(", toward larger companies") }
        text.append(")")
    }
}

extension ICPProfile: CustomStringConvertible {
    /// "600 accounts, regional banks of 50–500 employees in 5 US states".
    public var description: String { describe(Shown(["accounts", "industries", "employees", "annual revenue", "regions"])) }

    /// The dimensions a sentence names (by `ICPComparison.Dimension.name`), read once.
    struct Shown {
        var accounts = false, industries = false, employees = false, revenue = false, regions = false
        /// How many dimensions are named, other names included.
        var count = 0

        init(_ names: [String]) {
            for (i, name) in names.enumerated() where !names[..<i].contains(name) {
                switch name {
                case "accounts": accounts = true
                case "industries": industries = true
                case "employees": employees = true
                case "annual revenue": revenue = true
                case "regions": regions = true
                default: break
                }
                count += 1
            }
        }
    }

    /// The profile in words, saying only the dimensions named (those a change moved), so that
    /// a sentence about a change says what changed and nothing else.
    func describe(_ shown: Shown) -> String {
        var text = TextBytes()
        describe(shown, into: &text)
        return text.string
    }

    /// `describe`, appended to `text`, the parts a space apart.
    func describe(_ shown: Shown, into text: inout TextBytes) {
        let start = text.count
        var started = false
        func space() {
            if started { text.append(" ") }
            started = true
        }
        let only = shown.accounts && shown.count == 1
        if let accounts, shown.accounts || shown.count > 1 {
            space()
            Self.count(accounts, into: &text)
            text.append(only ? " accounts" : " accounts,")
        }
        if !only {
            space()
            if industryTexts.isEmpty || !shown.industries { text.append("companies") } else { text.append(Self.list(industryTexts)) }
            if let employees, shown.employees {
                space()
                text.append("of ")
                Self.range(employees, into: &text)
                text.append(" employees")
            }
            if let revenue, shown.revenue {
                space()
                text.append("with ")
                Self.range(revenue, into: &text)
                text.append(" in revenue")
            }
            if let regions, !regions.isEmpty, shown.regions {
                space()
                text.append("in ")
                text.append(Self.regionPhrase(regions, texts: regionTexts))
            }
        }
        if text.count > start, text.last == UInt8(ascii: ",") { text.removeLast() }
    }

    static func count(_ value: Double, into text: inout TextBytes) {
        guard value.isFinite, abs(value) < 1e15 else { return text.append("\(value)") }
        text.append(grouped: Int(value.rounded()))
    }

    static func range(_ r: Interval, into text: inout TextBytes) {
        if r.max == .infinity {
            count(r.min, into: &text)
            text.append("+")
        } else if r.min == 0 {
            text.append("up to ")
            count(r.max, into: &text)
        } else {
            count(r.min, into: &text)
            text.append("–")
            count(r.max, into: &text)
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + " and " + items[1]
        case 3: return items[0] + ", " + items[1] + " and " + items[2]
        default: return items[0] + ", " + items[1] + " and \(items.count - 2) more"
        }
    }

    /// "5 US states", "the United States and Mexico", "Germany, Austria and Switzerland".
    static func regionPhrase(_ places: Set<Regions.Place>, texts: [String]) -> String {
        let known = places.filter { !$0.code.hasPrefix("?") }
        if known.count == places.count, known.count > 3, known.allSatisfy(\.isSubdivision), Set(known.map(\.country)).count == 1 {
            let country = known.first!.country
            return "\(known.count) \(country == "US" ? "US states" : (Regions.countries[country] ?? country) + " regions")"
        }
        if places.count > 4 { return "\(texts.count == 1 ? texts[0] : "\(places.count) countries and regions")" }
        return list(texts)
    }
}
