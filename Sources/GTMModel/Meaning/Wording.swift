import GTMCore

/// How messages word the model's values for the people who own the strategy: enum values in
/// words (`gtm-fit` → "GTM fit"), motions with their article ("an inside-sales motion"),
/// figures with thousands separators, and a figure beside a threshold never rounded onto the
/// threshold's side ("10.2 %", not "10 %", beside "at most 10 %").
public enum Wording {
    /// A motion with its article: "a product-led motion", "an inside-sales motion", "a hybrid
    /// motion". The schema's values are already the adjectives people use.
    public static func motion(_ motion: String) -> String {
        withArticle(motion + " motion")
    }

    /// A place in a document in words, for the people who read a change (the JSON Pointer stays
    /// in JSON and SARIF): `/pricing/acv/amount` → "pricing › ACV › amount",
    /// `/sequence/1/evidence/summary` → "sequence › item 2 › evidence › summary",
    /// `/buyers/committeeSize` → "buyers › committee size".
    public static func field(_ pointer: JSONPointer) -> String {
        guard !pointer.tokens.isEmpty else { return "the document" }
        return pointer.tokens.map { token -> String in
            if let index = Int(token) { return "item \(index + 1)" }
            if let acronym = acronyms[token.lowercased()] { return acronym }
            // camelCase and kebab-case into words: `salesCycleDays` → "sales cycle days".
            var words = ""
            for character in token {
                if character.isUppercase, !words.isEmpty { words += " " }
                words += character == "-" ? " " : String(character).lowercased()
            }
            return words.split(separator: " ").map { acronyms[String($0)] ?? String($0) }.joined(separator: " ")
        }.joined(separator: " › ")
    }

    static let acronyms = [
        "acv": "ACV", "cac": "CAC", "ltv": "LTV", "arr": "ARR", "nrr": "NRR", "grr": "GRR", "icp": "ICP",
        "tam": "TAM", "trm": "TRM", "gtm": "GTM", "revops": "RevOps", "id": "id", "api": "API",
    ]

    /// A stage in words: `problem-solution-fit` → "problem-solution fit", `gtm-fit` → "GTM fit".
    public static func stage(_ stage: String) -> String {
        switch stage {
        case "problem-solution-fit": "problem-solution fit"
        case "product-market-fit": "product-market fit"
        case "gtm-fit": "GTM fit"
        default: stage.replacing("-", with: " ")
        }
    }

    /// A role in words: `ceo` → "the CEO", `head-of-sales` → "the head of sales",
    /// `founders` → "the founders".
    public static func role(_ role: String) -> String {
        switch role {
        case "ceo", "cfo", "coo", "cro", "cmo": "the " + role.uppercased()
        case "revops": "RevOps"
        case "vp-sales": "the VP of sales"
        case "founders": "the founders"
        case "executive-team": "the executive team"
        case "gtm-council": "the GTM council"
        default: "the " + role.replacing("-", with: " ")
        }
    }

    /// A choice of the coherence table in words: `icp` → "ICP", `services-model` → "services model".
    public static func choice(_ choice: String) -> String {
        switch choice {
        case "icp": "ICP"
        default: choice.replacing("-", with: " ")
        }
    }

    /// Alternatives for a message: "the CEO, the CFO or the COO".
    public static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// "a" or "an" before a phrase, by its sound: "an ACV", "an inside-sales motion",
    /// "a field-sales motion", "an 8 % share", "an 11-day cycle", "a USD amount".
    public static func article(_ phrase: String) -> String {
        asciiArticle(phrase) ?? unicodeArticle(phrase)
    }

    /// `article` for any text, character by character.
    static func unicodeArticle(_ phrase: String) -> String {
        let word = String(phrase.prefix { $0.isLetter || $0.isNumber || $0 == "," })
        guard let first = word.first else { return "a" }
        if first.isNumber {
            // Read aloud: eight, eighty, eight hundred, eleven, eighteen (thousand) start with a vowel.
            let lead = String(word.split(separator: ",").first ?? "")
            return lead.hasPrefix("8") || lead == "11" || lead == "18" ? "an" : "a"
        }
        // An initialism is read letter by letter: "an ACV", "an SDR", "a CRM".
        if word.count > 1, word.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            return "AEFHILMNORSX".contains(first) ? "an" : "a"
        }
        let lower = word.lowercased()
        // Vowels that sound like "you" or "wo", and silent h.
        if ["one", "once", "uni", "use", "usu", "usa", "eu", "ewe"].contains(where: lower.hasPrefix) { return "a" }
        if ["hour", "honest", "honou", "heir"].contains(where: lower.hasPrefix) { return "an" }
        return "aeiou".contains(first.lowercased()) ? "an" : "a"
    }

    /// `article` of a phrase whose first word is ASCII, read byte by byte: history replays
    /// put thousands of messages in words, and asking Unicode what each character is cost more
    /// than the rest of the sentence. Nil when the first word runs into other text.
    static func asciiArticle(_ phrase: String) -> String? {
        var word: [UInt8] = []
        for byte in phrase.utf8 {
            if byte >= 0x80 { return nil }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            guard isLetter || isDigit || byte == 0x2C else { break }
            word.append(byte)
        }
        guard let first = word.first else { return "a" }
        if first >= 0x30 && first <= 0x39 {
            let lead = word.prefix { $0 != 0x2C }
            return lead.first == 0x38 || lead.elementsEqual("11".utf8) || lead.elementsEqual("18".utf8) ? "an" : "a"
        }
        if word.count > 1, word.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) {
            return "AEFHILMNORSX".utf8.contains(first) ? "an" : "a"
        }
        let lower = word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func starts(_ prefix: String) -> Bool { lower.starts(with: prefix.utf8) }
        if ["one", "once", "uni", "use", "usu", "usa", "eu", "ewe"].contains(where: starts) { return "a" }
        if ["hour", "honest", "honou", "heir"].contains(where: starts) { return "an" }
        return "aeiou".utf8.contains(lower[0]) ? "an" : "a"
    }

    /// The phrase after its article.
    public static func withArticle(_ phrase: String) -> String { article(phrase) + " " + phrase }

    /// A number as people read it: whole numbers grouped (`120000` → "120,000"), others with
    /// at most two decimals (`7.25`, `49.9`).
    public static func number(_ value: Double) -> String {
        // Beyond what a grouped integer holds: as Swift writes it (1e+300), never a trap.
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return grouped(rounded, decimals: 0) }
        return grouped(rounded, decimals: (rounded * 10) == (rounded * 10).rounded() ? 1 : 2)
    }

    /// A figure shown beside the threshold it is compared with, rounded to the fewest
    /// decimals that keep it on its own side: 10.2 beside 10 is "10.2" (never "10"), 10.5 is
    /// "10.5" (not "11"), 24.4 months beside 24 is "24.4", 2.96 beside 3 is "2.96", 36.2
    /// beside 30 is "36".
    /// `atLeast` decimals are kept where the figure has them (a ratio: "2.4", but "2").
    public static func number(_ value: Double, beside limit: Double, atLeast minimum: Int = 0) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return number(value) }
        func side(_ x: Double) -> Int { x > limit ? 1 : x < limit ? -1 : 0 }
        for decimals in min(max(minimum, 0), 3)...3 {
            let scale = powerOfTen(decimals)
            let r = (value * scale).rounded() / scale
            // Both neighbours at this precision on the value's side: the figure shown cannot
            // meet or cross the threshold, nor look further from it than it is by a whole step.
            let low = (value * scale).rounded(.down) / scale, high = (value * scale).rounded(.up) / scale
            if side(low) == side(value) && side(high) == side(value) { return trimmed(grouped(r, decimals: decimals)) }
        }
        // Closer to the threshold than a thousandth: shown a thousandth beyond it, on its side.
        let r = side(value) > 0 ? (value * 1000).rounded(.up) / 1000 : (value * 1000).rounded(.down) / 1000
        return trimmed(grouped(r, decimals: 3))
    }

    /// 10 to the power `n`, for the few decimals a figure is shown with (no libm, no Foundation).
    static func powerOfTen(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(n, 0) { result *= 10 }
        return result
    }

    /// "44.50" → "44.5", "12.00" → "12".
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    /// A percentage beside its threshold: "10.2 %".
    public static func percent(_ value: Double, beside limit: Double) -> String {
        number(value, beside: limit) + " %"
    }

    /// An amount of money: "120,000 USD", or "120,000" without a currency.
    public static func money(_ amount: Double, _ currency: String?) -> String {
        number(amount.rounded()) + ((currency ?? "").isEmpty ? "" : " " + currency!)
    }

    /// `value` with `decimals` digits after the point and thousands separators before it.
    static func grouped(_ value: Double, decimals: Int) -> String {
        let negative = value < 0
        let scale = powerOfTen(decimals)
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        var out = (negative && scaled != 0 ? "-" : "") + Figures.grouped(Int(whole))
        if decimals > 0 {
            let fraction = Int(scaled - whole * scale)
            let digits = String(fraction)
            out += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return out
    }
}
