/// A number kept exactly as written: an integer of any size times a power of ten. Equality
/// and order are mathematical (`1.0 == 1`, `1e2 == 100`), and `multipleOf` divides exactly,
/// so decimals like 0.0075 and 0.0001 behave as people expect and big integers stay whole.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Decimal digits of the coefficient, most significant first, with no leading or trailing
    /// zeros; empty for zero.
    let digits: [UInt8]
    /// Power of ten the coefficient is multiplied by.
    let exponent: Int
    let negative: Bool

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var d = digits[...]
        while d.first == 0 { d = d.dropFirst() }
        var e = exponent
        while d.last == 0 { d = d.dropLast(); e += 1 }
        if d.isEmpty {
            self.digits = []
            self.exponent = 0
            self.negative = false
        } else {
            self.digits = Array(d)
            self.exponent = e
            self.negative = negative
        }
    }

    public init(_ value: Int) {
        self.init(literal: String(value))!
    }

    /// A Double's shortest decimal form; nil for infinities and NaN, which JSON cannot hold.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(literal: "\(value)")
    }

    /// Parses a number in JSON syntax (a leading `+` and leading zeros are tolerated, for
    /// numbers that come from YAML).
    public init?(literal text: String) {
        var u = Array(text.utf8)[...]
        var negative = false
        if let f = u.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            u = u.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        while let c = u.first, c >= 48, c <= 57 {
            digits.append(c - 48)
            sawDigit = true
            u = u.dropFirst()
        }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            var sawFraction = false
            while let c = u.first, c >= 48, c <= 57 {
                digits.append(c - 48)
                exponent -= 1
                sawFraction = true
                u = u.dropFirst()
            }
            guard sawFraction || sawDigit else { return nil }
            sawDigit = sawDigit || sawFraction
        }
        guard sawDigit else { return nil }
        if let c = u.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            u = u.dropFirst()
            var expNegative = false
            if let s = u.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                expNegative = s == UInt8(ascii: "-")
                u = u.dropFirst()
            }
            var value = 0
            var sawExp = false
            while let c = u.first, c >= 48, c <= 57 {
                value = min(value * 10 + Int(c - 48), 1 << 40)
                sawExp = true
                u = u.dropFirst()
            }
            guard sawExp else { return nil }
            exponent += expNegative ? -value : value
        }
        guard u.isEmpty else { return nil }
        self.init(negative: negative, digits: digits, exponent: exponent)
    }

    public var isZero: Bool { digits.isEmpty }
    public var isNegative: Bool { negative }
    /// Mathematically whole (so `1.0` is an integer, as JSON Schema requires).
    public var isInteger: Bool { exponent >= 0 }

    public var doubleValue: Double { Double(description) ?? (negative ? -.infinity : .infinity) }

    /// The value as an Int when it is whole and fits.
    public var intValue: Int? {
        guard isInteger, digits.count + exponent <= 18 else { return nil }
        var v = 0
        for d in digits { v = v * 10 + Int(d) }
        for _ in 0..<exponent { v *= 10 }
        return negative ? -v : v
    }

    public var description: String {
        if digits.isEmpty { return "0" }
        let sign = negative ? "-" : ""
        let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        let magnitude = digits.count + exponent  // digits before the decimal point
        if exponent >= 0 && magnitude <= 21 {
            return sign + text + String(repeating: "0", count: exponent)
        }
        if exponent < 0 && magnitude > 0 {
            let cut = text.index(text.startIndex, offsetBy: magnitude)
            return sign + text[..<cut] + "." + text[cut...]
        }
        if exponent < 0 && magnitude > -6 {
            return sign + "0." + String(repeating: "0", count: -magnitude) + text
        }
        let mantissa = text.count == 1 ? text : String(text.prefix(1)) + "." + text.dropFirst()
        return sign + mantissa + "e" + String(magnitude - 1)
    }

    public static func < (a: JSONNumber, b: JSONNumber) -> Bool {
        if a.negative != b.negative { return a.negative }
        let magnitudeLess = compareMagnitude(a, b) < 0
        let equal = compareMagnitude(a, b) == 0
        if equal { return false }
        return a.negative ? !magnitudeLess : magnitudeLess
    }

    /// -1, 0 or 1 comparing absolute values.
    static func compareMagnitude(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        if a.isZero || b.isZero { return a.isZero == b.isZero ? 0 : (a.isZero ? -1 : 1) }
        let ma = a.digits.count + a.exponent, mb = b.digits.count + b.exponent
        if ma != mb { return ma < mb ? -1 : 1 }
        let n = max(a.digits.count, b.digits.count)
        for i in 0..<n {
            let x = i < a.digits.count ? a.digits[i] : 0
            let y = i < b.digits.count ? b.digits[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self` divided by `divisor` is an integer, computed exactly.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if isZero { return true }
        if divisor.isZero { return false }
        let e = min(exponent, divisor.exponent)
        let shiftA = exponent - e, shiftB = divisor.exponent - e
        // Past this size exact division costs more than it is worth; doubles decide.
        if shiftA + digits.count > 20_000 || shiftB + divisor.digits.count > 20_000 {
            let q = doubleValue / divisor.doubleValue
            return q.isFinite && q == q.rounded()
        }
        let a = digits + Array(repeating: 0, count: shiftA)
        let b = divisor.digits + Array(repeating: 0, count: shiftB)
        var remainder: [UInt8] = []
        for d in a {
            if !(remainder.isEmpty && d == 0) { remainder.append(d) }
            while Self.compareDigits(remainder, b) >= 0 {
                remainder = Self.subtract(remainder, b)
            }
        }
        return remainder.isEmpty
    }

    private static func compareDigits(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    /// a - b for a >= b, both without leading zeros; the result has none either.
    private static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow: Int = 0
        var i = a.count - 1, j = b.count - 1
        while i >= 0 {
            var v = Int(result[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = v < 0 ? 1 : 0
            if v < 0 { v += 10 }
            result[i] = UInt8(v)
            i -= 1
            j -= 1
        }
        let first = result.firstIndex { $0 != 0 } ?? result.count
        return Array(result[first...])
    }
}
