/// Regions as a strategist writes them (`US`, `United States`, `US-CA`, `California`, `EMEA`,
/// `DACH`) read as sets of places, so that a region list is compared by containment: five US
/// states are inside `US`, and `US and Mexico` is broader than them, not five narrowings.
public enum Regions {
    /// A place: a country (ISO 3166-1 alpha-2) or a subdivision (ISO 3166-2, `US-CA`).
    public struct Place: Hashable, Sendable, Comparable {
        public var code: String
        public var country: String { String(code.prefix(2)) }
        public var isSubdivision: Bool { code.count > 2 }
        public static func < (a: Place, b: Place) -> Bool { a.code < b.code }
    }

    /// The places a region names; nil when gtm does not know the name (it is then compared as
    /// plain text). `Global` and `Worldwide` name every country.
    public static func places(_ text: String) -> Set<Place>? {
        let key = normalise(text)
        if ["global", "worldwide", "world", "all", "any"].contains(key) {
            return Set(countries.keys.map { Place(code: $0) })
        }
        if let group = groups[key] { return Set(group.map { Place(code: $0) }) }
        let upper = text.trimmingCharacters(in: " ").uppercased()
        if upper.count == 2, countries[upper] != nil { return [Place(code: upper)] }
        if upper.count >= 4, upper.count <= 6, upper.dropFirst(2).first == "-", countries[String(upper.prefix(2))] != nil {
            return [Place(code: upper)]
        }
        if let code = namesToCodes[key] { return [Place(code: code)] }
        return nil
    }

    /// Whether a place lies inside another (a subdivision inside its country, or the same).
    public static func place(_ inner: Place, isInside outer: Place) -> Bool {
        inner == outer || (inner.isSubdivision && !outer.isSubdivision && inner.country == outer.country)
    }

    /// A short name for messages: `the US`, `California`, `Mexico`.
    public static func name(_ place: Place) -> String {
        if place.isSubdivision { return subdivisionNames[place.code] ?? place.code }
        return countries[place.code] ?? place.code
    }

    static func normalise(_ text: String) -> String {
        if isNormal(text) { return text }
        var words: [UInt8] = []
        var between = false
        // ASCII byte by byte (ICP profiles normalise every industry and region of every
        // version a history holds); other text by characters.
        for byte in text.utf8 {
            guard byte < 0x80 else { return normaliseCharacters(text) }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") {
                between = !words.isEmpty
                continue
            }
            if between {
                words.append(UInt8(ascii: " "))
                between = false
            }
            words.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        return String(decoding: words, as: UTF8.self)
    }

    /// Whether `normalise` would give the text back as it is: ASCII without capitals, dots or
    /// underscores, words one space apart. Most industries and regions are written so, and are
    /// then not copied.
    static func isNormal(_ text: String) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in text.utf8 {
            guard byte < 0x80, byte != UInt8(ascii: "."), byte != UInt8(ascii: "_"),
                  !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")),
                  !(byte == UInt8(ascii: " ") && previous == UInt8(ascii: " ")) else { return false }
            previous = byte
        }
        return text.isEmpty || previous != UInt8(ascii: " ")
    }

    static func normaliseCharacters(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "." || $0 == "_" }).joined(separator: " ")
    }

    static let namesToCodes: [String: String] = {
        var map: [String: String] = [:]
        for (code, name) in countries { map[normalise(name)] = code }
        for (code, name) in subdivisionNames { map[normalise(name)] = code }
        for (alias, code) in aliases { map[alias] = code }
        return map
    }()

    static let aliases: [String: String] = [
        "usa": "US", "united states of america": "US", "america": "US", "us of a": "US",
        "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
        "holland": "NL", "the netherlands": "NL", "czechia": "CZ", "south korea": "KR", "korea": "KR",
        "uae": "AE", "russia": "RU", "vietnam": "VN", "turkiye": "TR", "ivory coast": "CI",
    ]

    /// Named groups of countries people write in strategies.
    static let groups: [String: [String]] = {
        let eu = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
        let europe = eu + ["GB", "NO", "CH", "IS", "LI", "AL", "BA", "ME", "MK", "RS", "MD", "UA", "BY", "AD", "MC", "SM", "VA", "XK"]
        let northAmerica = ["US", "CA", "MX"]
        let latam = ["MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "DO", "HT", "PR", "CO", "VE", "EC", "PE", "BO", "BR", "PY", "UY", "AR", "CL"]
        let middleEast = ["AE", "SA", "QA", "KW", "BH", "OM", "IL", "JO", "LB", "IQ", "IR", "TR", "YE", "SY", "PS"]
        let africa = ["DZ", "AO", "BJ", "BW", "BF", "BI", "CM", "CV", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "EG", "GQ", "ER", "SZ", "ET", "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "LY", "MG", "MW", "ML", "MR", "MU", "MA", "MZ", "NA", "NE", "NG", "RW", "ST", "SN", "SC", "SL", "SO", "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW"]
        let apac = ["AU", "NZ", "JP", "KR", "CN", "HK", "TW", "MO", "SG", "MY", "TH", "VN", "PH", "ID", "IN", "PK", "BD", "LK", "NP", "MM", "KH", "LA", "BN", "MN", "FJ", "PG"]
        return [
            "eu": eu, "european union": eu, "europe": europe, "emea": europe + middleEast + africa,
            "dach": ["DE", "AT", "CH"], "nordics": ["DK", "FI", "IS", "NO", "SE"], "benelux": ["BE", "NL", "LU"],
            "north america": northAmerica, "namer": northAmerica, "na": northAmerica,
            "latam": latam, "latin america": latam, "americas": northAmerica + latam + ["CA"],
            "apac": apac, "asia pacific": apac, "anz": ["AU", "NZ"], "middle east": middleEast, "mena": middleEast + ["DZ", "EG", "LY", "MA", "TN"],
            "africa": africa, "uk and ireland": ["GB", "IE"], "ukie": ["GB", "IE"],
        ]
    }()

    /// ISO 3166-1 alpha-2 codes with their English short names.
    static let countries: [String: String] = {
        var map: [String: String] = [:]
        for entry in countryTable.split(separator: "|") {
            map[String(entry.prefix(2))] = String(entry.dropFirst(3))
        }
        return map
    }()

    static let countryTable = "AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AL Albania|AM Armenia|AO Angola|AR Argentina|AT Austria|AU Australia|AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|BE Belgium|BF Burkina Faso|BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin|BN Brunei|BO Bolivia|BR Brazil|BS Bahamas|BT Bhutan|BW Botswana|BY Belarus|BZ Belize|CA Canada|CD DR Congo|CF Central African Republic|CG Congo|CH Switzerland|CI Côte d'Ivoire|CL Chile|CM Cameroon|CN China|CO Colombia|CR Costa Rica|CU Cuba|CV Cabo Verde|CY Cyprus|CZ Czech Republic|DE Germany|DJ Djibouti|DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria|EC Ecuador|EE Estonia|EG Egypt|ER Eritrea|ES Spain|ET Ethiopia|FI Finland|FJ Fiji|FM Micronesia|FR France|GA Gabon|GB United Kingdom|GD Grenada|GE Georgia|GH Ghana|GM Gambia|GN Guinea|GQ Equatorial Guinea|GR Greece|GT Guatemala|GW Guinea-Bissau|GY Guyana|HK Hong Kong|HN Honduras|HR Croatia|HT Haiti|HU Hungary|ID Indonesia|IE Ireland|IL Israel|IN India|IQ Iraq|IR Iran|IS Iceland|IT Italy|JM Jamaica|JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|KM Comoros|KN Saint Kitts and Nevis|KP North Korea|KR Republic of Korea|KW Kuwait|KZ Kazakhstan|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|LR Liberia|LS Lesotho|LT Lithuania|LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova|ME Montenegro|MG Madagascar|MH Marshall Islands|MK North Macedonia|ML Mali|MM Myanmar|MN Mongolia|MO Macao|MR Mauritania|MT Malta|MU Mauritius|MV Maldives|MW Malawi|MX Mexico|MY Malaysia|MZ Mozambique|NA Namibia|NE Niger|NG Nigeria|NI Nicaragua|NL Netherlands|NO Norway|NP Nepal|NR Nauru|NZ New Zealand|OM Oman|PA Panama|PE Peru|PG Papua New Guinea|PH Philippines|PK Pakistan|PL Poland|PR Puerto Rico|PS Palestine|PT Portugal|PW Palau|PY Paraguay|QA Qatar|RO Romania|RS Serbia|RU Russian Federation|RW Rwanda|SA Saudi Arabia|SB Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore|SI Slovenia|SK Slovakia|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|SS South Sudan|ST Sao Tome and Principe|SV El Salvador|SY Syria|SZ Eswatini|TD Chad|TG Togo|TH Thailand|TJ Tajikistan|TL Timor-Leste|TM Turkmenistan|TN Tunisia|TO Tonga|TR Turkey|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda|US United States|UY Uruguay|UZ Uzbekistan|VA Holy See|VC Saint Vincent and the Grenadines|VE Venezuela|VN Viet Nam|VU Vanuatu|WS Samoa|XK Kosovo|YE Yemen|ZA South Africa|ZM Zambia|ZW Zimbabwe"

    /// US states and Canadian provinces by name (ISO 3166-2), the subdivisions strategies name most.
    static let subdivisionNames: [String: String] = {
        var map: [String: String] = [:]
        for entry in subdivisionTable.split(separator: "|") {
            let parts = entry.split(separator: " ", maxSplits: 1)
            map[String(parts[0])] = String(parts[1])
        }
        return map
    }()

    static let subdivisionTable = "US-AL Alabama|US-AK Alaska|US-AZ Arizona|US-AR Arkansas|US-CA California|US-CO Colorado|US-CT Connecticut|US-DE Delaware|US-DC District of Columbia|US-FL Florida|US-GA Georgia (US)|US-HI Hawaii|US-ID Idaho|US-IL Illinois|US-IN Indiana|US-IA Iowa|US-KS Kansas|US-KY Kentucky|US-LA Louisiana|US-ME Maine|US-MD Maryland|US-MA Massachusetts|US-MI Michigan|US-MN Minnesota|US-MS Mississippi|US-MO Missouri|US-MT Montana|US-NE Nebraska|US-NV Nevada|US-NH New Hampshire|US-NJ New Jersey|US-NM New Mexico|US-NY New York|US-NC North Carolina|US-ND North Dakota|US-OH Ohio|US-OK Oklahoma|US-OR Oregon|US-PA Pennsylvania|US-RI Rhode Island|US-SC South Carolina|US-SD South Dakota|US-TN Tennessee|US-TX Texas|US-UT Utah|US-VT Vermont|US-VA Virginia|US-WA Washington|US-WV West Virginia|US-WI Wisconsin|US-WY Wyoming|CA-AB Alberta|CA-BC British Columbia|CA-MB Manitoba|CA-NB New Brunswick|CA-NL Newfoundland and Labrador|CA-NS Nova Scotia|CA-ON Ontario|CA-PE Prince Edward Island|CA-QC Quebec|CA-SK Saskatchewan"
}

extension String {
    /// The string without the given characters at either end.
    public func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
