import Foundation
import Testing

/// Before a repository kept its strategy in a folder, the same path may have held something
/// else: a file, a symbolic link, a submodule. Those commits have no strategy folder, and the
/// history commands read them so, instead of stopping at a "tree" that is not one.
@Suite("A strategy path that was not always a folder")
struct StrategyPathKindTests {
    enum Earlier: String, CaseIterable {
        case file, symbolicLink, submodule
    }

    /// A repository whose first commit has `strategy` as `earlier`, then the strategy folder,
    /// then a commit that changes the ICP.
    static func history(_ earlier: Earlier) throws -> GitFixture {
        let repo = try GitFixture()
        switch earlier {
        case .file:
            try repo.write("strategy", "notes before there was a strategy folder\n")
            try repo.git("add", "strategy")
        case .symbolicLink:
            try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("strategy").path, withDestinationPath: "elsewhere")
            try repo.git("add", "strategy")
        case .submodule:
            try repo.git("update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,strategy")
        }
        try repo.git("commit", "-q", "-m", "before the folder")
        try repo.git("rm", "-q", "--cached", "strategy")
        try? FileManager.default.removeItem(at: repo.root.appendingPathComponent("strategy"))
        try repo.write("strategy/strategy.yaml", StrategyText.strategy)
        try repo.write("strategy/segments/icp.yaml", StrategyText.segment())
        try repo.git("add", "strategy")
        try repo.git("commit", "-q", "-m", "the folder")
        try repo.write("strategy/segments/icp.yaml", StrategyText.segment(estimated: "4000"))
        try repo.git("commit", "-q", "-am", "broaden")
        return repo
    }

    @Test(arguments: Earlier.allCases)
    func logStartsWhereTheFolderAppears(_ earlier: Earlier) throws {
        let repo = try Self.history(earlier)
        for arguments in [["log"], ["log", "--no-cache"]] {
            let result = try GTMCommandLineTests.gtm(arguments, in: repo.root, environment: GitFixture.environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let subjects = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            #expect(subjects.count == 2, "\(result.stdout)")
            #expect(subjects.first?.contains("broaden") == true && subjects.last?.contains("the folder") == true, "\(result.stdout)")
            #expect(subjects.last?.hasSuffix("[added]") == true, "\(result.stdout)")
        }
    }

    @Test(arguments: Earlier.allCases)
    func bugsReplayFromTheFolder(_ earlier: Earlier) throws {
        let repo = try Self.history(earlier)
        let result = try GTMCommandLineTests.gtm(["bugs", "--format", "json"], in: repo.root, environment: GitFixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
