import GTMCore

/// A band of company sizes in employees, as people write it in an exclusion: `5000+`,
/// `5,000+`, `1-10`, `1000–5000`, `<50`, `>1000`, `≤200`, `under 50`, `10k+`, `50 or fewer
/// employees`. Bounds are whole employees, both inclusive; `upper` is nil for an open band.
/// Text that is none of these is not a band: the rules refuse to guess what it means.
struct CompanySizeBand: Equatable, CustomStringConvertible {
    var lower: Double
    var upper: Double?

    init(lower: Double, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    init?(_ text: String) {
        var s = Substring(text.lowercased()).trimmingWhitespace
        for unit in Self.units where s.hasSuffix(unit) {
            s = s.dropLast(unit.count).trimmingWhitespace
            break
        }
        guard !s.isEmpty else { return nil }
        // A bound before the number: `<50`, `at least 200`.
        let before: [(String, Bound)] = [
            ("<=", .atMost), ("=<", .atMost), ("≤", .atMost), (">=", .atLeast), ("=>", .atLeast), ("≥", .atLeast),
            ("<", .below), (">", .above),
            ("fewer than ", .below), ("less than ", .below), ("under ", .below), ("below ", .below),
            ("more than ", .above), ("over ", .above), ("above ", .above),
            ("at least ", .atLeast), ("up to ", .atMost), ("at most ", .atMost),
        ]
        for (word, bound) in before where s.hasPrefix(word) {
            guard let n = Self.count(s.dropFirst(word.count)) else { return nil }
            self = bound.band(n)
            return
        }
        // A bound after the number: `5000+`, `50 or fewer`.
        let after: [(String, Bound)] = [
            ("+", .atLeast), (" or more", .atLeast), (" and up", .atLeast), (" and above", .atLeast), (" or above", .atLeast),
            (" or fewer", .atMost), (" or less", .atMost), (" and below", .atMost), (" or below", .atMost),
        ]
        for (word, bound) in after where s.hasSuffix(word) {
            guard let n = Self.count(s.dropLast(word.count)) else { return nil }
            self = bound.band(n)
            return
        }
        // A range: `1-10`, `1000–5000`, `200 to 1,000`.
        for separator in Self.separators {
            let parts = s.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            guard let low = Self.count(parts[0]), let high = Self.count(parts[1]), low <= high else { return nil }
            self.init(lower: low, upper: high)
            return
        }
        return nil
    }

    /// Words after the number that name what it counts.
    static let units = ["employees", "employee", "people", "staff", "ftes", "fte", "headcount", "heads"]
    /// What stands between the two ends of a range.
    static let separators = [" to ", "-", "–", "—"]

    enum Bound {
        case below, above, atLeast, atMost

        func band(_ n: Double) -> CompanySizeBand {
            switch self {
            case .below: CompanySizeBand(lower: 0, upper: max(0, n - 1))
            case .above: CompanySizeBand(lower: n + 1, upper: nil)
            case .atLeast: CompanySizeBand(lower: n, upper: nil)
            case .atMost: CompanySizeBand(lower: 0, upper: n)
            }
        }
    }

    /// A whole count of employees: `50`, `5,000`, `10k`, `2.5k`; nil for anything else.
    static func count(_ raw: Substring) -> Double? {
        let s = raw.trimmingWhitespace
        guard !s.isEmpty, s.count <= 20 else { return nil }
        if s.hasSuffix("k") {
            let body = s.dropLast()
            guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  body.filter({ $0 == "." }).count <= 1, body.first != ".", body.last != ".",
                  let n = Double(body) else { return nil }
            let value = n * 1000
            return value == value.rounded() ? value : nil
        }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Double(groups.joined())
    }

    /// Whether the band and a range of employees (either end open) share any company size.
    func overlaps(min: Double?, max: Double?) -> Bool {
        lower <= (max ?? .infinity) && (min ?? 0) <= (upper ?? .infinity)
    }

    /// The sizes the band and a range share, for messages; nil when they share none.
    func shared(min: Double?, max: Double?) -> CompanySizeBand? {
        guard overlaps(min: min, max: max) else { return nil }
        let low = Swift.max(lower, min ?? 0)
        let high: Double? = switch (upper, max) {
        case let (a?, b?): Swift.min(a, b)
        case let (a?, nil): a
        case let (nil, b?): b
        case (nil, nil): nil
        }
        return CompanySizeBand(lower: low, upper: high)
    }

    /// `1,000 to 2,000 employees`, `5,000 employees or more`, `up to 49 employees`.
    var description: String {
        guard let upper else { return "\(Self.grouped(lower)) employees or more" }
        if lower <= 0 { return "up to \(Self.grouped(upper)) employees" }
        if lower == upper { return "\(Self.grouped(lower)) employees" }
        return "\(Self.grouped(lower)) to \(Self.grouped(upper)) employees"
    }

    static func grouped(_ n: Double) -> String {
        n.isFinite && abs(n) < 1e15 ? Figures.grouped(Int(n)) : String(n)
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        let s = drop(while: \.isWhitespace)
        return s.dropLast(s.reversed().prefix(while: \.isWhitespace).count)
    }
}
