/// The names ECMA-262 accepts in `\p{…}` and `\P{…}`, and how PCRE2 spells them. ECMA-262 takes
/// names exactly as written (no loose matching), so the tables hold every accepted spelling.
enum ECMAPropertyNames {
    /// `\p{…}` in PCRE2's syntax, or `nil` when ECMA-262 has no such property.
    /// Throws when the property is valid ECMA-262 but PCRE2 does not know it.
    static func pcre(_ body: String, negated: Bool) throws(ECMARegex.InvalidPattern) -> String? {
        let p = negated ? "\\P" : "\\p"
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            let (name, value) = (parts[0], parts[1])
            guard !value.isEmpty else { return nil }
            switch name {
            case "General_Category", "gc":
                return generalCategories[value].map { p + "{" + $0 + "}" }
            case "Script", "sc", "Script_Extensions", "scx":
                // Script names go to PCRE2 as they are: it knows them all, and refuses an unknown one.
                guard value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" }) else { return nil }
                return p + "{" + (name == "Script" || name == "sc" ? "sc" : "scx") + "=" + value + "}"
            default:
                return nil
            }
        }
        if let short = generalCategories[body] { return p + "{" + short + "}" }
        guard binaryProperties.contains(body) else { return nil }
        switch body {
        case "Assigned":
            return (negated ? "\\p" : "\\P") + "{Cn}"  // PCRE2 has no Assigned: every category but unassigned
        case "Changes_When_NFKC_Casefolded", "CWKCF":
            throw ECMARegex.InvalidPattern(message: "\\p{\(body)} is valid ECMA-262, but PCRE2 does not know that property", beyondEngine: true)
        default:
            return p + "{" + body + "}"
        }
    }

    /// General categories: long name, short name and the extra aliases of
    /// PropertyValueAliases.txt, each to the short name PCRE2 knows.
    static let generalCategories: [String: String] = {
        let rows: [[String]] = [
            ["C", "Other"], ["Cc", "Control", "cntrl"], ["Cf", "Format"], ["Cn", "Unassigned"],
            ["Co", "Private_Use"], ["Cs", "Surrogate"],
            ["L", "Letter"], ["LC", "Cased_Letter"], ["Ll", "Lowercase_Letter"], ["Lm", "Modifier_Letter"],
            ["Lo", "Other_Letter"], ["Lt", "Titlecase_Letter"], ["Lu", "Uppercase_Letter"],
            ["M", "Mark", "Combining_Mark"], ["Mc", "Spacing_Mark"], ["Me", "Enclosing_Mark"], ["Mn", "Nonspacing_Mark"],
            ["N", "Number"], ["Nd", "Decimal_Number", "digit"], ["Nl", "Letter_Number"], ["No", "Other_Number"],
            ["P", "Punctuation", "punct"], ["Pc", "Connector_Punctuation"], ["Pd", "Dash_Punctuation"],
            ["Pe", "Close_Punctuation"], ["Pf", "Final_Punctuation"], ["Pi", "Initial_Punctuation"],
            ["Po", "Other_Punctuation"], ["Ps", "Open_Punctuation"],
            ["S", "Symbol"], ["Sc", "Currency_Symbol"], ["Sk", "Modifier_Symbol"], ["Sm", "Math_Symbol"], ["So", "Other_Symbol"],
            ["Z", "Separator"], ["Zl", "Line_Separator"], ["Zp", "Paragraph_Separator"], ["Zs", "Space_Separator"],
        ]
        var table: [String: String] = [:]
        for row in rows { for name in row { table[name] = row[0] } }
        return table
    }()

    /// The binary properties of ECMA-262's table "Binary Unicode property aliases", long and
    /// short names.
    static let binaryProperties: Set<String> = [
        "ASCII", "ASCII_Hex_Digit", "AHex", "Alphabetic", "Alpha", "Any", "Assigned",
        "Bidi_Control", "Bidi_C", "Bidi_Mirrored", "Bidi_M", "Case_Ignorable", "CI", "Cased",
        "Changes_When_Casefolded", "CWCF", "Changes_When_Casemapped", "CWCM", "Changes_When_Lowercased", "CWL",
        "Changes_When_NFKC_Casefolded", "CWKCF", "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU",
        "Dash", "Default_Ignorable_Code_Point", "DI", "Deprecated", "Dep", "Diacritic", "Dia",
        "Emoji", "Emoji_Component", "EComp", "Emoji_Modifier", "EMod", "Emoji_Modifier_Base", "EBase",
        "Emoji_Presentation", "EPres", "Extended_Pictographic", "ExtPict", "Extender", "Ext",
        "Grapheme_Base", "Gr_Base", "Grapheme_Extend", "Gr_Ext", "Hex_Digit", "Hex",
        "IDS_Binary_Operator", "IDSB", "IDS_Trinary_Operator", "IDST", "ID_Continue", "IDC", "ID_Start", "IDS",
        "Ideographic", "Ideo", "Join_Control", "Join_C", "Logical_Order_Exception", "LOE", "Lowercase", "Lower",
        "Math", "Noncharacter_Code_Point", "NChar", "Pattern_Syntax", "Pat_Syn", "Pattern_White_Space", "Pat_WS",
        "Quotation_Mark", "QMark", "Radical", "Regional_Indicator", "RI", "Sentence_Terminal", "STerm",
        "Soft_Dotted", "SD", "Terminal_Punctuation", "Term", "Unified_Ideograph", "UIdeo", "Uppercase", "Upper",
        "Variation_Selector", "VS", "White_Space", "space", "XID_Continue", "XIDC", "XID_Start", "XIDS",
    ]
}
