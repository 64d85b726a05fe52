/// Numbers as a strategist reads them in a message or on a page.
public enum Figures {
    /// A whole number with thousands separators: 120000 → "120,000", -4500 → "-4,500".
    public static func grouped(_ whole: Int) -> String {
        let digits = String(whole.magnitude)
        var out = whole < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
