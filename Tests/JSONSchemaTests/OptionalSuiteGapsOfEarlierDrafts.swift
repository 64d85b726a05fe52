import JSONSchema

/// Optional cases of drafts before 2020-12 that gtm does not pass, each with the reason; read
/// as `knownOptionalGaps` is for 2020-12.
let knownOptionalGapsOfEarlierDrafts: [Draft: [String: String]] = [
    .draft4: [
        "optional/format/hostname.json: validation of host names / hostname with consecutive hyphens (RFC1123)":
            "gtm checks host names by RFC 5890/5891, which forbid \"--\" in the third and fourth positions; drafts 4 and 6 name RFC 1123, which allows it",
        "optional/zeroTerminatedFloats.json: some languages do not distinguish between different types of numeric value / a float is not an integer even without fractional part":
            "draft-04 counts 1.0 as not an integer; gtm reads numbers by value, so 1.0 is the integer 1 as in later drafts",
    ],
    .draft6: [
        "optional/format/hostname.json: validation of host names / hostname with consecutive hyphens (RFC1123)":
            "gtm checks host names by RFC 5890/5891, which forbid \"--\" in the third and fourth positions; drafts 4 and 6 name RFC 1123, which allows it",
    ],
    .draft7: [
        "optional/content.json: validation of binary string-encoding / an invalid base64 string (% is not a valid character)":
            "gtm reads contentEncoding and contentMediaType as annotations, as draft 2019-09 and later require; draft-07 only allows asserting them",
        "optional/content.json: validation of binary-encoded media type documents / a validly-encoded invalid JSON document":
            "gtm reads contentEncoding and contentMediaType as annotations, as draft 2019-09 and later require; draft-07 only allows asserting them",
        "optional/content.json: validation of binary-encoded media type documents / an invalid base64 string that is valid JSON":
            "gtm reads contentEncoding and contentMediaType as annotations, as draft 2019-09 and later require; draft-07 only allows asserting them",
        "optional/content.json: validation of string-encoded content based on media type / an invalid JSON document":
            "gtm reads contentEncoding and contentMediaType as annotations, as draft 2019-09 and later require; draft-07 only allows asserting them",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Arabic-Indic digits mixed with Extended Arabic-Indic digits":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Begins with a Nonspacing Mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Begins with a Spacing Combining Mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Begins with an Enclosing Mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Exceptions that are DISALLOWED, left-to-right chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Exceptions that are DISALLOWED, right-to-left chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Greek KERAIA not followed by Greek":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Greek KERAIA not followed by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERESH not preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERESH not preceded by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERSHAYIM not preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERSHAYIM not preceded by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / KATAKANA MIDDLE DOT with no other characters":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with no following 'l'":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with no preceding 'l'":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with nothing following":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with nothing preceding":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / ZERO WIDTH JOINER not preceded by Virama":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / ZERO WIDTH JOINER not preceded by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / contains \"--\" in the 3rd and 4th position":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / contains illegal char U+302E Hangul single dot tone mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / invalid Punycode":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / A-label that decodes to a Bidi rule violation is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / A-label that decodes to a disallowed code point is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Arabic-Indic digits mixed with Extended Arabic-Indic digits":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Bidi domain name with a digit-first label is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are DISALLOWED, left-to-right chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are DISALLOWED, right-to-left chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are PVALID, left-to-right chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are PVALID, right-to-left chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Greek KERAIA followed by Greek":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Hebrew GERESH preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Hebrew GERSHAYIM preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / KATAKANA MIDDLE DOT with Han":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / KATAKANA MIDDLE DOT with Hiragana":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / KATAKANA MIDDLE DOT with Katakana":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / MIDDLE DOT with surrounding 'l's":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / U-label contains \"--\" in the 3rd and 4th position":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / ZERO WIDTH JOINER preceded by Virama":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / ZERO WIDTH NON-JOINER not preceded by Virama but matches regexp":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / ZERO WIDTH NON-JOINER preceded by Virama":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / a U-label whose A-label form is longer than 63 octets is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / a name longer than 253 characters is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / contains illegal char U+302E Hangul single dot tone mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / invalid Punycode":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / label starting with a digit before a right-to-left letter is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / left-to-right label containing a right-to-left letter is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / non-canonical Punycode that does not re-encode to itself is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / right-to-left label mixing both digit types is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
    ],
    .draft2019_09: [
        "optional/format/hostname.json: validation of A-label (punycode) host names / Arabic-Indic digits mixed with Extended Arabic-Indic digits":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Begins with a Nonspacing Mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Begins with a Spacing Combining Mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Begins with an Enclosing Mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Exceptions that are DISALLOWED, left-to-right chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Exceptions that are DISALLOWED, right-to-left chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Greek KERAIA not followed by Greek":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Greek KERAIA not followed by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERESH not preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERESH not preceded by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERSHAYIM not preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / Hebrew GERSHAYIM not preceded by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / KATAKANA MIDDLE DOT with no other characters":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with no following 'l'":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with no preceding 'l'":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with nothing following":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / MIDDLE DOT with nothing preceding":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / ZERO WIDTH JOINER not preceded by Virama":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / ZERO WIDTH JOINER not preceded by anything":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / contains \"--\" in the 3rd and 4th position":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / contains illegal char U+302E Hangul single dot tone mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/hostname.json: validation of A-label (punycode) host names / invalid Punycode":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / A-label that decodes to a Bidi rule violation is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / A-label that decodes to a disallowed code point is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Arabic-Indic digits mixed with Extended Arabic-Indic digits":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Bidi domain name with a digit-first label is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are DISALLOWED, left-to-right chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are DISALLOWED, right-to-left chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are PVALID, left-to-right chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Exceptions that are PVALID, right-to-left chars":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Greek KERAIA followed by Greek":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Hebrew GERESH preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / Hebrew GERSHAYIM preceded by Hebrew":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / KATAKANA MIDDLE DOT with Han":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / KATAKANA MIDDLE DOT with Hiragana":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / KATAKANA MIDDLE DOT with Katakana":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / MIDDLE DOT with surrounding 'l's":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / U-label contains \"--\" in the 3rd and 4th position":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / ZERO WIDTH JOINER preceded by Virama":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / ZERO WIDTH NON-JOINER not preceded by Virama but matches regexp":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / ZERO WIDTH NON-JOINER preceded by Virama":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / a U-label whose A-label form is longer than 63 octets is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / a name longer than 253 characters is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / contains illegal char U+302E Hangul single dot tone mark":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / invalid Punycode":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / label starting with a digit before a right-to-left letter is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / left-to-right label containing a right-to-left letter is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / non-canonical Punycode that does not re-encode to itself is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
        "optional/format/idn-hostname.json: validation of internationalized host names / right-to-left label mixing both digit types is invalid":
            "IDNA2008 (RFC 5891-5893) context rules, Bidi rules and Punycode decoding are not implemented",
    ],
]
