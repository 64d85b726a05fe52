import Testing
@testable import GTMCore

@Suite("Core values")
struct CoreTests {
    @Test(arguments: ["", "/a", "/a/b", "/a~1b/c~0d", "/0/1"])
    func pointerRoundTrips(_ text: String) throws {
        let p = try #require(JSONPointer(parsing: text))
        #expect(p.description == text)
    }

    @Test func pointerEscapes() {
        let p = JSONPointer(tokens: ["a/b", "c~d"])
        #expect(p.description == "/a~1b/c~0d")
        #expect(JSONPointer(parsing: "no-slash") == nil)
    }

    @Test(arguments: [("2026-11-24", 20781), ("1970-01-01", 0), ("2024-02-29", 19782), ("2000-03-01", 11017)])
    func dates(_ text: String, _ day: Int) throws {
        let d = try #require(CalendarDate(iso: text))
        #expect(d.day == day)
        #expect(d.description == text)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00"])
    func badDates(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func unixTime() {
        #expect(CalendarDate(unixTime: 86_400 * 20781 + 3600).description == "2026-11-24")
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "excludes", in: ["exclusions", "experiments"]) == nil || Suggestion.closest(to: "excludes", in: ["exclusions", "experiments"]) == "exclusions")
        #expect(Suggestion.closest(to: "Stratgy", in: ["Strategy", "Segment"]) == "Strategy")
        #expect(Suggestion.closest(to: "zzz", in: ["Strategy"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }

    @Test func severityOrder() {
        #expect([Severity.note, .error, .warning].max() == .error)
    }
}
