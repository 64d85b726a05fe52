import Testing
@testable import GTMGit

/// The search of a table of ids in order finds each id at its place and nothing else, ids that
/// share their first eight bytes included, and stops at a table cut short.
@Suite("Ids found in a sorted table")
struct SortedIDsTests {
    /// 300 ids in order, in runs that share their first eight bytes (and some their first 19).
    static func table() -> (ids: [ObjectID], bytes: [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        var raw: [[UInt8]] = []
        for _ in 0..<100 {
            let lead = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let middle = (0..<11).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for last in [UInt8(1), 2, 200] { raw.append(lead + middle + [last]) }
        }
        raw.sort { $0.lexicographicallyPrecedes($1) }
        let ids = raw.map { bytes in bytes.withUnsafeBytes { ObjectID(bytes: $0) } }
        return (ids, raw.flatMap { $0 })
    }

    @Test func eachIDIsFoundAtItsPlace() {
        let (ids, bytes) = Self.table()
        bytes.withUnsafeBytes { table in
            for (i, id) in ids.enumerated() {
                #expect(id.place(in: table, at: 0, from: 0, to: ids.count) == i)
            }
        }
    }

    @Test func anIDNotInTheTableIsNotFound() {
        let (ids, bytes) = Self.table()
        bytes.withUnsafeBytes { table in
            for id in ids.prefix(30) {
                var raw = Array(id.hex.utf8)
                // The same first 19 bytes, another last one.
                raw[38] = UInt8(ascii: "7")
                raw[39] = UInt8(ascii: "7")
                let other = raw.withUnsafeBytes { ObjectID(hexDigits: $0) }!
                #expect(other.place(in: table, at: 0, from: 0, to: ids.count) == nil)
            }
        }
    }

    @Test func aTableCutShortEndsTheSearch() {
        let (ids, bytes) = Self.table()
        Array(bytes.prefix(20 * 10)).withUnsafeBytes { table in
            // Places past the end are never read: the search gives up.
            #expect(ids[250].place(in: table, at: 0, from: 0, to: ids.count) == nil)
            #expect(ids[3].place(in: table, at: 0, from: 0, to: 10) == 3)
        }
    }
}
