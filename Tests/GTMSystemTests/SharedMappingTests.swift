import Foundation
import GTMSystem
import Testing

/// Readers of the same file share one mapping while one of them holds it, and a file written
/// again at that path is mapped anew, with what it holds now.
@Suite("Mappings shared by the readers of a file")
struct SharedMappingTests {
    /// `body` with a folder of its own, removed afterwards.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func readersOfOneFileShareItsMapping() throws { try inFolder { folder in
        let path = folder.appendingPathComponent("pack").path
        try Data("first version".utf8).write(to: URL(fileURLWithPath: path))

        let one = try #require(MappedFile.shared(path))
        let two = try #require(MappedFile.shared(path))
        #expect(one === two)
        #expect(Array(one.bytes) == Array("first version".utf8))

        // Replaced as git replaces files (a new file renamed over the old): a new mapping, and
        // the one still held keeps the old bytes.
        let next = folder.appendingPathComponent("pack.new").path
        try Data("second, longer version".utf8).write(to: URL(fileURLWithPath: next))
        #expect(rename(next, path) == 0)
        let three = try #require(MappedFile.shared(path))
        #expect(three !== one)
        #expect(Array(three.bytes) == Array("second, longer version".utf8))
        #expect(Array(one.bytes) == Array("first version".utf8))

        #expect(MappedFile.shared(folder.appendingPathComponent("missing").path) == nil)
    } }

    @Test func aMappingNoReaderHoldsIsMadeAgain() throws { try inFolder { folder in
        let path = folder.appendingPathComponent("idx").path
        try Data("index".utf8).write(to: URL(fileURLWithPath: path))
        weak var gone: MappedFile?
        do {
            let held = try #require(MappedFile.shared(path))
            gone = held
            #expect(Array(held.bytes) == Array("index".utf8))
        }
        // Let go by its last reader: unmapped, not kept by the registry.
        #expect(gone == nil)
        let again = try #require(MappedFile.shared(path))
        #expect(Array(again.bytes) == Array("index".utf8))
    } }
}
