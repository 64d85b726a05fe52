import GTMCore
@testable import GTMModel
import Testing

/// Messages word values as a strategist would: figures never rounded onto a threshold,
/// thousands grouped, articles that sound right, enum values in words.
@Suite("Wording of messages")
struct WordingTests {
    @Test func aFigureBesideItsThresholdStaysOnItsSide() {
        #expect(Wording.number(10.2, beside: 10) == "10.2")
        #expect(Wording.number(10.5, beside: 10) == "10.5")
        #expect(Wording.number(9.96, beside: 10) == "9.96")
        #expect(Wording.number(10.0001, beside: 10) == "10.001")
        #expect(Wording.number(24.4, beside: 24) == "24.4")
        #expect(Wording.number(36.2, beside: 30) == "36")
        #expect(Wording.number(2.96, beside: 3, atLeast: 1) == "2.96")
        #expect(Wording.number(2, beside: 3, atLeast: 1) == "2")
        #expect(Wording.number(2.4, beside: 3, atLeast: 1) == "2.4")
        #expect(Wording.number(40000, beside: 1000) == "40,000")
        #expect(Wording.number(1000, beside: 1000) == "1,000")
        #expect(Wording.number(44.5, beside: 50, atLeast: 2) == "44.5")
    }

    @Test func numbersAreGroupedAndNeverTrap() {
        #expect(Wording.number(120000) == "120,000")
        #expect(Wording.number(7.25) == "7.25")
        #expect(Wording.number(-4500) == "-4,500")
        #expect(Wording.number(49.899999999) == "49.9")
        #expect(Wording.number(1e300) == "1e+300")
        #expect(Wording.number(.infinity) == "inf")
        #expect(Wording.money(120000, "USD") == "120,000 USD")
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (-7, "-7"), (999, "999"), (1_000, "1,000"), (-4_500, "-4,500"), (12_345, "12,345"),
        (120_000, "120,000"), (1_234_567, "1,234,567"), (Int.max, "9,223,372,036,854,775,807"),
        (Int.min, "-9,223,372,036,854,775,808"),
    ])
    func wholeNumbersAreGroupedByThousands(_ value: Int, _ text: String) {
        #expect(Figures.grouped(value) == text)
    }

    /// Industries and regions are compared as lowercase words: the byte-by-byte reading of
    /// ASCII agrees with the reading by characters.
    @Test(arguments: [
        "", " ", "Fintech", "Regional  Banks", "  credit unions ", "U.S.", "st._louis", "ACME_Corp.", "a..b", "Straße",
        "ÉCOLE privée", "São Paulo", "x", "X Y Z", "tab\there", "fintech", "credit unions", "b2b saas", "a  b", "a ", "-", "são paulo",
    ])
    func namesNormaliseTheSameByBytesAndByCharacters(_ text: String) {
        #expect(Regions.normalise(text) == Regions.normaliseCharacters(text))
        // Text taken as already normal is so (ASCII text is taken so exactly when it is).
        if Regions.isNormal(text) { #expect(Regions.normaliseCharacters(text) == text) }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect(Regions.isNormal(text) == (Regions.normaliseCharacters(text) == text)) }
    }

    @Test func articlesFollowTheSound() {
        #expect(Wording.withArticle("ACV") == "an ACV")
        #expect(Wording.motion("inside-sales") == "an inside-sales motion")
        #expect(Wording.motion("field-sales") == "a field-sales motion")
        #expect(Wording.motion("hybrid") == "a hybrid motion")
        #expect(Wording.article("8 %") == "an")
        #expect(Wording.article("18,000 USD") == "an")
        #expect(Wording.article("180,000 USD") == "a")
        #expect(Wording.article("CRM") == "a")
        #expect(Wording.article("SDR") == "an")
        #expect(Wording.article("user") == "a")
        #expect(Wording.article("hour") == "an")
    }

    /// The byte-by-byte reading of ASCII agrees with the reading by characters.
    @Test(arguments: [
        "", " ", "ACV", "acv", "SDR", "CRM", "8 %", "80 days", "800", "8,000 USD", "11-day cycle", "18,000 USD",
        "180,000 USD", "1,8", ",8", "inside-sales motion", "field-sales motion", "hour", "Hour", "honest", "heir",
        "one", "once", "unicorn", "use", "usual", "USA", "usa", "Europe", "ewe", "apple", "Apple", "X", "x", "Xray",
        "A1", "a1", "MQL2", "e-mail", "(ACV)", "2x", "11", "110", "18", "8", "o'clock", "FAQ's", "NPS-led",
    ])
    func articlesReadByteByByteAgree(_ phrase: String) throws {
        let ascii = try #require(Wording.asciiArticle(phrase))
        #expect(ascii == Wording.unicodeArticle(phrase))
    }

    @Test func aFirstWordBeyondASCIIIsReadByCharacters() {
        #expect(Wording.asciiArticle("été") == nil)
        #expect(Wording.asciiArticle("Ωmega") == nil)
        #expect(Wording.article("été") == Wording.unicodeArticle("été"))
    }

    @Test func enumValuesInWords() {
        #expect(Wording.stage("gtm-fit") == "GTM fit")
        #expect(Wording.stage("problem-solution-fit") == "problem-solution fit")
        #expect(Wording.role("vp-sales") == "the VP of sales")
        #expect(Wording.role("head-of-sales") == "the head of sales")
        #expect(Wording.alternatives(["the CEO", "the CFO", "the COO"]) == "the CEO, the CFO or the COO")
        #expect(Wording.choice("services-model") == "services model")
    }

    @Test(arguments: [
        ("/pricing/acv/amount", "pricing › ACV › amount"),
        ("/sequence/1/evidence/summary", "sequence › item 2 › evidence › summary"),
        ("/buyers/committeeSize", "buyers › committee size"),
        ("/revenueArchitecture/revops/reportsTo", "revenue architecture › RevOps › reports to"),
        ("", "the document"),
    ])
    func placesAreSaidInWords(_ pointer: String, _ words: String) {
        #expect(Wording.field(JSONPointer(parsing: pointer)!) == words)
    }
}
