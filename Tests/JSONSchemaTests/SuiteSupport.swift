import Foundation
import JSONSchema

/// Where the official JSON Schema Test Suite and the meta-schemas of every draft live: beside
/// the repository, in ../shared, never copied into it.
enum Suite {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/json-schema-test-suite")
    static let metaSchemas = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/json-schema-metaschemas")
    static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("tests/draft2020-12").path) }
    static let skipMessage = "JSON-Schema-Test-Suite not found at ../shared/json-schema-test-suite; skipped"

    /// The suite's folder for each draft.
    static func folder(_ draft: Draft) -> String {
        switch draft {
        case .draft4, .draft6, .draft7: "draft" + draft.rawValue
        case .draft2019_09, .draft2020_12: "draft" + draft.rawValue
        }
    }

    /// Remote references of the suite read from its `remotes/` folder and the meta-schemas.
    static var loader: SchemaResourceLoader {
        let meta = metaSchemas.path
        let mappings = [
            ("http://localhost:1234/", root.appendingPathComponent("remotes").path),
            ("https://json-schema.org/draft/2020-12/", meta + "/draft2020-12"),
            ("https://json-schema.org/draft/2019-09/", meta + "/draft2019-09"),
            ("http://json-schema.org/draft-07/", meta + "/draft-07"),
            ("http://json-schema.org/draft-06/", meta + "/draft-06"),
            ("http://json-schema.org/draft-04/", meta + "/draft-04"),
        ]
        return { uri throws(SchemaError) in
            let bare = String(uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            for (prefix, directory) in mappings where bare.hasPrefix(prefix) {
                var rest = String(bare.dropFirst(prefix.count))
                if !(rest.split(separator: "/").last ?? "").contains(".") { rest += ".json" }
                guard let data = FileManager.default.contents(atPath: directory + "/" + rest) else {
                    throw SchemaError(message: "no file for \(uri)", uri: uri, pointer: "")
                }
                do { return try JSONParser.parse(Array(data)) } catch {
                    throw SchemaError(message: "\(uri) is not JSON", uri: uri, pointer: "")
                }
            }
            return nil
        }
    }

    struct Case: Sendable, CustomTestStringConvertibleShim {
        let draft: Draft
        let file: String
        let group: String
        let schema: String
        let tests: [(description: String, data: String, valid: Bool)]
        var name: String { "\(file): \(group)" }
        /// The name with the draft, for suites that run every draft at once.
        var qualifiedName: String { "\(Suite.folder(draft))/\(name)" }
    }

    /// Every group of the files in a folder of the suite, with JSON kept as text so the cases
    /// are Sendable and each is parsed by our own parser.
    static func groups(_ folder: String, draft: Draft = .draft2020_12) -> [Case] {
        guard available else { return [] }
        let dir = root.appendingPathComponent("tests/" + Self.folder(draft)).appendingPathComponent(folder)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var cases: [Case] = []
        for file in files {
            guard let data = try? Data(contentsOf: dir.appendingPathComponent(file)),
                  let groups = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [[String: Any]] else { continue }
            for g in groups {
                let schema = text(g["schema"]!)
                let tests = (g["tests"] as? [[String: Any]] ?? []).map { t in
                    (description: t["description"] as? String ?? "", data: text(t["data"]!), valid: t["valid"] as? Bool ?? false)
                }
                cases.append(Case(draft: draft, file: (folder.isEmpty ? "" : folder + "/") + file, group: g["description"] as? String ?? "", schema: schema, tests: tests))
            }
        }
        return cases
    }

    static func text(_ value: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs one group; returns the descriptions of the tests whose answer differs.
    static func run(_ c: Case, formatAssertion: Bool = false) -> [String] {
        var failures: [String] = []
        var compiler = SchemaCompiler(options: ValidatorOptions(formatAssertion: formatAssertion, defaultDraft: c.draft), loader: loader)
        let schema: Schema
        do {
            schema = try compiler.compile(try JSONParser.parse(c.schema))
        } catch {
            return ["schema does not compile: \(error)"]
        }
        for t in c.tests {
            guard let instance = try? JSONParser.parse(t.data) else {
                failures.append("\(t.description): instance does not parse")
                continue
            }
            let result = schema.validate(instance.value)
            if result.isValid != t.valid {
                failures.append("\(t.description): expected \(t.valid ? "valid" : "invalid"), got \(result.isValid ? "valid" : "invalid") \(result.errors.first?.message ?? "")")
            }
            // The validity program answers the same or declines (then `validate` answers).
            if let quick = schema.isValid(FlatInstance(instance.value)), quick != t.valid {
                failures.append("\(t.description): the validity program says \(quick ? "valid" : "invalid"), expected \(t.valid ? "valid" : "invalid")")
            }
        }
        return failures
    }
}

protocol CustomTestStringConvertibleShim {}
