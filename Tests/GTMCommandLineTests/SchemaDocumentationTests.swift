import Foundation
import Testing

/// Every property of the bundled schemas has a title and a description: `gtm schema`, the
/// report and editors show them to people who are not engineers, and messages use the titles.
@Suite("Every property of the model is documented")
struct SchemaDocumentationTests {
    static var files: [String] {
        let dir = Paths.packageRoot.appendingPathComponent("schemas")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".schema.json") }.sorted()
    }

    @Test(arguments: files)
    func everyPropertyHasATitleAndADescription(_ file: String) throws {
        let data = try Data(contentsOf: Paths.packageRoot.appendingPathComponent("schemas/" + file))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var missing: [String] = []
        func walk(_ node: Any, _ path: String) {
            guard let object = node as? [String: Any] else { return }
            for (name, value) in object["properties"] as? [String: Any] ?? [:] {
                if let property = value as? [String: Any], property["title"] == nil || property["description"] == nil {
                    missing.append(path + "/" + name)
                }
                walk(value, path + "/" + name)
            }
            for key in ["items", "additionalProperties"] { if let sub = object[key] { walk(sub, path + "/" + key) } }
            for (name, sub) in object["$defs"] as? [String: Any] ?? [:] { walk(sub, path + "/$defs/" + name) }
            for key in ["anyOf", "oneOf", "allOf"] {
                for (i, sub) in (object[key] as? [Any] ?? []).enumerated() { walk(sub, path + "/\(key)/\(i)") }
            }
        }
        walk(schema, file)
        #expect(missing.isEmpty, "properties without a title or a description: \(missing)")
    }
}
