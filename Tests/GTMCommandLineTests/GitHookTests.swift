import Foundation
import Testing

@Suite("Git: the hook judges what is committed, and never touches the work")
struct GitHookTests {
    func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "strategy")
        let install = try repo.gtm("hook", "install")
        #expect(install.status == 0, "\(install.stderr)")
        return repo
    }

    @Test func stagedBrokenFileBlocksTheCommitWhateverTheWorkingTree() throws {
        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        try repo.git("add", "strategy/segment.yaml")
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "700"))
        let commit = try repo.git("commit", "-q", "-m", "broken staged")
        #expect(commit.status != 0)
        // git hands a hook's standard output to standard error.
        #expect(commit.stderr.contains("strategy/segment.yaml:8:23: error: expected an integer, got the string \"lots\""), "\(commit.stderr)")
        #expect(commit.stderr.contains("git commit --no-verify"))
    }

    @Test func stagedFixedFilePassesWhateverTheWorkingTree() throws {
        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "700"))
        try repo.git("add", "strategy/segment.yaml")
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        let commit = try repo.git("commit", "-q", "-m", "fixed staged")
        #expect(commit.status == 0, "\(commit.stdout)\(commit.stderr)")
    }

    @Test func commitAllJudgesTheTemporaryIndex() throws {
        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        // Nothing is staged: plain `git commit` would skip the hook's check, `-a` must not.
        let commit = try repo.git("commit", "-a", "-q", "-m", "all")
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("got the string \"lots\""), "\(commit.stdout)\(commit.stderr)")
    }

    @Test func commitPathJudgesThatPath() throws {
        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        let blocked = try repo.git("commit", "-q", "-m", "path", "strategy/segment.yaml")
        #expect(blocked.status != 0)
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "650"))
        let passed = try repo.git("commit", "-q", "-m", "path", "strategy/segment.yaml")
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    }

    @Test func workingTreeAndIndexAreUnchangedByteForByte() throws {
        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "\"lots\""))
        try repo.git("add", "strategy/segment.yaml")
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "700") + "# unstaged note\n")
        let workBefore = try repo.read("strategy/segment.yaml")
        let indexBefore = try repo.read(".git/index")
        let objectsBefore = try FileManager.default.subpathsOfDirectory(atPath: repo.root.appendingPathComponent(".git/objects").path).sorted()
        // Run the hook as git would, and gtm directly: neither may write anything.
        let hook = try run(URL(fileURLWithPath: "/bin/sh"), [".githooks/pre-commit"], in: repo.root, environment: GitFixture.environment)
        #expect(hook.status == 1, "\(hook.stdout)\(hook.stderr)")
        _ = try repo.gtm("check", "--staged")
        #expect(try repo.read("strategy/segment.yaml") == workBefore)
        #expect(try repo.read(".git/index") == indexBefore)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: repo.root.appendingPathComponent(".git/objects").path).sorted() == objectsBefore)
    }

    @Test func newFromRevReportsOnlyNewFindings() throws {
        let repo = try GitFixture()
        try repo.write("strategy/strategy.yaml", StrategyText.strategy.replacing("exclusions: [{id: agencies, reason: They resell rather than use.}]\n", with: ""))
        try repo.write("strategy/segment.yaml", StrategyText.segment())
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "no exclusions")
        // Move the old finding down the file and add a new problem.
        try repo.write("strategy/strategy.yaml", "# moved\n# down\n" + StrategyText.strategy
            .replacing("exclusions: [{id: agencies, reason: They resell rather than use.}]\n", with: "")
            .replacing("reportsTo: ceo", with: "reportsTo: vp-sales"))
        try repo.git("add", ".")
        let result = try repo.gtm("check", "--staged", "--new-from-rev", "HEAD")
        #expect(result.stdout.contains("[GTM305]"), "\(result.stdout)")
        #expect(!result.stdout.contains("[GTM212]"), "\(result.stdout)")
        #expect(result.stdout.contains("(1 older finding left out)"), "\(result.stdout)")
    }

    @Test func emptyRepositoryShallowCloneAndDetachedHead() throws {
        let empty = try GitFixture()
        try empty.write("strategy/strategy.yaml", StrategyText.strategy)
        try empty.write("strategy/segment.yaml", StrategyText.segment())
        let nothingStaged = try empty.gtm("check", "--staged")
        #expect(nothingStaged.status == 0, "\(nothingStaged.stderr)")
        #expect(nothingStaged.stdout.contains("in 0 files"))
        let noHead = try empty.gtm("check", "--rev", "HEAD")
        #expect(noHead.status == 2)
        #expect(noHead.stderr.contains("no commits yet"), "\(noHead.stderr)")
        try empty.git("add", ".")
        #expect(try empty.gtm("check", "--staged").status == 0)

        let repo = try repository()
        try repo.write("strategy/segment.yaml", StrategyText.segment(estimated: "900"))
        try repo.git("commit", "-q", "-a", "-m", "second")
        let clone = try GitFixture()
        try clone.git("clone", "-q", "--depth", "1", "file://" + repo.root.path, "shallow")
        let shallowDir = clone.root.appendingPathComponent("shallow")
        #expect(try clone.gtm("check", "--rev", "HEAD", in: shallowDir).status == 0)
        let past = try clone.gtm("check", "--rev", "HEAD~1", in: shallowDir)
        #expect(past.status == 2)
        #expect(past.stderr.contains("shallow"), "\(past.stderr)")

        try repo.git("checkout", "-q", "--detach", "HEAD~1")
        let detached = try repo.gtm("check", "--staged")
        #expect(detached.status == 0, "\(detached.stdout)\(detached.stderr)")
    }

    @Test func installRefusesToOverwriteADifferentHook() throws {
        let repo = try repository()
        try repo.write(".githooks/pre-commit", "#!/bin/sh\necho mine\n")
        let refused = try repo.gtm("hook", "install")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        #expect(try repo.gtm("hook", "install", "--force").status == 0)
    }

    @Test func installedHookIsThisRepositorysHook() throws {
        let repo = try repository()
        let installed = try repo.read(".githooks/pre-commit")
        let ours = try Data(contentsOf: Paths.packageRoot.appendingPathComponent(".githooks/pre-commit"))
        #expect(installed == ours)
    }
}
