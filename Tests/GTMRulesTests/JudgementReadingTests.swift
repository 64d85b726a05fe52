@testable import GTMRules
import Testing
import GTMModel

/// The readings GTM225 and GTM226 make of text and numbers people write: size bands in
/// exclusions, and figures in messages that must not round across what they are compared with.
@Suite("Size bands and figures as people write them")
struct JudgementReadingTests {
    @Test(arguments: [
        ("5000+", 5000.0, nil as Double?), ("5,000+", 5000, nil), ("5,000+ employees", 5000, nil), ("10k+", 10000, nil),
        ("1-10", 1, 10), ("1 - 10", 1, 10), ("1000–5000", 1000, 5000), ("200 to 1,000", 200, 1000), ("1k-5k", 1000, 5000),
        ("<50", 0, 49), ("< 50", 0, 49), ("<=50", 0, 50), ("≤50", 0, 50), (">1000", 1001, nil), (">= 1000", 1000, nil),
        ("under 50", 0, 49), ("fewer than 50 employees", 0, 49), ("more than 1,000", 1001, nil), ("at least 200", 200, nil),
        ("up to 50", 0, 50), ("50 or fewer", 0, 50), ("250 or more", 250, nil), ("2.5k+", 2500, nil), ("  5000+  ", 5000, nil),
    ])
    func readsABand(_ text: String, _ lower: Double, _ upper: Double?) {
        #expect(CompanySizeBand(text) == CompanySizeBand(lower: lower, upper: upper), "\(text)")
    }

    @Test(arguments: [
        "enterprise", "Fortune 500", "SMB", "", "+", "5000", "10-1", "5,00+", "50,0000+", "1.5+", "5..5k+", "-5", "1-10-100",
        "5000++", "about 500", "1e3+", "50%", "1,000.5+", "≤", "k+", "1.2345k+",
    ])
    func refusesToGuess(_ text: String) {
        #expect(CompanySizeBand(text) == nil, "\(text)")
    }

    @Test func overlapsARange() {
        let band = CompanySizeBand(lower: 5000, upper: nil)
        #expect(band.overlaps(min: 2000, max: nil))
        #expect(band.overlaps(min: 200, max: 5000))
        #expect(!band.overlaps(min: 200, max: 4999))
        #expect(band.shared(min: 2000, max: 20000) == CompanySizeBand(lower: 5000, upper: 20000))
        #expect(CompanySizeBand(lower: 0, upper: 49).shared(min: nil, max: 10) == CompanySizeBand(lower: 0, upper: 10))
        #expect(CompanySizeBand(lower: 0, upper: 49).shared(min: 50, max: nil) == nil)
    }

    @Test func figuresDoNotRoundAcrossWhatTheyAreComparedWith() {
        #expect(Wording.number(6.818, beside: 7, atLeast: 1) == "6.8")
        #expect(Wording.number(24.04, beside: 24, atLeast: 1) == "24.04")
        #expect(Wording.number(6.96, beside: 7, atLeast: 1) == "6.96")
        #expect(Wording.number(40, beside: 14, atLeast: 1) == "40")
        #expect(Wording.number(15.3, beside: 15) == "15.3")
        #expect(Wording.number(50, beside: 15) == "50")
        #expect(Wording.number(1234.56) == "1,234.56")
    }

    @Test func industriesMatchAsPeopleWriteThem() {
        let same = ExcludedAttributeIncludedRule.sameIndustry
        #expect(same("Banks")("bank"))
        #expect(same("financial services")("Financial Service"))
        #expect(same("audit network")("Audit Networks"))
        #expect(same("media & entertainment")("Media and Entertainment"))
        #expect(same("B2B-software")("b2b software"))
        #expect(same("utilities")("utility"))
        #expect(!same("hospitals")("physician groups"))
        #expect(!same("health care")("healthcare providers"))
        #expect(!same("")(""))
    }
}
