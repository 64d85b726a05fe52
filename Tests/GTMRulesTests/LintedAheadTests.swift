import Foundation
import GTMCore
@testable import GTMLint
import GTMRules
import GTMSystem
import Testing
import YAMLSource

/// Files linted ahead (by the hook, while libgit2 starts) stand in only for the same path with
/// the same bytes, and change nothing in what is found.
@Suite("Files linted ahead")
struct LintedAheadTests {
    static let segment = """
        apiVersion: gtm/v2
        kind: Segment
        id: ahead
        name: Teams linted ahead
        owner: head-of-revops
        """

    /// The folder's files as the index would hand them: bytes, with a blob id.
    static func inputs(_ folder: String, replacing: [String: String] = [:]) -> [LintInput] {
        let source = WorkingTreeSource(repositoryRoot: nil, maxFileSize: 1 << 20)
        return source.inputs(for: [folder]).inputs.enumerated().map { i, input in
            guard case .file(let path) = input.content, case .bytes(var bytes) = source.read(path, shownAs: input.path).content else { return input }
            if let text = replacing.first(where: { path.hasSuffix($0.key) })?.value { bytes = Array(text.utf8) }
            return LintInput(path: input.path, content: .bytes(bytes), blobID: "blob\(i)")
        }
    }

    /// On one core while libgit2 starts, or on both where it starts at once: the same outcomes.
    @Test(arguments: [false, true])
    func sameBytesAreNotLintedAgainAndFindTheSame(twoCores: Bool) throws {
        let folder = try PreparedCatalogTests.Folder(["strategy/segment.yaml": Self.segment, "strategy/broken.yaml": "kind: [unclosed"])
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init(), twoCores: twoCores)
        let ahead = LintedAhead(folder: folder.root + "/strategy", catalog: prepared.catalog, limits: .default, twoCores: twoCores)
        #expect(ahead.count == 2)
        let inputs = Self.inputs(folder.root + "/strategy")
        let cache = try #require(ahead.cache(for: inputs, limits: .default))
        for input in inputs { #expect(cache.contains(blob: input.blobID!, path: input.path)) }
        let linter = Linter(limits: .default, validator: prepared.catalog, rules: RuleEngine(rules: RuleConfiguration.read(nil, path: ".gtm.yaml").0, today: CalendarDate(iso: "2026-11-25")!))
        let fresh = linter.lint(inputs).findings.map { "\($0.location) \($0.rule) \($0.message)" }
        let reused = linter.lint(inputs, cache: cache).findings.map { "\($0.location) \($0.rule) \($0.message)" }
        #expect(!fresh.isEmpty)
        #expect(reused == fresh)
    }

    @Test func otherBytesAreLintedAsTheyAre() throws {
        let folder = try PreparedCatalogTests.Folder(["strategy/segment.yaml": Self.segment])
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        let ahead = LintedAhead(folder: folder.root + "/strategy", catalog: prepared.catalog, limits: .default)
        // The index holds another version of the file (part of a change staged).
        let inputs = Self.inputs(folder.root + "/strategy", replacing: ["segment.yaml": Self.segment + "\nowner: [bad"])
        #expect(ahead.cache(for: inputs, limits: .default) == nil)
    }

    @Test func otherLimitsReadFilesDifferently() throws {
        let folder = try PreparedCatalogTests.Folder(["strategy/segment.yaml": Self.segment])
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        let ahead = LintedAhead(folder: folder.root + "/strategy", catalog: prepared.catalog, limits: .default)
        var limits = YAMLLimits.default
        limits.maxFileSize = 10
        #expect(ahead.cache(for: Self.inputs(folder.root + "/strategy"), limits: limits) == nil)
    }
}

extension LintedAheadTests {
    /// A strategy folder that is a link is not read ahead: it may lead anywhere.
    @Test func aLinkedFolderIsNotReadAhead() throws {
        let folder = try PreparedCatalogTests.Folder(["elsewhere/segment.yaml": Self.segment])
        try FileManager.default.createSymbolicLink(atPath: folder.root + "/strategy", withDestinationPath: folder.root + "/elsewhere")
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        #expect(LintedAhead(folder: folder.root + "/strategy", catalog: prepared.catalog, limits: .default).count == 0)
        #expect(LintedAhead(folder: folder.root + "/elsewhere", catalog: prepared.catalog, limits: .default).count == 1)
    }

    /// A strategy too large to lint while libgit2 starts is left to the lint that counts.
    @Test func aLargeStrategyIsNotReadAhead() throws {
        var files: [String: String] = [:]
        for i in 0...LintedAhead.maximumFiles { files["strategy/s\(i).yaml"] = Self.segment }
        let folder = try PreparedCatalogTests.Folder(files)
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        #expect(LintedAhead(folder: folder.root + "/strategy", catalog: prepared.catalog, limits: .default).count == 0)
    }
}
