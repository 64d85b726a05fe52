import JSONSchema

/// Optional cases of drafts before 2020-12 that gtm does not pass, each with the reason; read
/// as `knownOptionalGaps` is for 2020-12. The host-name cases IDNA2008 decides are the same in
/// draft-07 and 2019-09 as in 2020-12, and are taken from there.
let knownOptionalGapsOfEarlierDrafts: [Draft: [String: String]] = ownGapsOfEarlierDrafts.merging([
    .draft7: idnaGaps, .draft2019_09: idnaGaps,
]) { own, shared in own.merging(shared) { a, _ in a } }

/// The optional cases IDNA2008 decides, whose gap is the same in every draft that has them.
private let idnaGaps = knownOptionalGaps.filter { $0.value.hasPrefix("IDNA2008") }

private let ownGapsOfEarlierDrafts: [Draft: [String: String]] = [
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
    ],
]
