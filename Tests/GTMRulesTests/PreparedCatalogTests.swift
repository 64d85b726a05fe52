import Foundation
import GTMCore
@testable import GTMLint
import GTMSchemas
import GTMModel
import JSONSchema
import Testing

/// The built-in schemas compiled ahead (while libgit2 starts, for the hook) stand in for the
/// catalog only where `load` would compile exactly those schemas with the same options.
@Suite("The built-in catalog compiled ahead")
struct PreparedCatalogTests {
    /// A folder holding `files` (path → text), removed when the test ends.
    final class Folder {
        let root: String
        init(_ files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-prepared-\(UUID().uuidString)").path
            for (path, text) in files {
                let url = URL(fileURLWithPath: root + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static func load(_ folder: Folder, formatAssertion: Bool = false, prepared: SchemaCatalog.PreparedBuiltIn?) -> (SchemaCatalog, [Finding]) {
        SchemaCatalog.load(
            from: WorkingTreeSnapshot(root: folder.root), folder: "schemas", displayFolder: "schemas",
            loader: { _ in nil }, options: .init(formatAssertion: formatAssertion), maxFileSize: 1 << 20, prepared: prepared)
    }

    @Test func usedWhenTheRepositoryHasNoSchemas() throws {
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        let folder = try Folder(["README.md": "no schemas here"])
        let (catalog, findings) = Self.load(folder, prepared: prepared)
        #expect(findings.isEmpty)
        for kind in DocumentKind.allCases {
            let used = try #require(catalog.schemas[kind])
            let ahead = try #require(prepared.catalog.schemas[kind])
            #expect(used === ahead, "\(kind.rawValue) was compiled again")
        }
    }

    @Test func notUsedWithOtherOptions() throws {
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        let folder = try Folder(["README.md": "no schemas here"])
        let (catalog, _) = Self.load(folder, formatAssertion: true, prepared: prepared)
        #expect(catalog.schemas[.strategy] !== prepared.catalog.schemas[.strategy])
    }

    @Test func notUsedWhenTheRepositoryDefinesASchema() throws {
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        let own = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/Segment.schema.json", "type": "object", "required": ["owner"]}"#
        let folder = try Folder(["schemas/Segment.schema.json": own])
        let (catalog, findings) = Self.load(folder, prepared: prepared)
        #expect(findings.isEmpty)
        #expect(catalog.schemas[.segment] !== prepared.catalog.schemas[.segment])
        // The repository's schema is the one that judges: an object without `owner` fails it.
        let segment = try #require(catalog.schemas[.segment])
        #expect(!segment.validate(.object(.init([("kind", .string("Segment"))]))).isValid)
    }

    @Test func anUnreadableSchemaIsStillReported() throws {
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        let folder = try Folder(["schemas/Segment.schema.json": "{ not json"])
        let (_, findings) = Self.load(folder, prepared: prepared)
        #expect(findings.contains { $0.rule == ToolCheck.schemaInvalid.id && $0.location.path == "schemas/Segment.schema.json" })
    }
}

/// The built-in schemas, and only they, are compiled on two cores; the result judges as the
/// one-core compile does.
@Suite("The built-in catalog compiled on two cores")
struct TwoCoreCatalogTests {
    static var builtIn: [String: (path: String, bytes: [UInt8])] {
        Dictionary(uniqueKeysWithValues: BundledSchemas.files.map { ($0.name, ("schemas/" + $0.name, $0.bytes)) })
    }

    @Test func theBuiltInSchemasAreSplit() throws {
        let catalog = try #require(SchemaCatalog.compileBuiltInOnTwoCores(Self.builtIn, options: .init()))
        let oneCore = SchemaCatalog.compile(Self.builtIn, loader: { _ in nil }, options: .init(), findings: [], twoCores: false).0
        #expect(Set(catalog.schemas.keys) == Set(DocumentKind.allCases))
        // The same verdicts on a document the schemas reject in several places.
        let segment: JSONValue = .object(.init([("apiVersion", .string("gtm/v2")), ("kind", .string("Segment")), ("id", .number(JSONNumber(literal: "3")!))]))
        let split = try #require(catalog.schemas[.segment]).validate(segment)
        let whole = try #require(oneCore.schemas[.segment]).validate(segment)
        #expect(!split.isValid)
        #expect(split.errors.map(\.message) == whole.errors.map(\.message))
    }

    @Test func otherSchemasAreNot() {
        var sources = Self.builtIn
        sources["Segment.schema.json"]!.bytes.append(0x20)
        #expect(SchemaCatalog.compileBuiltInOnTwoCores(sources, options: .init()) == nil)
        sources = Self.builtIn
        sources["Extra.schema.json"] = ("schemas/Extra.schema.json", Array(#"{"$id": "https://example.com/x"}"#.utf8))
        #expect(SchemaCatalog.compileBuiltInOnTwoCores(sources, options: .init()) == nil)
    }
}

extension PreparedCatalogTests {
    /// A schema folder holding copies of the built-in schemas compiles to the same catalog:
    /// the one compiled ahead stands in.
    @Test func usedWhenTheRepositoryHoldsCopiesOfTheBuiltInSchemas() throws {
        let prepared = SchemaCatalog.prepareBuiltIn(options: .init())
        var files: [String: String] = [:]
        for file in BundledSchemas.files { files["schemas/" + file.name] = String(decoding: file.bytes, as: UTF8.self) }
        let folder = try Folder(files)
        let (catalog, findings) = Self.load(folder, prepared: prepared)
        #expect(findings.isEmpty)
        #expect(catalog.schemas[.strategy] === prepared.catalog.schemas[.strategy])
    }
}
