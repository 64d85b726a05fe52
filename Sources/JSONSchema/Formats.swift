/// `format` checks, used only when format assertion is on.
enum Formats {
    static func isValid(_ s: String, format: String) -> Bool {
        switch format {
        case "date": return date(s)
        case "time": return time(s)
        case "date-time": return dateTime(s)
        case "duration": return duration(s)
        case "email": return email(s, international: false)
        case "idn-email": return email(s, international: true)
        case "hostname": return hostname(s, international: false)
        case "idn-hostname": return hostname(s, international: true)
        case "ipv4": return ipv4(s)
        case "ipv6": return ipv6(s)
        case "uri": return uri(s, requireScheme: true, international: false)
        case "uri-reference": return uri(s, requireScheme: false, international: false)
        case "iri": return uri(s, requireScheme: true, international: true)
        case "iri-reference": return uri(s, requireScheme: false, international: true)
        case "uuid": return uuid(s)
        case "uri-template": return uriTemplate(s)
        case "json-pointer": return jsonPointer(s)
        case "relative-json-pointer": return relativeJSONPointer(s)
        case "regex": return ECMARegex.isValid(s)
        default: return true  // unknown formats are annotations only
        }
    }

    private static func digits(_ u: ArraySlice<UInt8>) -> Int? {
        guard !u.isEmpty, u.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return u.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    static func date(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = digits(u[0..<4]), let m = digits(u[5..<7]), let d = digits(u[8..<10]),
              (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    static func time(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 9, u[2] == UInt8(ascii: ":"), u[5] == UInt8(ascii: ":"),
              let h = digits(u[0..<2]), let m = digits(u[3..<5]), let sec = digits(u[6..<8]),
              h <= 23, m <= 59, sec <= 60 else { return false }
        var i = 8
        if u[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            guard i > start else { return false }
        }
        guard i < u.count else { return false }
        var offsetMinutes = 0
        switch u[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == u.count else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard u.count - i == 6, u[i + 3] == UInt8(ascii: ":"),
                  let oh = digits(u[(i + 1)..<(i + 3)]), let om = digits(u[(i + 4)..<(i + 6)]),
                  oh <= 23, om <= 59 else { return false }
            offsetMinutes = (oh * 60 + om) * (u[i] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if sec == 60 {
            // A leap second happens at 23:59:60 UTC only.
            let utc = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func dateTime(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count > 11, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") else { return false }
        return date(String(decoding: u[0..<10], as: UTF8.self)) && time(String(decoding: u[11...], as: UTF8.self))
    }

    static func duration(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        guard u.first == UInt8(ascii: "P") else { return false }
        u = u.dropFirst()
        guard !u.isEmpty else { return false }
        func units(_ allowed: [UInt8]) -> [UInt8]? {
            var found: [UInt8] = []
            var lastIndex = -1
            while let c = u.first, c != UInt8(ascii: "T") {
                let start = u.startIndex
                while let d = u.first, d >= 48, d <= 57 { u = u.dropFirst() }
                guard u.startIndex > start, let unit = u.first, let idx = allowed.firstIndex(of: unit), idx > lastIndex else { return nil }
                // Units run without gaps (RFC 3339 appendix A): P1Y2D and PT1H2S are not durations.
                if lastIndex >= 0, idx != lastIndex + 1, unit != UInt8(ascii: "W") { return nil }
                lastIndex = idx
                found.append(unit)
                u = u.dropFirst()
                _ = c
            }
            return found
        }
        guard let dateUnits = units(Array("YMDW".utf8)) else { return false }
        if dateUnits.contains(UInt8(ascii: "W")) && (dateUnits.count > 1 || !u.isEmpty) { return false }
        if u.first == UInt8(ascii: "T") {
            u = u.dropFirst()
            guard !u.isEmpty, let timeUnits = units(Array("HMS".utf8)), !timeUnits.isEmpty, u.isEmpty else { return false }
            return true
        }
        return !dateUnits.isEmpty && u.isEmpty
    }

    static func email(_ s: String, international: Bool) -> Bool {
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at], domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let allowed = "!#$%&'*+-/=?^_`{|}~."
            for c in local.unicodeScalars {
                if c.isASCII {
                    guard c.properties.isAlphabetic || ("0"..."9").contains(c) || allowed.unicodeScalars.contains(c) else { return false }
                } else if !international {
                    return false
                }
            }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let inner = domain.dropFirst().dropLast()
            if inner.hasPrefix("IPv6:") { return ipv6(String(inner.dropFirst(5))) }
            return ipv4(String(inner))
        }
        return hostname(String(domain), international: international)
    }

    static func hostname(_ s: String, international: Bool) -> Bool {
        guard !s.isEmpty else { return false }
        var host = s
        if international {
            // Ideographic and full-width full stops separate labels too.
            for dot in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] { host = host.replacing(dot, with: ".") }
        }
        guard host.utf8.count <= 253 || international else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-") else { return false }
            let lower = label.lowercased()
            if lower.count >= 4, Array(lower)[2] == "-", Array(lower)[3] == "-", !lower.hasPrefix("xn--") { return false }
            for c in label.unicodeScalars {
                if c.isASCII {
                    guard c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" else { return false }
                } else {
                    guard international else { return false }
                    guard c.properties.isAlphabetic || c.properties.numericType != nil
                        || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
                        || c.properties.generalCategory == .otherLetter else { return false }
                }
            }
            if international, let first = label.unicodeScalars.first,
               [.nonspacingMark, .spacingMark, .enclosingMark].contains(first.properties.generalCategory) { return false }
        }
        return true
    }

    static func ipv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            guard !p.isEmpty, p.count <= 3, p.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            if p.count > 1 && p.hasPrefix("0") { return false }
            return Int(p)! <= 255
        }
    }

    static func ipv6(_ s: String) -> Bool {
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        var text = Substring(s)
        var groupsNeeded = 8
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard ipv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = text[...lastColon]
            if !text.hasSuffix("::") { text = text.dropLast() }
            groupsNeeded = 6
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            if part.isEmpty { return [] }
            let g = part.split(separator: ":", omittingEmptySubsequences: false)
            guard g.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) }) else { return nil }
            return g
        }
        guard let first = groups(halves[0]) else { return false }
        if halves.count == 1 { return first.count == groupsNeeded }
        guard let second = groups(halves[1]) else { return false }
        return first.count + second.count < groupsNeeded
    }

    static func uri(_ s: String, requireScheme: Bool, international: Bool) -> Bool {
        let ref = URIReference(s)
        if requireScheme && ref.scheme == nil { return false }
        if let colon = s.firstIndex(of: ":"), ref.scheme == nil, !s[..<colon].contains("/"), !s[..<colon].contains("?"), !s[..<colon].contains("#") {
            return false  // looks like a scheme but is not a valid one
        }
        let unreserved = "-._~!$&'()*+,;=:@/?#[]%"
        var u = Array(s.unicodeScalars)[...]
        var hashes = 0
        while let c = u.first {
            u = u.dropFirst()
            if c == "%" {
                guard u.count >= 2, u.prefix(2).allSatisfy(\.properties.isASCIIHexDigit) else { return false }
                u = u.dropFirst(2)
                continue
            }
            if c == "#" { hashes += 1 }
            if c.isASCII {
                guard c.properties.isAlphabetic || ("0"..."9").contains(c) || unreserved.unicodeScalars.contains(c) else { return false }
            } else if !international {
                return false
            }
        }
        if hashes > 1 { return false }
        if ref.path.contains("[") || ref.path.contains("]") || (ref.query ?? "").contains("[") { return false }
        if let authority = ref.authority, authority.filter({ $0 == "@" }).count > 1 { return false }
        if var authority = ref.authority {
            if let at = authority.lastIndex(of: "@") {
                if authority[..<at].contains(where: { $0 == "[" || $0 == "]" }) { return false }
                authority = String(authority[authority.index(after: at)...])
            }
            if !authority.contains("["), authority.filter({ $0 == ":" }).count > 1 { return false }
            if authority.contains("[") {
                guard let open = authority.firstIndex(of: "["), let close = authority.firstIndex(of: "]"), open < close else { return false }
                let inner = String(authority[authority.index(after: open)..<close])
                if !inner.hasPrefix("v") && !inner.hasPrefix("V") && !ipv6(inner) { return false }
            } else if let colon = authority.lastIndex(of: ":") {
                let port = authority[authority.index(after: colon)...]
                guard port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else { return false }
            }
        }
        return true
    }

    static func uuid(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard u.count == 36 else { return false }
        for (i, c) in u.enumerated() {
            if [8, 13, 18, 23].contains(i) { if c != "-" { return false } } else if !c.properties.isASCIIHexDigit { return false }
        }
        return true
    }

    /// RFC 6570: literals, and expressions of an optional operator and a list of variables,
    /// each with an optional prefix length or explode modifier.
    static func uriTemplate(_ s: String) -> Bool {
        let forbidden = " \"<>\\^`|"
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || forbidden.unicodeScalars.contains($0) }) {
            // Checked over the whole text: expressions allow none of these either.
            return false
        }
        var rest = Substring(s)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else { return false }
            var body = rest[rest.index(after: open)..<close]
            if let op = body.first, "+#./;?&=,!@|".contains(op) { body = body.dropFirst() }
            guard !body.isEmpty else { return false }
            for spec in body.split(separator: ",", omittingEmptySubsequences: false) {
                var name = spec
                if name.hasSuffix("*") {
                    name = name.dropLast()
                } else if let colon = name.firstIndex(of: ":") {
                    let length = name[name.index(after: colon)...]
                    guard (1...4).contains(length.count), length.allSatisfy({ $0.isASCII && $0.isNumber }), !length.hasPrefix("0") else { return false }
                    name = name[..<colon]
                }
                guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else { return false }
                guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.%".unicodeScalars.contains($0)) }) else { return false }
            }
            rest = rest[rest.index(after: close)...]
        }
        return true
    }

    static func jsonPointer(_ s: String) -> Bool {
        if s.isEmpty { return true }
        guard s.hasPrefix("/") else { return false }
        let u = Array(s.unicodeScalars)
        for (i, c) in u.enumerated() where c == "~" {
            guard i + 1 < u.count, u[i + 1] == "0" || u[i + 1] == "1" else { return false }
        }
        return true
    }

    static func relativeJSONPointer(_ s: String) -> Bool {
        let number = s.prefix { $0.isASCII && $0.isNumber }
        guard !number.isEmpty, !(number.count > 1 && number.hasPrefix("0")) else { return false }
        var rest = s.dropFirst(number.count)
        if rest.hasPrefix("+") || rest.hasPrefix("-") {
            let index = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !index.isEmpty, !(index.count > 1 && index.hasPrefix("0")) else { return false }
            rest = rest.dropFirst(index.count + 1)
        }
        return rest == "#" || jsonPointer(String(rest))
    }
}
