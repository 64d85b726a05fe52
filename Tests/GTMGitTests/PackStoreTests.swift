import Foundation
import Testing
@testable import GTMGit

/// Objects are read from the pack files directly (`PackStore`) where they can be, and by
/// libgit2 otherwise: both readings must give every object the same bytes, and damaged or
/// unexpected files must give nil (libgit2 then reads, or reports), never a crash.
@Suite("Objects read from the pack files")
struct PackStoreTests {
    /// A repository whose files went through many versions, so that git stores most of them
    /// as deltas: a strategy file growing and shrinking, a folder of them, a large file.
    static func history() throws -> Scratch {
        let s = try Scratch()
        var lines = (0..<60).map { "  - signal \($0): teams hiring platform engineers in region \($0 % 7)" }
        for version in 0..<40 {
            lines[(version * 7) % lines.count] = "  - signal \(version): changed in version \(version)"
            if version % 5 == 0 { lines.append("  - added at \(version)") }
            if version % 9 == 0 { lines.removeFirst() }
            try s.write("strategy/segments/icp.yaml", "kind: Segment\nsignals:\n" + lines.joined(separator: "\n") + "\n")
            try s.write("strategy/strategy.yaml", "kind: Strategy\nversion: \(version / 3)\n")
            try s.write("notes/big.txt", String(repeating: "line \(version)\n", count: 4000 + version))
            try s.git("add", ".")
            try s.git("commit", "-q", "-m", "version \(version)")
        }
        return s
    }

    /// Every object the repository holds, by id.
    static func allObjects(_ s: Scratch) throws -> [ObjectID] {
        try s.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)")
            .split(separator: "\n").map { try #require(ObjectID(hex: String($0))) }
    }

    enum Packing: String, CaseIterable, Sendable {
        /// Deltas name their base by its place in the pack (git's default).
        case offsets
        /// Deltas name their base by id.
        case ids
    }

    @Test(arguments: Packing.allCases)
    func everyObjectReadsAsThroughLibgit2(_ packing: Packing) throws {
        let s = try Self.history()
        try s.git("-c", "repack.useDeltaBaseOffset=\(packing == .offsets)", "repack", "-adfq", "--depth=50", "--window=50")
        let chains = try s.git("verify-pack", "-v", try #require(packIndexes(s).first))
        #expect(chains.contains("chain length = 2"), "the packing holds chains of deltas")
        let repo = try s.open()
        let store = try #require(PackStore(objects: repo.commonDir + "/objects"))
        let ids = try Self.allObjects(s)
        #expect(ids.count > 200)
        for id in ids {
            let expected = try #require(repo.databaseObject(id))
            guard case .object(let read)? = store.read(id) else {
                Issue.record("\(id) was not read from the pack")
                continue
            }
            #expect(read.type == expected.type && read.bytes == expected.bytes, "\(id)")
        }
        // Read again, newest first, as a history does: the same bytes from the cache.
        for id in ids.reversed() {
            guard case .object(let read)? = store.read(id) else { continue }
            #expect(read.bytes == repo.databaseObject(id)?.bytes)
        }
    }

    @Test func anObjectOverTheLimitGivesItsSizeAlone() throws {
        let s = try Self.history()
        try s.git("repack", "-adfq", "--depth=50", "--window=50")
        let repo = try s.open()
        let store = try #require(PackStore(objects: repo.commonDir + "/objects"))
        // Every version of the large file: the newest mostly whole, the others deltas.
        let versions = try s.git("rev-list", "HEAD").split(separator: "\n").map { commit in
            try s.git("rev-parse", "\(commit):notes/big.txt")
        }
        for hex in Set(versions) {
            let id = try #require(ObjectID(hex: hex))
            let size = try #require(repo.databaseObject(id)).bytes.count
            guard case .tooLarge(let type, let told)? = store.read(id, limit: 1000) else {
                Issue.record("\(hex) was read whole past the limit")
                continue
            }
            #expect(type == 3 && told == size)
            guard case .object(let whole)? = store.read(id, limit: size) else {
                Issue.record("\(hex) was not read at its own size")
                continue
            }
            #expect(whole.bytes.count == size)
            guard case .tooLarge(let blobSize) = try repo.blob(id, limit: 1000) else {
                Issue.record("\(hex) was read whole by the repository past the limit")
                continue
            }
            #expect(blobSize == size)
        }
    }

    @Test func looseObjectsAreLeftToLibgit2() throws {
        let s = try Self.history()
        try s.git("repack", "-adq")
        try s.write("strategy/strategy.yaml", "kind: Strategy\nversion: after the pack\n")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "after the pack")
        let repo = try s.open()
        let store = try #require(PackStore(objects: repo.commonDir + "/objects"))
        let blob = try #require(ObjectID(hex: try s.git("rev-parse", "HEAD:strategy/strategy.yaml")))
        #expect(store.read(blob) == nil)
        #expect(try repo.blob(blob) == Array("kind: Strategy\nversion: after the pack\n".utf8))
        let head = try #require(try repo.headCommit())
        #expect(try repo.commit(head).summary == "after the pack")
    }

    /// Damage in several places of a pack: each object reads as it was, or not at all (and
    /// libgit2 then reports it); nothing reads as something else, nothing crashes.
    @Test(arguments: [0.02, 0.3, 0.5, 0.75, 0.97])
    func damagedPacksNeverReadAsSomethingElse(_ at: Double) throws {
        let s = try Self.history()
        try s.git("repack", "-adfq", "--depth=50", "--window=50")
        let repo = try s.open()
        let ids = try Self.allObjects(s)
        var original: [ObjectID: [UInt8]] = [:]
        for id in ids { original[id] = repo.databaseObject(id)?.bytes }
        let pack = try #require(packIndexes(s).first).replacingOccurrences(of: ".idx", with: ".pack")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pack)))
        let start = Int(Double(bytes.count) * at)
        for k in start..<min(start + 64, bytes.count) { bytes[k] ^= UInt8(truncatingIfNeeded: 0x5A &+ k) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pack)
        try Data(bytes).write(to: URL(fileURLWithPath: pack))
        let store = try #require(PackStore(objects: repo.commonDir + "/objects"))
        var unread = 0
        for id in ids {
            switch store.read(id) {
            case .object(let read)?: #expect(read.bytes == original[id], "\(id) read as something else")
            case .tooLarge?: Issue.record("\(id) said to be too large")
            case nil: unread += 1
            }
        }
        #expect(unread > 0, "the damage was noticed")
    }

    @Test func indexesLaidOutOtherwiseAreNotUsed() throws {
        let s = try Self.history()
        try s.git("repack", "-adq")
        let index = try #require(packIndexes(s).first)
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: index)))
        let pack = index.replacingOccurrences(of: ".idx", with: ".pack")
        let damaged: [[UInt8]] = [
            Array(good.prefix(100)),                          // cut short
            [0, 0, 0, 0] + good.dropFirst(4),                 // no magic number
            Array(good.prefix(4)) + [0, 0, 0, 3] + good.dropFirst(8),  // version 3
            Array(good.prefix(8)) + [0xFF, 0xFF, 0xFF, 0xFF] + good.dropFirst(12),  // a fan-out going down
            good + [1, 2, 3],                                 // tables that do not add up
        ]
        for bytes in damaged {
            let path = s.root.appendingPathComponent("odd.idx").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(PackIndex(path: path, packPath: pack) == nil)
        }
        #expect(PackIndex(path: index, packPath: pack) != nil)
    }

    /// Every id the index holds is found where `git verify-pack` puts it, and ids next to
    /// them, at the ends of the range and sharing their first eight bytes are not found.
    @Test func theSearchFindsEveryIdAndNoOther() throws {
        let s = try Self.history()
        try s.git("repack", "-adq")
        let index = try #require(packIndexes(s).first)
        let pack = String(index.dropLast(4)) + ".pack"
        let packIndex = try #require(PackIndex(path: index, packPath: pack))
        var offsets: [ObjectID: Int] = [:]
        for line in try s.git("verify-pack", "-v", index).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, let id = ObjectID(hex: String(fields[0])), let offset = Int(fields[4]) else { continue }
            offsets[id] = offset
        }
        #expect(offsets.count > 200)
        for (id, offset) in offsets { #expect(packIndex.offset(of: id) == offset, "\(id)") }
        var absent = ["00", "ff"].compactMap { ObjectID(hex: String(repeating: $0, count: 20)) }
        for id in offsets.keys.prefix(50) {
            var hex = Array(id.hex)
            // The last digit changed: the same first eight bytes, another id.
            hex[39] = hex[39] == "0" ? "1" : "0"
            absent.append(try #require(ObjectID(hex: String(hex))))
            hex[2] = hex[2] == "0" ? "f" : "0"
            absent.append(try #require(ObjectID(hex: String(hex))))
        }
        for id in absent where offsets[id] == nil { #expect(packIndex.offset(of: id) == nil, "\(id)") }
    }

    func packIndexes(_ s: Scratch) throws -> [String] {
        let folder = s.root.appendingPathComponent(".git/objects/pack")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".idx") }.map { folder.appendingPathComponent($0).path }
    }
}

extension PackStore.Read: Equatable {
    public static func == (a: PackStore.Read, b: PackStore.Read) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): x.type == y.type && x.bytes == y.bytes
        case (.tooLarge(let t, let n), .tooLarge(let u, let m)): t == u && n == m
        default: false
        }
    }
}
