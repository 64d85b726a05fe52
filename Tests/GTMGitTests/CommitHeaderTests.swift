import Foundation
import Testing
@testable import GTMGit

/// A walk reads a commit's tree, parents and committer time from its raw text; text laid out
/// otherwise is left to libgit2, and the two readings agree on real commits.
@Suite("Commit headers read from the raw text")
struct CommitHeaderTests {
    static let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    static let p1 = "0123456789abcdef0123456789abcdef01234567"
    static let p2 = "89abcdef0123456789abcdef0123456789abcdef"

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var text: String
        /// Parents, time and offset; nil when the text is left to libgit2.
        var expected: (parents: [String], time: Int, offset: Int)?
    }

    static let cases: [Case] = [
        Case(description: "a root commit",
             text: "tree \(tree)\nauthor A <a@x> 1700000000 +0000\ncommitter C <c@x> 1700000060 +0000\n\nfirst\n",
             expected: ([], 1_700_000_060, 0)),
        Case(description: "one parent, a zone east",
             text: "tree \(tree)\nparent \(p1)\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 1700000000 +0530\n\nm\n",
             expected: ([p1], 1_700_000_000, 330)),
        Case(description: "a merge, a zone west",
             text: "tree \(tree)\nparent \(p1)\nparent \(p2)\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 42 -0800\n\nmerge\n",
             expected: ([p1, p2], 42, -480)),
        Case(description: "a name with brackets, an encoding and a signature after the committer",
             text: "tree \(tree)\nauthor A <a@x> 1 +0000\ncommitter C > D <c@x> 99 +0100\nencoding ISO-8859-1\ngpgsig -----BEGIN-----\n abc\n -----END-----\n\nm\n",
             expected: ([], 99, 60)),
        Case(description: "no message",
             text: "tree \(tree)\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 7 +0000\n",
             expected: ([], 7, 0)),
        Case(description: "no tree line first",
             text: "parent \(p1)\ntree \(tree)\ncommitter C <c@x> 7 +0000\n\nm\n", expected: nil),
        Case(description: "a short tree id",
             text: "tree 4b825dc\ncommitter C <c@x> 7 +0000\n\nm\n", expected: nil),
        Case(description: "no committer",
             text: "tree \(tree)\nauthor A <a@x> 1 +0000\n\ncommitter C <c@x> 7 +0000\n", expected: nil),
        Case(description: "a committer without a zone",
             text: "tree \(tree)\ncommitter C <c@x> 7\n\nm\n", expected: nil),
        Case(description: "a zone without a sign",
             text: "tree \(tree)\ncommitter C <c@x> 7 0100\n\nm\n", expected: nil),
        Case(description: "a time that is not a number",
             text: "tree \(tree)\ncommitter C <c@x> 7a +0100\n\nm\n", expected: nil),
        Case(description: "a time too long to be one",
             text: "tree \(tree)\ncommitter C <c@x> 1234567890123456789012 +0100\n\nm\n", expected: nil),
        Case(description: "no address",
             text: "tree \(tree)\ncommitter C 7 +0100\n\nm\n", expected: nil),
        Case(description: "nothing", text: "", expected: nil),
    ]

    @Test(arguments: cases)
    func readsWhatGitWritesAndNothingElse(_ c: Case) throws {
        let header = Array(c.text.utf8).withUnsafeBytes { CommitHeader($0) }
        guard let expected = c.expected else {
            #expect(header == nil)
            return
        }
        let read = try #require(header)
        #expect(read.tree == ObjectID(hex: Self.tree))
        #expect(read.parents == expected.parents.map { ObjectID(hex: $0)! })
        #expect(read.time == expected.time)
        #expect(read.offset == expected.offset)
    }

    /// Every commit of a repository with a merge, zones on both sides of UTC and a name with a
    /// bracket reads the same through its header as through libgit2's parse.
    @Test func agreesWithLibgit2OnRealCommits() throws {
        let s = try Scratch()
        try s.write("f", "0")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "root")
        let root = try s.git("rev-parse", "HEAD")
        let tree = try s.git("rev-parse", "HEAD^{tree}")
        /// A commit written as its raw text, the way another tool could have written it.
        func commit(_ parents: [String], committer: String) throws -> String {
            let text = "tree \(tree)\n" + parents.map { "parent \($0)\n" }.joined()
                + "author A <a@x> 1800000000 +0000\ncommitter \(committer)\n\nmessage\n"
            try s.write("raw", text)
            return try s.git("hash-object", "-t", "commit", "-w", "raw")
        }
        let east = try commit([root], committer: "C <c@x> 1800000100 +0530")
        let west = try commit([root], committer: "Zoë > Z <z@x> 1800000200 -0800")
        let merge = try commit([east, west], committer: "M <m@x> 1800000300 +1245")
        try s.git("update-ref", "refs/heads/main", merge)
        let repo = try s.open()
        var count = 0
        _ = try repo.walk(from: try #require(ObjectID(hex: merge)), firstParent: false) { commit in
            let light = try #require(repo.lightCommit(commit.id))
            let full = try repo.commit(commit.id, details: true)
            #expect(light.tree == full.tree)
            #expect(light.parents == full.parents)
            #expect(light.committer.time == full.committer.time)
            #expect(light.committer.offset == full.committer.offset)
            count += 1
            return true
        }
        #expect(count == 4)
        #expect(repo.lightCommit(try #require(ObjectID(hex: tree))) == nil)
    }
}
