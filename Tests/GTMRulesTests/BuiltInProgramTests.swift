import GTMCore
@testable import GTMLint
import GTMModel
import GTMRules
import GTMSchemas
import JSONSchema
import Testing

/// The built-in schemas read back from the programs compiled with gtm judge every document
/// exactly as the same schemas compiled from their JSON: the same findings, word for word, at
/// the same places, on valid documents and on invalid ones.
@Suite("The built-in schemas read back from their programs")
struct BuiltInProgramTests {
    static let options = ValidatorOptions()
    static let compiled = SchemaCatalog.compile(
        SchemaCatalog.builtInSources, loader: { _ in nil }, options: options, findings: [], programs: false).0

    @Test func readBackForTheDefaultOptionsOnly() throws {
        let catalog = try #require(SchemaCatalog.builtInPrograms(options: Self.options))
        for kind in DocumentKind.allCases {
            #expect(catalog.schemas[kind]?.isPrecompiled == true, "\(kind.rawValue) is not read from its program")
            #expect(Self.compiled.schemas[kind]?.isPrecompiled == false)
        }
        // Read once a process: the same schemas come back.
        #expect(SchemaCatalog.builtInPrograms(options: Self.options)?.schemas[.strategy] === catalog.schemas[.strategy])
        // The programs were compiled with the default options; any others compile the schemas.
        #expect(SchemaCatalog.builtInPrograms(options: .init(formatAssertion: true)) == nil)
        #expect(SchemaCatalog.builtInPrograms(options: .init(defaultDraft: .draft7)) == nil)
    }

    @Test func theFieldReferenceIsTheCompiledOne() throws {
        let catalog = try #require(SchemaCatalog.builtInPrograms(options: Self.options))
        #expect(catalog.reference.markdown() == Self.compiled.reference.markdown())
    }

    /// Every rule example, and variants of it broken line by line: a value replaced by a list,
    /// a key misspelt. Most variants fail the schemas in some way, so the programs' "valid"
    /// and the whole schema's "where and why" are both held to the compiled schemas.
    @Test(arguments: ExampleCase.all)
    func sameFindings(_ c: ExampleCase) throws {
        let programs = try #require(SchemaCatalog.builtInPrograms(options: Self.options))
        var texts = [c.example.unmarked.text] + (c.example.before.map { [$0] } ?? [])
        let lines = c.example.unmarked.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() where line.contains(": ") && !line.hasSuffix(":") {
            var typed = lines, misspelt = lines
            let colon = line.range(of: ": ")!
            typed[i] = String(line[..<colon.upperBound]) + "[1, two]"
            misspelt[i] = String(line[..<colon.lowerBound]) + "x" + String(line[colon.lowerBound...])
            texts += [typed.joined(separator: "\n"), misspelt.joined(separator: "\n")]
        }
        var compared = 0
        for text in texts {
            guard let documents = try? ExampleRunner.documents(text) else { continue }
            for document in documents {
                let fromPrograms = programs.validate(document)
                let fromJSON = Self.compiled.validate(document)
                #expect(fromPrograms.findings == fromJSON.findings)
                #expect(fromPrograms.invalid == fromJSON.invalid)
                compared += 1
            }
        }
        #expect(compared > 0)
    }
}
