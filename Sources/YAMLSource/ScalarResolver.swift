/// Resolves plain scalars by the YAML 1.2 core schema, the one JSON Schema users expect:
/// `NO`, `yes`, `on` and `off` stay strings (a Norwegian country code is not `false`).
public enum ScalarResolver {
    public static let strTag = "tag:yaml.org,2002:str"
    public static let intTag = "tag:yaml.org,2002:int"
    public static let floatTag = "tag:yaml.org,2002:float"
    public static let boolTag = "tag:yaml.org,2002:bool"
    public static let nullTag = "tag:yaml.org,2002:null"
    public static let mapTag = "tag:yaml.org,2002:map"
    public static let seqTag = "tag:yaml.org,2002:seq"

    /// The meaning of a plain (unquoted, untagged) scalar.
    public static func resolvePlain(_ text: String) -> YAMLScalarValue {
        // Most plain scalars are words: only these first characters can start anything else.
        guard let first = text.utf8.first else { return .null }
        if !startsNonString(first) { return .string(text) }
        // A word (`name`, `fintech`) can only be a null or a boolean, of four or five letters.
        if startsWord(first) {
            let length = text.utf8.count
            guard length == 4 || length == 5 else { return .string(text) }
            return null(text) ?? bool(text) ?? .string(text)
        }
        if let v = null(text) ?? integer(text) ?? float(text) { return v }
        return .string(text)
    }

    /// The letters `null`, `true` and `false` (in their three spellings) start with.
    static func startsWord(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"): true
        default: false
        }
    }

    static func startsNonString(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"):
            true
        default:
            false
        }
    }

    /// The meaning of a scalar under an explicit core tag; nil when the text does not fit the tag.
    public static func resolve(_ text: String, tag: String) -> YAMLScalarValue? {
        switch tag {
        case strTag: .string(text)
        case nullTag: null(text) ?? (text.isEmpty ? .null : nil)
        case boolTag: bool(text)
        case intTag: integer(text)
        case floatTag: float(text) ?? integer(text).map { v in
            if case .integer(let t) = v { return .float(t) }
            return v
        }
        default: nil
        }
    }

    static func null(_ t: String) -> YAMLScalarValue? {
        switch t {
        case "", "~", "null", "Null", "NULL": .null
        default: nil
        }
    }

    static func bool(_ t: String) -> YAMLScalarValue? {
        switch t {
        case "true", "True", "TRUE": .bool(true)
        case "false", "False", "FALSE": .bool(false)
        default: nil
        }
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`, returned as canonical decimal text.
    static func integer(_ t: String) -> YAMLScalarValue? {
        var bytes = t
        return bytes.withUTF8 { integer(t, utf8: $0) }
    }

    /// `integer` on the text's bytes, read in place: most numbers in a strategy are already in
    /// canonical form and come back as the very text given.
    private static func integer(_ t: String, utf8 u: UnsafeBufferPointer<UInt8>) -> YAMLScalarValue? {
        guard !u.isEmpty else { return nil }
        if u.count > 2, u[0] == UInt8(ascii: "0"), u[1] == UInt8(ascii: "o") || u[1] == UInt8(ascii: "x") {
            let radix = u[1] == UInt8(ascii: "o") ? 8 : 16
            let digits = String(decoding: UnsafeBufferPointer(rebasing: u[2...]), as: UTF8.self)
            return convertRadix(digits, radix: radix).map { .integer($0) }
        }
        var i = 0
        var negative = false
        if u[0] == UInt8(ascii: "-") || u[0] == UInt8(ascii: "+") {
            negative = u[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < u.count, u[i...].allSatisfy(isDigit) else { return nil }
        // Canonical: strip leading zeros, keep one.
        var start = i
        while start < u.count - 1, u[start] == UInt8(ascii: "0") { start += 1 }
        if start == 0 { return .integer(t) }
        let digits = String(decoding: UnsafeBufferPointer(rebasing: u[start...]), as: UTF8.self)
        return .integer(negative && digits != "0" ? "-" + digits : digits)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `.inf`, `.nan`.
    static func float(_ t: String) -> YAMLScalarValue? {
        switch t {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .nonFinite(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .nonFinite(-.infinity)
        case ".nan", ".NaN", ".NAN": return .nonFinite(.nan)
        default: break
        }
        let u = Array(t.utf8)
        var i = 0
        var sign = ""
        if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") {
            if u[i] == UInt8(ascii: "-") { sign = "-" }
            i += 1
        }
        let intStart = i
        while i < u.count, isDigit(u[i]) { i += 1 }
        var intPart = String(decoding: u[intStart..<i], as: UTF8.self)
        var fracPart = ""
        var sawDot = false
        if i < u.count, u[i] == UInt8(ascii: ".") {
            sawDot = true
            i += 1
            let fracStart = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            fracPart = String(decoding: u[fracStart..<i], as: UTF8.self)
        }
        guard !intPart.isEmpty || !fracPart.isEmpty else { return nil }
        if intPart.isEmpty && !sawDot { return nil }
        var exponent = ""
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            var expSign = ""
            if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") {
                if u[i] == UInt8(ascii: "-") { expSign = "-" }
                i += 1
            }
            let expStart = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > expStart else { return nil }
            exponent = "e" + expSign + String(decoding: u[expStart..<i], as: UTF8.self)
        }
        guard i == u.count else { return nil }
        // A plain integer is an int, not a float.
        guard sawDot || !exponent.isEmpty else { return nil }
        if intPart.isEmpty { intPart = "0" }
        let canonical = sign + intPart + (fracPart.isEmpty ? "" : "." + fracPart) + exponent
        guard let d = Double(canonical) else { return nil }
        if !d.isFinite { return .nonFinite(d) }
        return .float(canonical)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Converts octal or hexadecimal digits to decimal text, at any length.
    private static func convertRadix(_ digits: String, radix: Int) -> String? {
        guard !digits.isEmpty else { return nil }
        var decimal: [UInt8] = [0]  // little-endian base-10 digits
        for ch in digits.unicodeScalars {
            guard let d = Int(String(ch), radix: radix) else { return nil }
            var carry = d
            for k in decimal.indices {
                let v = Int(decimal[k]) * radix + carry
                decimal[k] = UInt8(v % 10)
                carry = v / 10
            }
            while carry > 0 {
                decimal.append(UInt8(carry % 10))
                carry /= 10
            }
        }
        while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
        return String(decoding: decimal.reversed().map { $0 + 48 }, as: UTF8.self)
    }
}
