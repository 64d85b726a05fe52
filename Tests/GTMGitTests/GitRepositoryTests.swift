import Foundation
import Testing
@testable import GTMGit

/// Builds small repositories with the git program, then reads them through GTMGit.
final class Scratch {
    let root: URL
    private var clock = 1_790_000_000

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func git(_ args: String..., at dir: URL? = nil) throws -> String {
        clock += 60
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "protocol.file.allow=always", "-c", "user.name=T", "-c", "user.email=t@example.com"] + args
        p.currentDirectoryURL = dir ?? root
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_DATE"] = "@\(clock) +0000"
        env["GIT_COMMITTER_DATE"] = "@\(clock) +0000"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func open(from sub: String = "", env: [String: String] = [:]) throws -> GitRepository {
        try GitRepository.discover(from: root.appendingPathComponent(sub).path, environment: env)
    }
}

@Suite("GTMGit over real repositories")
struct GitRepositoryTests {
    @Test func discoversFromASubfolderAndReadsTreesAndBlobs() throws {
        let s = try Scratch()
        try s.write("strategy/a.yaml", "a: 1\n")
        try s.write("strategy/deep/b.yaml", "b: 2\n")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "one")
        let repo = try s.open(from: "strategy/deep")
        #expect(repo.workdir == s.root.resolvingSymlinksInPath().path || repo.workdir == s.root.path)
        let head = try #require(try repo.headCommit())
        #expect(head.hex == (try s.git("rev-parse", "HEAD")))
        let files = try repo.files(commit: head, under: "strategy")
        #expect(files.map(\.path) == ["strategy/a.yaml", "strategy/deep/b.yaml"])
        #expect(try repo.blob(files[0].blob) == Array("a: 1\n".utf8))
        #expect(try repo.commit(head).summary == "one")
        #expect(ObjectID(hex: head.hex) == head)
    }

    @Test func revisionsResolveAndUnknownOnesSaySo() throws {
        let s = try Scratch()
        try s.write("f", "1")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "one")
        try s.git("tag", "v1")
        try s.write("f", "2")
        try s.git("commit", "-qam", "two")
        let repo = try s.open()
        let head = try repo.resolveCommit("HEAD")
        #expect(try repo.resolveCommit("HEAD~1") == repo.resolveCommit("v1"))
        #expect(try repo.resolveCommit(String(head.hex.prefix(8))) == head)
        #expect(throws: GitError.self) { try repo.resolveCommit("no-such-branch") }
    }

    @Test func hookIndexIsHonouredAndAMissingOneFailsLoudly() throws {
        let s = try Scratch()
        try s.write("f.yaml", "v: 1\n")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "one")
        // A second index, as `git commit -a` makes, holding other content.
        try s.write("f.yaml", "v: 2\n")
        let other = s.root.appendingPathComponent(".git/other-index")
        try FileManager.default.copyItem(at: s.root.appendingPathComponent(".git/index"), to: other)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "add", "f.yaml"]
        p.currentDirectoryURL = s.root
        p.environment = ProcessInfo.processInfo.environment.merging(["GIT_INDEX_FILE": other.path]) { $1 }
        try p.run()
        p.waitUntilExit()
        let normal = try s.open().indexFiles(under: nil)
        let hook = try s.open(env: ["GIT_INDEX_FILE": ".git/other-index"]).indexFiles(under: nil)
        #expect(normal.first?.blob != hook.first?.blob)
        #expect(try s.open(env: ["GIT_INDEX_FILE": ".git/other-index"]).blob(hook[0].blob) == Array("v: 2\n".utf8))
        #expect(throws: GitError.self) { try s.open(env: ["GIT_INDEX_FILE": ".git/missing-index"]) }
    }

    @Test func emptyRepositoryAndLinkedWorktree() throws {
        let s = try Scratch()
        let empty = try s.open()
        #expect(try empty.headCommit() == nil)
        #expect(try empty.indexFiles(under: nil).isEmpty)
        try s.write("strategy/a.yaml", "a: 1\n")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "one")
        let tree = s.root.appendingPathComponent("../\(s.root.lastPathComponent)-wt").standardized
        try s.git("worktree", "add", "-q", tree.path)
        defer { try? FileManager.default.removeItem(at: tree) }
        let linked = try GitRepository.discover(from: tree.path, environment: [:])
        #expect(linked.gitDir.contains("worktrees"))
        #expect(try linked.indexFiles(under: "strategy").map(\.path) == ["strategy/a.yaml"])
    }

    /// A commit's summary is its first line, whatever ends it; its short id git's seven digits.
    @Test(arguments: [("subject\nbody", "subject"), ("subject\r\nbody\r\n", "subject"), ("one line", "one line"), ("", ""),
                      ("\nbody", ""), ("naïve ≈ subject\n", "naïve ≈ subject"), ("a\rb\nc", "a\rb")])
    func summaryIsTheFirstLine(_ message: String, _ summary: String) throws {
        let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        let time = Signature(name: "", email: "", time: 0, offset: 0)
        let commit = CommitInfo(id: id, parents: [], tree: id, author: time, committer: time, message: message)
        #expect(commit.summary == summary)
        #expect(id.short == "0123456")
        #expect(id.hex == "0123456789abcdef0123456789abcdef01234567")
    }

    @Test func walkStopsAtAShallowBoundary() throws {
        let s = try Scratch()
        for i in 1...3 {
            try s.write("f", "\(i)")
            try s.git("add", ".")
            try s.git("commit", "-q", "-m", "c\(i)")
        }
        let clone = try Scratch()
        try clone.git("clone", "-q", "--depth", "1", "file://" + s.root.path, "shallow")
        let repo = try GitRepository.discover(from: clone.root.appendingPathComponent("shallow").path, environment: [:])
        #expect(repo.isShallow)
        var seen = 0
        let end = try repo.walk(from: try #require(try repo.headCommit()), firstParent: true) { _ in seen += 1; return true }
        #expect(seen == 1)
        #expect(end.stoppedAtShallowBoundary)
        do {
            _ = try repo.resolveCommit("HEAD~1")
            Issue.record("HEAD~1 should not resolve in a depth-1 clone")
        } catch {
            #expect(error.hint?.contains("shallow") == true)
        }
    }

    @Test func symlinksAndSubmodulesAreListedNotFollowed() throws {
        let s = try Scratch()
        try s.write("strategy/a.yaml", "a: 1\n")
        try FileManager.default.createSymbolicLink(atPath: s.root.appendingPathComponent("strategy/link.yaml").path, withDestinationPath: "/etc/passwd")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "one")
        let repo = try s.open()
        let files = try repo.files(commit: try #require(try repo.headCommit()), under: "strategy")
        #expect(files.first { $0.path == "strategy/link.yaml" }?.kind == .symlink)
    }
}
