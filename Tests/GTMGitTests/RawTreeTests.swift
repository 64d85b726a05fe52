import Foundation
import Testing
@testable import GTMGit

/// Trees are read from their raw bytes (`RawTree`) where they are laid out as git writes them,
/// and left to libgit2 otherwise: both readings must give the same files and entries.
@Suite("Trees read from the raw bytes")
struct RawTreeTests {
    static let someID = [UInt8](repeating: 0xAB, count: 20)

    /// A tree's bytes from entries of a mode as written, a name and an id.
    static func treeBytes(_ entries: [(mode: String, name: [UInt8], id: [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        for entry in entries {
            bytes += Array(entry.mode.utf8)
            bytes.append(0x20)
            bytes += entry.name
            bytes.append(0)
            bytes += entry.id
        }
        return bytes
    }

    struct Malformed: Sendable, CustomStringConvertible {
        var description: String
        var bytes: [UInt8]
    }

    static let malformed: [Malformed] = [
        Malformed(description: "a mode of eight digits", bytes: treeBytes([("10064400", Array("a".utf8), someID)])),
        Malformed(description: "a mode with an 8", bytes: treeBytes([("100648", Array("a".utf8), someID)])),
        Malformed(description: "no mode", bytes: treeBytes([("", Array("a".utf8), someID)])),
        Malformed(description: "an empty name", bytes: treeBytes([("100644", [], someID)])),
        Malformed(description: "a short id", bytes: Array(treeBytes([("100644", Array("a".utf8), someID)]).dropLast())),
        Malformed(description: "no NUL after the name", bytes: Array("100644 a".utf8)),
        Malformed(description: "a mode and nothing else", bytes: Array("100644".utf8)),
        Malformed(description: "a good entry, then a bad one",
                  bytes: treeBytes([("100644", Array("a".utf8), someID), ("1x0644", Array("b".utf8), someID)])),
    ]

    @Test(arguments: malformed)
    func bytesLaidOutOtherwiseAreLeftToLibgit2(_ c: Malformed) {
        let wellFormed = c.bytes.withUnsafeBytes { RawTree.forEach($0, idLength: 20) { _ in true } }
        #expect(!wellFormed)
    }

    @Test func entriesComeInOrderWithTheirIDs() throws {
        let second = [UInt8](repeating: 0x01, count: 20)
        let bytes = Self.treeBytes([("100644", Array("a b.yaml".utf8), Self.someID), ("40000", Array("strategy".utf8), second)])
        var seen: [(UInt32, String, ObjectID)] = []
        let wellFormed = bytes.withUnsafeBytes { raw in
            RawTree.forEach(raw, idLength: 20) { entry in
                seen.append((entry.mode, String(decoding: entry.name, as: UTF8.self), entry.id))
                return true
            }
        }
        #expect(wellFormed)
        #expect(seen.map(\.0) == [0o100644, 0o040000])
        #expect(seen.map(\.1) == ["a b.yaml", "strategy"])
        #expect(seen.map(\.2.hex) == [String(repeating: "ab", count: 20), String(repeating: "01", count: 20)])
        #expect([UInt8]().withUnsafeBytes { RawTree.forEach($0, idLength: 20) { _ in true } })
    }

    @Test(arguments: [
        (0o100644, 0o100644), (0o100755, 0o100755), (0o100664, 0o100644), (0o100775, 0o100755), (0o100744, 0o100755),
        (0o040000, 0o040000), (0o040755, 0o040000), (0o160000, 0o160000), (0o120000, 0o120000), (0o644, 0o100644),
        (0o755, 0o100755), (0o000000, 0o100644),
    ] as [(UInt32, UInt32)])
    func modesAreNormalisedAsLibgit2Does(written: UInt32, reported: UInt32) {
        #expect(RawTree.normalised(written) == reported)
    }

    /// A repository with nested folders, an executable, a symbolic link, a submodule, and a
    /// tree written by hand with modes git no longer writes and a name that is not UTF-8: every
    /// listing and every lookup agrees with libgit2's.
    @Test func agreesWithLibgit2() throws {
        let s = try Scratch()
        try s.write("strategy/a.yaml", "a: 1\n")
        try s.write("strategy/deep/b c.yaml", "b: 2\n")
        try s.write("run.sh", "true\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: s.root.appendingPathComponent("run.sh").path)
        try FileManager.default.createSymbolicLink(atPath: s.root.appendingPathComponent("link").path, withDestinationPath: "run.sh")
        try s.git("add", ".")
        try s.git("update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "12", count: 20)),vendor/lib")
        try s.git("commit", "-q", "-m", "one")
        let root = try #require(ObjectID(hex: try s.git("rev-parse", "HEAD^{tree}")))
        let strategy = try #require(ObjectID(hex: try s.git("rev-parse", "HEAD:strategy")))
        // A tree as an older or another tool could have written it.
        let idBytes = (0..<20).map { strategy.byte($0) }
        // In git's order (libgit2 looks names up by binary search).
        let handWritten = Self.treeBytes([
            ("100644", [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x79, 0x61, 0x6D, 0x6C], Self.someID),
            ("100664", Array("group-writable.yaml".utf8), Self.someID),
            ("40000", Array("nested".utf8), idBytes),
            ("644", Array("old.yaml".utf8), Self.someID),
        ])
        try Data(handWritten).write(to: s.root.appendingPathComponent("tree.bin"))
        let literal = try #require(ObjectID(hex: try s.git("hash-object", "-t", "tree", "--literally", "-w", "tree.bin")))

        let raw = try s.open(), through = try s.open()
        through.readsRawObjects = false
        for (tree, prefix) in [(root, ""), (strategy, "strategy"), (literal, "hand")] {
            let mine = try raw.files(tree: tree, prefix: prefix), theirs = try through.files(tree: tree, prefix: prefix)
            #expect(mine == theirs, "files of \(prefix)")
            #expect(!mine.isEmpty)
        }
        #expect(try raw.files(tree: literal, prefix: "").contains { !$0.validName })
        let paths = ["strategy", "strategy/", "strategy/deep", "strategy/deep/b c.yaml", "strategy/a.yaml", "strategy/a.yaml/x",
                     "missing", "strategy/missing", "vendor/lib", "vendor", "link", "run.sh", "./strategy", "strategy//deep", ".."]
        for path in paths {
            #expect(Self.answer(raw, root, path) == Self.answer(through, root, path), "\(path)")
        }
        for path in ["nested", "nested/deep", "nested/a.yaml", "old.yaml", "group-writable.yaml", "nope"] {
            #expect(Self.answer(raw, literal, path) == Self.answer(through, literal, path), "\(path)")
        }
        #expect(raw.rawEntry(tree: root, path: "strategy/deep") != nil)
        #expect(raw.rawEntry(tree: root, path: "./strategy") == nil)
    }

    /// An entry or the failure, in words.
    static func answer(_ repo: GitRepository, _ tree: ObjectID, _ path: String) -> String {
        do { return "\(String(describing: try repo.entry(tree: tree, path: path)))" } catch { return "failed: \(error)" }
    }
}
