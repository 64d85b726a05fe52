import Foundation
import Testing

/// A bare repository (a server's, a mirror, a CI cache) holds commits and nothing else: the
/// commands that read commits work there as in a clone, with the settings of HEAD, and the
/// ones that need a working tree or an index say so.
@Suite("Bare repositories")
struct BareRepositoryTests {
    /// The known history, and a bare clone of it.
    static func bareClone() throws -> (KnownHistory, URL) {
        let h = try KnownHistory()
        let bare = h.repo.root.appendingPathComponent("mirror.git")
        try h.repo.git("clone", "-q", "--bare", "--no-local", h.repo.root.path, bare.path)
        return (h, bare)
    }

    static let readingCommits: [[String]] = [
        ["log"], ["log", "--format", "json"], ["log", "--all-parents", "--no-cache"], ["log", "--max-count", "1"],
        ["bugs", "--format", "json", "--today", "2026-11-01"],
        ["diff", "HEAD~3", "HEAD"], ["diff", "HEAD~3", "HEAD", "--format", "json"],
        ["review", "--base", "HEAD~4", "--format", "json"],
    ]

    @Test(arguments: readingCommits)
    func commandsThatReadCommitsAnswerAsInAClone(_ arguments: [String]) throws {
        let (h, bare) = try Self.bareClone()
        let clone = try GTMCommandLineTests.gtm(arguments, in: h.repo.root, environment: GitFixture.environment)
        let mirror = try GTMCommandLineTests.gtm(arguments, in: bare, environment: GitFixture.environment)
        #expect(clone.status == 0 || clone.status == 1, "\(clone.stderr)")
        #expect(mirror.status == clone.status, "\(mirror.stderr)")
        #expect(mirror.stdout == clone.stdout)
        #expect(!mirror.stdout.isEmpty)
    }

    @Test func aReportOfACommitIsWritten() throws {
        let (h, bare) = try Self.bareClone()
        let result = try withExtendedLifetime(h) {
            try GTMCommandLineTests.gtm(["report", "--rev", "HEAD", "--today", "2026-11-01"], in: bare, environment: GitFixture.environment)
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<html"))
    }

    static let needingAWorkingTree: [[String]] = [
        ["check"], ["check", "--staged"], ["diff", "HEAD~1"], ["diff", "--staged"], ["hook", "install"],
        ["init", "--yes"], ["migrate"],
    ]

    @Test(arguments: needingAWorkingTree)
    func commandsThatNeedAWorkingTreeSaySo(_ arguments: [String]) throws {
        let (h, bare) = try Self.bareClone()
        try withExtendedLifetime(h) {
            let before = try FileManager.default.contentsOfDirectory(atPath: bare.path).sorted()
            let result = try GTMCommandLineTests.gtm(arguments, in: bare, environment: GitFixture.environment)
            #expect(result.status == 2)
            #expect(result.stderr.contains("the repository is bare"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: bare.path).sorted() == before, "nothing written into the git folder")
        }
    }
}
