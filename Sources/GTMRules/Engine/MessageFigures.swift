import GTMCore

// Figures in messages that are compared with a threshold or with another figure: rounding
// must never carry a figure across what it is compared with ("24 months, beyond the 24").

/// A figure for a message with the fewest decimals (at least `decimals`, at most 3) that
/// keep it on the same side of each figure it is compared with: 24.04 against a stated 24
/// is "24.04", never "24.0"; a whole result is shown without decimals.
func figure(_ value: Double, decimals: Int, apartFrom others: [Double]) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return shown(value) }
    if value == value.rounded() { return amount(value) }
    var places = decimals
    while places < 3 {
        let rounded = fixedDecimals(value, places).value
        if others.allSatisfy({ ($0 < value) == ($0 < rounded) && ($0 > value) == ($0 > rounded) }) { break }
        places += 1
    }
    return fixedDecimals(value, places).text
}

/// A value rounded to a number of decimals, and its text (`6.8`, `1,234.5`).
func fixedDecimals(_ value: Double, _ places: Int) -> (value: Double, text: String) {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled) / Int(scale), fraction = Int(scaled) % Int(scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + Figures.grouped(whole)
    if places > 0 {
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return ((value < 0 ? -scaled : scaled) / scale, text)
}
