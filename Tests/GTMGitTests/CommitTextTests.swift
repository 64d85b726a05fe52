import Foundation
import Testing
@testable import GTMGit

/// `gtm log` reads a commit's names and message from its raw text where git wrote it the usual
/// way, and leaves the rest to libgit2: both readings must agree on every commit, however odd.
@Suite("Commit names and messages read from the raw text")
struct CommitTextTests {
    static let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    static let parent = "0123456789abcdef0123456789abcdef01234567"

    /// Commit texts another tool could have written: what the raw reading must read as
    /// libgit2 does, or leave to it.
    static let texts: [(description: String, text: String, readRaw: Bool)] = [
        ("as git writes it", "author Ann <ann@x.io> 1800000000 +0100\ncommitter Bo <bo@x.io> 1800000060 -0700\n\nSubject\n\nBody\n", true),
        ("a name and an address trimmed of spaces and punctuation",
         "author  'Ann, Jr.' < ann@x.io. > 1800000000 +0000\ncommitter \"Bo\"; <bo@x.io> 1800000060 +0000\n\nm\n", true),
        ("brackets inside the name", "author A <b> C <c@x> 1 +0000\ncommitter C > D <c@x> 2 +0000\n\nm\n", true),
        ("a zone beyond fourteen hours, read as UTC", "author A <a@x> 1 +1500\ncommitter C <c@x> 2 -0075\n\nm\n", true),
        ("leading blank lines in the message", "author A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\n\n\nafter blanks\n", true),
        ("a NUL byte in the message", "author A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\nbefore\u{0}after\n", true),
        ("an encoding and a signature", "author A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\nencoding ISO-8859-1\ngpgsig -----BEGIN-----\n abc\n -----END-----\n\nsigned\n", true),
        ("no message", "author A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\n", true),
        ("a blank line and nothing after it", "author A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\n", true),
        ("text that is not UTF-8", "author Zo\u{E9} <z@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\ncaf\u{E9}\n", true),
        ("two author lines", "author A <a@x> 1 +0000\nauthor B <b@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\nm\n", false),
        ("a signature without a time", "author A <a@x>\ncommitter C <c@x> 2 +0000\n\nm\n", false),
        ("two spaces before the time", "author A <a@x>  1 +0000\ncommitter C <c@x> 2 +0000\n\nm\n", false),
        ("a zone of three digits", "author A <a@x> 1 +000\ncommitter C <c@x> 2 +0000\n\nm\n", false),
        ("a NUL byte in a name", "author A\u{0}B <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\nm\n", false),
    ]

    /// Latin-1 where the text asks for it: a byte that is not UTF-8 on its own.
    static func bytes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 0x80 || $0 == "\u{E9}" ? UInt8(truncatingIfNeeded: $0.value) : UInt8(ascii: "?") }
    }

    @Test func readsAsLibgit2DoesOrLeavesItToLibgit2() throws {
        let s = try Scratch()
        let repo = try s.open()
        let libgit2 = try s.open()
        libgit2.readsRawObjects = false
        for (description, text, readRaw) in Self.texts {
            let raw = Self.bytes("tree \(Self.tree)\nparent \(Self.parent)\n" + text)
            try Data(raw).write(to: s.root.appendingPathComponent("raw"))
            let id = try #require(ObjectID(hex: try s.git("hash-object", "-t", "commit", "-w", "--literally", "raw")), "\(description)")
            let parsed = raw.withUnsafeBytes { CommitText($0) }
            #expect((parsed != nil) == readRaw, "\(description)")
            let expected = try libgit2.commit(id, details: true)
            #expect(try repo.commit(id, details: true) == expected, "\(description)")
            guard let parsed else { continue }
            #expect(parsed.author == expected.author, "\(description)")
            #expect(parsed.committer == expected.committer, "\(description)")
            #expect(parsed.message == expected.message, "\(description)")
        }
    }

    @Test func commitsMadeByGitReadRaw() throws {
        let s = try Scratch()
        for k in 0..<3 {
            try s.write("f", "\(k)")
            try s.git("add", ".")
            try s.git("commit", "-q", "-m", "change \(k)\n\nwhy it changed")
        }
        let repo = try s.open()
        let libgit2 = try s.open()
        libgit2.readsRawObjects = false
        var id = try #require(try repo.headCommit())
        while true {
            let raw = try #require(repo.detailedCommit(id), "read raw")
            #expect(raw == (try libgit2.commit(id, details: true)))
            guard let next = raw.parents.first else { break }
            id = next
        }
    }
}
