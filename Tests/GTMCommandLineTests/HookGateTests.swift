import Foundation
import Testing

/// The ways around the hook that a careless or hostile user finds, each closed.
@Suite("The hook is a gate nobody slips past")
struct HookGateTests {
    func repository(install: Bool = true) throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy")
        if install {
            let result = try repo.gtm("hook", "install")
            #expect(result.status == 0, "\(result.stderr)")
        }
        return repo
    }

    func output(_ repo: GitFixture, _ arguments: String...) throws -> CommandResult {
        try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
    }

    @Test func theHookChecksTheConfiguredStrategyFolder() throws {
        let repo = try GitFixture()
        try repo.write(".gtm.yaml", "strategy: gtm   # where the strategy lives\n")
        try repo.write("gtm/strategy.yaml", StrategyText.strategy)
        try repo.write("gtm/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy under gtm/")
        #expect(try repo.gtm("hook", "install").status == 0)
        try repo.write("gtm/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        try repo.git("add", "gtm/segment.yaml")
        let blocked = try repo.git("commit", "-q", "-m", "broken under gtm/")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("gtm/segment.yaml:8:23"), "\(blocked.stderr)")
    }

    @Test func aCommitThatStagesNoStrategyFileIsNotJudged() throws {
        let repo = try repository()
        try repo.write("README.md", "notes\n")
        try repo.git("add", "README.md")
        // gtm itself is quiet too, as the pre-commit framework runs it on every commit.
        let direct = try output(repo, "check", "--staged", "--hook")
        #expect(direct.status == 0 && direct.stdout.isEmpty, "\(direct.stdout)")
        #expect(try repo.git("commit", "-q", "-m", "notes").status == 0)
    }

    /// The hook skips gtm for a commit that stages no YAML or JSON file, and only for such a
    /// commit: moving the segment out of the folder under another extension, or breaking a file
    /// whose name git would quote, is still judged.
    @Test(arguments: ["move", "quoted", "accented"])
    func whatLooksLikeNoStrategyChangeIsStillJudged(_ how: String) throws {
        let repo = try repository()
        switch how {
        case "move":
            try repo.git("mv", "strategy/segment.yaml", "notes.txt")
        case "quoted":
            try repo.write("strategy/a\"b.yaml", StrategyText.segment(estimated: "\"lots\""))
            try repo.git("add", ".")
        default:
            try repo.write("strategy/ségment.yaml", StrategyText.segment(estimated: "\"lots\""))
            try repo.git("add", ".")
        }
        let commit = try repo.git("commit", "-q", "-m", how)
        #expect(commit.status != 0, "\(commit.stdout)\(commit.stderr)")
        #expect(commit.stderr.contains("commit blocked"), "\(commit.stderr)")
    }

    @Test func aConflictedFileIsNamedNotJudgedAsOurs() throws {
        let repo = try repository(install: false)
        try repo.git("checkout", "-q", "-b", "other")
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "700"))
        try repo.git("commit", "-q", "-am", "700")
        try repo.git("checkout", "-q", "main")
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "650"))
        try repo.git("commit", "-q", "-am", "650")
        let merge = try repo.git("merge", "-q", "other")
        #expect(merge.status != 0, "the fixture expects a conflict")
        let result = try output(repo, "check", "--staged", "--today", "2026-11-24")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("strategy/segment.yaml:1:1: error: cannot read the file: the file is in conflict"), "\(result.stdout)")
        #expect(result.stdout.contains("resolve the conflict"), "\(result.stdout)")
    }

    @Test(arguments: [
        (["config", "core.splitIndex", "true"], ["update-index", "--split-index"], "core.splitIndex false"),
        (["sparse-checkout", "init", "--cone", "--sparse-index"], ["sparse-checkout", "set", "strategy"], "--no-sparse-index"),
    ])
    func indexFormatsLibgit2CannotReadAreNamedWithTheFix(_ setup: ([String], [String], String)) throws {
        let repo = try repository()
        try repo.git(setup.0)
        try repo.git(setup.1)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "650"))
        try repo.git("add", "strategy/segment.yaml")
        let result = try output(repo, "check", "--staged")
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(setup.2), "\(result.stderr)")
        // The hook blocks: a gate that cannot look does not open.
        let commit = try repo.git("commit", "-q", "-m", "650")
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("could not be checked"), "\(commit.stderr)")
    }

    /// libgit2 refuses a repository another user owns as if there were none; gtm says which.
    @Test func aRepositoryOwnedByAnotherUserSaysSo() throws {
        guard getuid() == 0 else {
            print("skipped: only root can give a repository to another user here")
            return
        }
        let repo = try repository(install: false)
        let chown = try run(URL(fileURLWithPath: "/bin/chown"), ["-R", "nobody", repo.root.path], in: repo.root)
        guard chown.status == 0 else { return }
        let result = try repo.gtm("check", "--staged")
        #expect(result.status == 2)
        #expect(result.stderr.contains("is owned by another user") && result.stderr.contains("safe.directory"), "\(result.stderr)")
    }

    @Test func aSHA256RepositoryIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-sha256-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let initialised = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "init", "-q", "--object-format=sha256"], in: dir, environment: GitFixture.environment)
        guard initialised.status == 0 else { return }  // a git without SHA-256 support
        let result = try GTMCommandLineTests.gtm(["check", "--staged"], in: dir, environment: GitFixture.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("SHA-256"), "\(result.stderr)")
    }

    /// The same files, judged the same way in the working tree and in the index.
    @Test func theWorkingTreeAndTheIndexAgreeOnWhatAStrategyFileIs() throws {
        let repo = try repository(install: false)
        // An upper-case extension is a YAML file; a link is named, not followed.
        try repo.write("strategy/plan.YAML", "apiVersion: gtm/v1\nkind: MarketingPlan\nid: m\nstrategy: acme\nchannels: [\"lots\"\n")
        try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("strategy/linked.yml").path, withDestinationPath: "segment.yaml")
        // A nested repository (a submodule's working tree) is not entered.
        let nested = repo.root.appendingPathComponent("strategy/vendor")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "gitdir: ../../.git/modules/vendor\n".write(to: nested.appendingPathComponent(".git"), atomically: false, encoding: .utf8)
        try "apiVersion: gtm/v1\nkind: Segment\nid: vendored\n".write(to: nested.appendingPathComponent("inside.yaml"), atomically: false, encoding: .utf8)
        // A file name that is not UTF-8 (byte 0xFF), made by the shell as a user's tool would.
        _ = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "printf 'apiVersion: gtm/v1\\n' > \"strategy/$(printf '\\377').yaml\""], in: repo.root)
        try repo.git("add", "strategy/plan.YAML", "strategy/linked.yml", ":(glob)strategy/*.yaml")
        let workingTree = try output(repo, "check", "--today", "2026-11-24", "--format", "json")
        let staged = try output(repo, "check", "--staged", "--today", "2026-11-24", "--format", "json")
        #expect(workingTree.stdout == staged.stdout, "working tree:\n\(workingTree.stdout)\nindex:\n\(staged.stdout)")
        #expect(staged.stdout.contains("strategy/plan.YAML"), "\(staged.stdout)")
        #expect(staged.stdout.contains("symbolic link"), "\(staged.stdout)")
        #expect(!workingTree.stdout.contains("inside.yaml"), "\(workingTree.stdout)")
        #expect(staged.stdout.contains("the file name is not UTF-8"), "\(staged.stdout)")
    }

    @Test func anUnreadableFolderIsSaidNotSkipped() throws {
        guard getuid() != 0 else {
            print("skipped: root reads every folder, so no folder is unreadable here")
            return
        }
        let repo = try repository(install: false)
        let locked = repo.root.appendingPathComponent("strategy/locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let result = try output(repo, "check", "--today", "2026-11-24")
        #expect(result.stdout.contains("strategy/locked:1:1: error: cannot read the file: cannot read the folder"), "\(result.stdout)")
    }

    /// Installing never switches another hook off.
    @Test func installKeepsAnExistingHookRunning() throws {
        let repo = try repository(install: false)
        let log = repo.root.appendingPathComponent("../gtm-hook-log-\(UUID().uuidString)").standardized
        defer { try? FileManager.default.removeItem(at: log) }
        let hooks = repo.root.appendingPathComponent(".git/hooks")
        try "#!/bin/sh\necho earlier-hook >> '\(log.path)'\n".write(to: hooks.appendingPathComponent("pre-commit"), atomically: false, encoding: .utf8)
        try "#!/bin/sh\nexit 0\n".write(to: hooks.appendingPathComponent("commit-msg"), atomically: false, encoding: .utf8)
        for name in ["pre-commit", "commit-msg"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks.appendingPathComponent(name).path)
        }
        let install = try repo.gtm("hook", "install")
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("pre-commit.legacy"), "\(install.stdout)")
        // core.hooksPath stays unset: commit-msg keeps running.
        #expect(try repo.git("config", "core.hooksPath").status != 0)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        try repo.git("add", "strategy/segment.yaml")
        #expect(try repo.git("commit", "-q", "-m", "broken").status != 0)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "650"))
        try repo.git("add", "strategy/segment.yaml")
        let passed = try repo.git("commit", "-q", "-m", "fixed")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect((try? String(contentsOf: log, encoding: .utf8)) == "earlier-hook\n")
    }

    /// With the real pre-commit framework (installed from PyPI by `make test`, skipped without).
    @Test func installKeepsThePreCommitFrameworkRunning() throws {
        let framework = Paths.packageRoot.appendingPathComponent(".build/test-tools/bin/pre-commit")
        guard FileManager.default.isExecutableFile(atPath: framework.path) else {
            print("skipped: the pre-commit framework is not installed (.build/test-tools); make test installs it from PyPI")
            return
        }
        let repo = try repository(install: false)
        let log = repo.root.appendingPathComponent("../gtm-framework-log-\(UUID().uuidString)").standardized
        defer { try? FileManager.default.removeItem(at: log) }
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: local
                hooks:
                  - id: note
                    name: note
                    entry: sh -c 'echo framework-hook >> "\(log.path)"'
                    language: system
                    pass_filenames: false
                    always_run: true

            """)
        try repo.git("add", ".pre-commit-config.yaml")
        try repo.git("commit", "-q", "-m", "framework")
        var environment = GitFixture.environment
        environment["PRE_COMMIT_HOME"] = repo.root.appendingPathComponent("../pre-commit-home-\(UUID().uuidString)").standardized.path
        let installed = try run(framework, ["install"], in: repo.root, environment: environment)
        #expect(installed.status == 0, "\(installed.stdout)\(installed.stderr)")
        #expect(try repo.gtm("hook", "install").status == 0)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        try repo.git("add", "strategy/segment.yaml")
        let blocked = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "commit", "-q", "-m", "broken"], in: repo.root, environment: environment)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("got the string \"lots\"") || blocked.stdout.contains("got the string \"lots\""), "\(blocked.stdout)\(blocked.stderr)")
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "650"))
        try repo.git("add", "strategy/segment.yaml")
        let passed = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "commit", "-q", "-m", "fixed"], in: repo.root, environment: environment)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect((try? String(contentsOf: log, encoding: .utf8))?.contains("framework-hook") == true)
    }
}
