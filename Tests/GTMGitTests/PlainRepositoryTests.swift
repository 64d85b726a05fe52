import Foundation
import Testing
@testable import GTMGit

/// `PlainRepository` reads HEAD without libgit2, and only where git's layout is the plain one:
/// what it answers must be what git answers, and anything else must give nil.
@Suite("Repositories read without libgit2")
struct PlainRepositoryTests {
    enum Layout: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case branch, packedRefs, detached, subfolder
        var testDescription: String { rawValue }
    }

    static func withCommits() throws -> Scratch {
        let s = try Scratch()
        for (i, text) in ["a: 1\n", "a: 2\n"].enumerated() {
            try s.write("strategy/a.yaml", text)
            try s.git("add", ".")
            try s.git("commit", "-q", "-m", "commit \(i)")
        }
        return s
    }

    @Test(arguments: Layout.allCases)
    func headIsWhatGitSays(layout: Layout) throws {
        let s = try Self.withCommits()
        var from = s.root
        switch layout {
        case .branch: break
        case .packedRefs:
            try s.git("pack-refs", "--all")
            #expect(!FileManager.default.fileExists(atPath: s.root.appendingPathComponent(".git/refs/heads/main").path))
        case .detached: try s.git("checkout", "-q", "--detach", "HEAD~1")
        case .subfolder: from = s.root.appendingPathComponent("strategy")
        }
        let repository = try #require(PlainRepository.find(from: from.resolvingSymlinksInPath().path))
        #expect(repository.workdir == s.root.resolvingSymlinksInPath().path)
        #expect(repository.head()?.hex == (try s.git("rev-parse", "HEAD")))
    }

    enum Odd: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case shallow, grafts, alternates, extensions, include, commitGraphSetting, worktree, gitFile
        var testDescription: String { rawValue }
    }

    @Test(arguments: Odd.allCases)
    func anythingButThePlainLayoutIsLeftToLibgit2(odd: Odd) throws {
        let s = try Self.withCommits()
        let git = s.root.appendingPathComponent(".git")
        var from = s.root
        func append(_ text: String, to path: String) throws {
            let url = git.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            try (old + text).write(to: url, atomically: false, encoding: .utf8)
        }
        switch odd {
        case .shallow: try append(try s.git("rev-parse", "HEAD~1") + "\n", to: "shallow")
        case .grafts: try append(try s.git("rev-parse", "HEAD") + "\n", to: "info/grafts")
        case .alternates: try append("/elsewhere/objects\n", to: "objects/info/alternates")
        case .extensions: try append("[extensions]\n\tobjectFormat = sha1\n", to: "config")
        case .include: try append("[include]\n\tpath = other\n", to: "config")
        case .commitGraphSetting: try append("[core]\n\tcommitGraph = false\n", to: "config")
        case .worktree:
            let other = s.root.appendingPathComponent("linked")
            try s.git("worktree", "add", "-q", other.path, "HEAD~1")
            from = other
        case .gitFile:
            // A submodule-like checkout: `.git` is a file naming the git folder.
            let moved = s.root.deletingLastPathComponent().appendingPathComponent(s.root.lastPathComponent + ".git")
            try FileManager.default.moveItem(at: git, to: moved)
            try "gitdir: \(moved.path)\n".write(to: git, atomically: false, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: moved) }
            #expect(PlainRepository.find(from: from.resolvingSymlinksInPath().path) == nil)
            return
        }
        #expect(PlainRepository.find(from: from.resolvingSymlinksInPath().path) == nil)
    }

    @Test func anUnbornBranchHasNoHead() throws {
        let s = try Scratch()
        let repository = try #require(PlainRepository.find(from: s.root.resolvingSymlinksInPath().path))
        #expect(repository.head() == nil)
    }

    @Test(arguments: [
        ("GIT_DIR", false), ("GIT_WORK_TREE", false), ("GIT_INDEX_FILE", false), ("GIT_OBJECT_DIRECTORY", false),
        ("GIT_CEILING_DIRECTORIES", false), ("GIT_CONFIG_GLOBAL", false), ("GIT_AUTHOR_NAME", true),
        ("GIT_PAGER", true), ("GIT_SSL_CAINFO", true), ("GIT_CONFIG_NOSYSTEM", true), ("HOME", true),
    ])
    func onlyVariablesThatCannotChangeTheRepositoryAreHarmless(name: String, harmless: Bool) {
        #expect(PlainRepository.isHarmless(name) == harmless)
    }

    @Test(arguments: [
        ("[core]\n\tbare = false\n\tfilemode = true\n", true), ("", true), ("[user]\n\tname = Ana Include-Smith\n", false),
        ("[EXTENSIONS]\n\tobjectFormat = sha256\n", false), ("[Include]\n\tpath = x\n", false), ("[core]\n\tCommitGraph = false\n", false),
        ("[core]\n\tBare = True\n", false), ("[core]\n\tbare=true\n", false), ("[core]\n\tWorkTree = /x\n", false), ("x", true),
        ("[remote \"origin\"]\n\turl = https://example.com/é/worktre\n", true),
    ])
    func settingsThatCouldChangeHowHistoryReadsAreFoundInAnyCase(text: String, plain: Bool) {
        #expect(PlainRepository.isPlainSettings(text) == plain)
    }

    @Test(arguments: ["../outside", "refs/heads/../../HEAD", "refs/heads/a b", "refs/heads/x.lock", "HEAD", "refs//x"])
    func aReferenceNameGitWouldRefuseIsNotRead(name: String) throws {
        let s = try Self.withCommits()
        let repository = try #require(PlainRepository.find(from: s.root.resolvingSymlinksInPath().path))
        #expect(repository.reference(name) == nil)
    }
}
