import Foundation
import GTMModel
import Testing

/// Every field the model declares for rules to read exists in the schemas: renaming a schema
/// property fails here instead of silently switching a rule off.
@Suite("Fields the rules read exist in the schemas")
struct FieldPathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Each `Field(.kind, "a", "b")` written in the model's field files, with where it is.
    struct Declared: Sendable, CustomTestStringConvertible {
        var kinds: [String]
        var tokens: [String]
        var place: String
        var testDescription: String { "\(kinds.joined(separator: "|"))/\(tokens.joined(separator: "/")) (\(place))" }
    }

    static var declared: [Declared] {
        let folder = root.appendingPathComponent("Sources/GTMModel/Fields")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        var result: [Declared] = []
        for file in files {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for match in line.matches(of: /Field\((\.[a-zA-Z]+|kind), ((?:"[^"]*"(?:, )?)+)\)/) {
                    let first = String(match.1)
                    let kinds = first == "kind"
                        ? DocumentKind.allCases.filter(\.isFunctionalPlan).map(\.rawValue)
                        : [DocumentKind.allCases.first { ".\(String(describing: $0))" == first }?.rawValue ?? first]
                    let tokens = match.2.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
                    result.append(Declared(kinds: kinds, tokens: tokens, place: "\(file):\(number + 1)"))
                }
            }
        }
        return result
    }

    @Test func theModelDeclaresFields() {
        #expect(Self.declared.count >= 10, "the field files were not found or not read")
    }

    @Test(arguments: declared)
    func existsInTheSchema(_ field: Declared) throws {
        for kind in field.kinds {
            let schemas = try Self.schemas()
            let top = try #require(schemas[kind + ".schema.json"], "no schema for \(kind)")
            var current: [[String: Any]] = [top]
            for token in field.tokens {
                current = current.flatMap { Self.children($0, token, schemas) }
                #expect(!current.isEmpty, "\(kind) has no \(field.tokens.joined(separator: "/")) (\(field.place)): the schema has no \"\(token)\" there")
                if current.isEmpty { break }
            }
        }
    }

    static func schemas() throws -> [String: [String: Any]] {
        let folder = root.appendingPathComponent("schemas")
        var result: [String: [String: Any]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            result[name] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        return result
    }

    /// The subschemas describing `token` (`*`: a list item) under a schema, through `$ref`s and
    /// the branches of `allOf`, `anyOf`, `oneOf`, `then` and `else`.
    static func children(_ schema: [String: Any], _ token: String, _ schemas: [String: [String: Any]], depth: Int = 0) -> [[String: Any]] {
        guard depth < 16 else { return [] }
        var found: [[String: Any]] = []
        if token == "*" {
            if let items = schema["items"] as? [String: Any] { found.append(items) }
        } else if let properties = schema["properties"] as? [String: Any], let sub = properties[token] as? [String: Any] {
            found.append(sub)
        }
        var branches: [[String: Any]] = []
        for key in ["allOf", "anyOf", "oneOf"] { branches += (schema[key] as? [[String: Any]]) ?? [] }
        for key in ["then", "else"] { if let b = schema[key] as? [String: Any] { branches.append(b) } }
        if let ref = schema["$ref"] as? String, let target = resolve(ref, schemas) { branches.append(target) }
        return found + branches.flatMap { children($0, token, schemas, depth: depth + 1) }
    }

    /// `common.schema.json#/$defs/x` or `#/$defs/x` (relative to the file that holds it; the
    /// bundled schemas keep their `$defs` in common.schema.json).
    static func resolve(_ ref: String, _ schemas: [String: [String: Any]]) -> [String: Any]? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts[0].isEmpty ? "common.schema.json" : String(parts[0].split(separator: "/").last ?? "")
        var node: Any? = schemas[file]
        for token in (parts.count > 1 ? parts[1] : "").split(separator: "/") {
            node = (node as? [String: Any])?[String(token)]
        }
        return node as? [String: Any]
    }
}
