/// Numbers as a strategist reads them in a message or on a page.
public enum Figures {
    /// A whole number with thousands separators: 120000 → "120,000", -4500 → "-4,500".
    /// Built from the digits' bytes: a history's sentences group thousands of numbers.
    public static func grouped(_ whole: Int) -> String {
        var digits: [UInt8] = []
        var rest = whole.magnitude
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        var out: [UInt8] = whole < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(out.count + digits.count + digits.count / 3)
        for i in stride(from: digits.count - 1, through: 0, by: -1) {
            out.append(digits[i])
            if i > 0 && i % 3 == 0 { out.append(UInt8(ascii: ",")) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
