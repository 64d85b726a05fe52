import Testing
@testable import GTMGit
@testable import GTMHistory

/// The table `HistoryReader.folderID` keeps folders in by graph position tells a position not
/// asked about from one with no folder and from one with a folder, whichever was written last.
@Suite("Folders by graph position")
struct FolderIDTableTests {
    @Test(arguments: [1, 2, 100_000])
    func eachPositionKeepsWhatWasWrittenThere(_ count: Int) throws {
        let table = try #require(FolderIDTable(count: count))
        let folder = try #require(ObjectID(hex: String(repeating: "9f", count: 20)))
        let other = try #require(ObjectID(hex: "0000000000000000000000000000000000000001"))
        let last = count - 1
        #expect(table[0] == nil)
        #expect(table[last] == nil)
        table[0] = .some(nil)
        #expect(table[0] == .some(nil))
        table[last] = .some(folder)
        #expect(table[last] == .some(folder))
        table[0] = .some(other)
        #expect(table[0] == .some(other))
        if count > 2 { #expect(table[count / 2] == nil) }
        table[last] = nil
        #expect(table[last] == nil)
        table[last] = .some(nil)
        #expect(table[last] == .some(nil))
    }

    @Test func anEmptyGraphHasNoTable() {
        #expect(FolderIDTable(count: 0) == nil)
    }
}
