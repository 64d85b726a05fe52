/// A calendar date (ISO 8601 `YYYY-MM-DD`) without time zones or Foundation: enough to judge
/// review cadences, waiver expiry and the age of a finding.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var day: Int

    public init(day: Int) { self.day = day }

    public init?(year: Int, month: Int, dayOfMonth: Int) {
        guard (1...12).contains(month), dayOfMonth >= 1,
              dayOfMonth <= Self.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days-from-civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + dayOfMonth - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.day = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, dayOfMonth: d)
    }

    /// The date of a Unix time, in UTC.
    public init(unixTime seconds: Int) {
        self.day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = day + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var description: String {
        let (y, m, d) = components
        // The usual four-digit year in ten bytes; others (before year 0, after 9999) padded as text.
        guard (0...9999).contains(y) else {
            func pad(_ n: Int, _ width: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, width - s.count)) + s
            }
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ n: Int, at end: Int, width: Int) {
                var n = n
                for k in stride(from: end - 1, through: end - width, by: -1) {
                    out[k] = UInt8(ascii: "0") + UInt8(n % 10)
                    n /= 10
                }
            }
            put(y, at: 4, width: 4)
            out[4] = UInt8(ascii: "-")
            put(m, at: 7, width: 2)
            out[7] = UInt8(ascii: "-")
            put(d, at: 10, width: 2)
            return 10
        }
    }

    public static func - (a: CalendarDate, b: CalendarDate) -> Int { a.day - b.day }
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.day < b.day }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
