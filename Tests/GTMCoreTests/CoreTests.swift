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

    /// Years of four digits are written byte by byte, the others as padded text; both forms
    /// read back to the same day.
    @Test(arguments: [(1, 1, 1, "0001-01-01"), (5, 3, 9, "0005-03-09"), (999, 12, 31, "0999-12-31"), (1970, 1, 1, "1970-01-01"),
                      (2024, 2, 29, "2024-02-29"), (9999, 12, 31, "9999-12-31"), (10000, 1, 1, "10000-01-01"), (0, 1, 1, "0000-01-01"),
                      (-1, 12, 31, "00-1-12-31")])
    func datesAreWrittenPadded(_ year: Int, _ month: Int, _ day: Int, _ text: String) throws {
        let date = try #require(CalendarDate(year: year, month: month, dayOfMonth: day))
        #expect(date.description == text)
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
