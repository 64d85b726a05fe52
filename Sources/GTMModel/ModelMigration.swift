import GTMCore
import JSONSchema
import YAMLSource

/// `gtm migrate`: the in-memory upgrade (`ModelUpgrade`) written back into the text. Only the
/// scalars that change are replaced, so comments, key order and layout stay as the author
/// wrote them; the result is read back and must be, value for value, what gtm already read
/// the old text as, or nothing is written.
public enum ModelMigration {
    public struct Change: Sendable {
        public var line: Int
        public var column: Int
        public var reason: String
    }

    public enum Outcome: Sendable {
        /// The text is current already (or holds no gtm document).
        case current
        /// The new text, and what changed.
        case migrated([UInt8], [Change])
        /// The file cannot be migrated: a YAML error, or a rewrite that would not read back.
        case failed(String)
    }

    public static func migrate(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default) -> Outcome {
        let file = YAMLLoader.load(bytes, path: path, limits: limits)
        if let problem = file.problems.first(where: \.isFatal) {
            return .failed("\(problem.mark.line):\(problem.mark.column): \(problem.message); fix the YAML first")
        }
        var rewrites: [ModelRewrite] = []
        var expected: [JSONValue] = []
        for document in file.documents {
            guard let kind = document.root["kind"]?.string.flatMap(DocumentKind.init(rawValue:)),
                  let version = document.root["apiVersion"]?.string.flatMap(ModelVersion.init(rawValue:)) else {
                expected.append(document.root.jsonValue)
                continue
            }
            rewrites += ModelUpgrade.rewrites(document.root, kind: kind, version: version)
            expected.append(ModelUpgrade.upgraded(document.root, kind: kind, version: version).jsonValue)
        }
        guard !rewrites.isEmpty else { return .current }
        let spans: [YAMLMark: Range<Int>]
        do { spans = try ScalarSpans.scan(bytes) } catch { return .failed("\(error.message)") }
        var edits: [(range: Range<Int>, text: [UInt8])] = []
        for rewrite in rewrites {
            guard let span = spans[rewrite.original.mark] else {
                return .failed("\(rewrite.original.mark.line):\(rewrite.original.mark.column): cannot find the value \(rewrite.pointer) in the text")
            }
            edits.append((span, text(of: rewrite, written: Array(bytes[span]))))
        }
        var out = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(edit.range, with: edit.text)
        }
        // Read back: the new text must say exactly what the old one was read as.
        let reread = YAMLLoader.load(out, path: path, limits: limits)
        guard !reread.problems.contains(where: \.isFatal), reread.documents.map(\.root.jsonValue) == expected else {
            return .failed("the rewritten text would not read back as the same strategy; nothing was written")
        }
        let changes = rewrites.map { Change(line: $0.original.mark.line, column: $0.original.mark.column, reason: $0.reason) }
            .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return .migrated(out, changes)
    }

    /// The text that replaces a scalar: a plain value, or evidence as `{summary: …}` on one
    /// line, keeping the author's quoting where it is safe in a flow mapping.
    static func text(of rewrite: ModelRewrite, written: [UInt8]) -> [UInt8] {
        // A block scalar's span ends with its line breaks: keep them after the replacement.
        let trailing = written.reversed().prefix { $0 == 0x0A || $0 == 0x0D }.count
        let value: String
        switch rewrite.replacement.content {
        case .scalar(let s):
            value = s.text
        case .mapping(let entries):
            let parts = entries.map { entry -> String in
                let key = entry.keyText ?? ""
                return key + ": " + flowScalar(entry.value, written: written)
            }
            value = "{" + parts.joined(separator: ", ") + "}"
        case .sequence:
            value = ""
        }
        return Array(value.utf8) + Array(written.suffix(trailing))
    }

    /// A scalar inside a flow mapping: as written when it was quoted or plain and safe there
    /// (one line, no flow indicators), else double-quoted with JSON escapes, which YAML reads.
    static func flowScalar(_ node: YAMLNode, written: [UInt8]) -> String {
        guard let scalar = node.scalar else { return "\"\"" }
        let source = String(decoding: written, as: UTF8.self)
        let oneLine = !source.contains("\n")
        switch scalar.style {
        case .singleQuoted where oneLine, .doubleQuoted where oneLine:
            return source
        case .plain where oneLine && !source.contains(where: { ",[]{}#".contains($0) }) && !source.contains(": "):
            return source
        default:
            return JSONValue.quote(scalar.text)
        }
    }
}
