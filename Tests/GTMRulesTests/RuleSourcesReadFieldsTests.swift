import Foundation
import Testing

/// Rules read documents only through the fields the model declares (`doc[.motionPrimary]`,
/// `item[.metricName]`), never through paths spelt as strings: a string path survives a schema
/// rename silently, a declared field fails `FieldPathTests`. This test reads every Swift file of
/// the rules module and names each line that spells a path: `NodeRef(` with a string argument,
/// `[path:`, a subscript with a string literal (`node["amount"]`), `.appending("` and `root[`.
/// The text inside string literals (the YAML of rule examples, messages, `"""` blocks) is not
/// code and is not read; the code inside a string's `\( )` interpolation is.
@Suite("Rules read documents through declared fields")
struct RuleSourcesReadFieldsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under Sources/GTMRules, relative to the package.
    static var files: [String] {
        let folder = root.appendingPathComponent("Sources/GTMRules")
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var result: [String] = []
        while let file = walker?.nextObject() as? String {
            if file.hasSuffix(".swift") { result.append("Sources/GTMRules/" + file) }
        }
        return result.sorted()
    }

    @Test func theRuleSourcesAreRead() {
        #expect(Self.files.count >= 40, "the rule sources were not found under \(Self.root.path)")
    }

    @Test(arguments: files)
    func readsNoStringPath(_ file: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        for problem in Self.stringPathReads(in: text) {
            Issue.record("\(file):\(problem.line): \(problem.what): \(problem.code.trimmingCharacters(in: .whitespaces))")
        }
    }

    /// The scanner finds what it must and ignores strings and comments.
    @Test func theScannerFindsStringPaths() {
        let flagged = [
            #"let a = NodeRef(strategy, "motion", "primary")"#,
            #"let b = strategy.root[path: "growth", "nextSegments"]"#,
            #"let c = node?["amount"]?.number"#,
            #"let d = ref.appending("segment")"#,
            #"let e = segment.root[$0]"#,
            #"let f = items.map { $0 ["id"] }"#,
            #"let g = "\(node!["name"]!.text)""#,
        ]
        for line in flagged {
            #expect(Self.stringPathReads(in: line).count >= 1, "not flagged: \(line)")
        }
        let clean = [
            #"let a = NodeRef(strategy)"#,
            #"let b = strategy[.motionPrimary]"#,
            #"RuleExample("a: {b: [c]}\nroot[path: x]\nNodeRef(s, \"x\")", settings: ["max": .number(2)])"#,
            "let c = \"\"\"\n    root[\"x\"] NodeRef(a, \"b\") .appending(\"c\")\n    \"\"\"",
            #"// NodeRef(strategy, "motion") in a comment"#,
            #"let d = ["enabled", "severity"] + names"#,
            #"let e = context.strings("required-metrics")"#,
            #"let f = "the message says node[\"x\"] and root[ too""#,
        ]
        for line in clean {
            #expect(Self.stringPathReads(in: line).isEmpty, "flagged: \(line)")
        }
        #expect(Self.stringPathReads(in: "let a = 1\n\n  let b = x[\"y\"]\n").map(\.line) == [3])
    }

    struct Problem {
        var line: Int
        var what: String
        var code: String
    }

    static func stringPathReads(in text: String) -> [Problem] {
        var problems: [Problem] = []
        let source = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, line) in codeLines(text).enumerated() {
            func flag(_ what: String) {
                problems.append(Problem(line: number + 1, what: what, code: number < source.count ? source[number] : line))
            }
            if line.contains("[path:") { flag("a path subscript") }
            if line.contains(".appending(\"") { flag("appending a string path") }
            if line.contains("root[") { flag("a read from the document root") }
            if line.contains(/[\w)\]?!]\s*\[\s*"/) { flag("a subscript with a string literal") }
            if nodeRefWithString(line) { flag("NodeRef with a string path") }
        }
        return problems
    }

    /// Whether a `NodeRef(` call on the line has a string literal among its own arguments.
    static func nodeRefWithString(_ line: String) -> Bool {
        var rest = line[...]
        while let start = rest.range(of: "NodeRef(") {
            var depth = 1
            var index = start.upperBound
            while index < rest.endIndex, depth > 0 {
                switch rest[index] {
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                case "\"" where depth == 1: return true
                default: break
                }
                index = rest.index(after: index)
            }
            rest = rest[start.upperBound...]
        }
        return false
    }

    /// The source with comments removed and each string literal reduced to `""` (its
    /// interpolations kept as code after it, in parentheses), one entry per source line, so the
    /// line numbers stay those of the file.
    static func codeLines(_ text: String) -> [String] {
        let chars = Array(text)
        var out = ""
        var i = 0
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }

        /// Reads a string literal starting at `i` (at its opening quote, after any `#`s) and
        /// returns the code of its interpolations; newlines inside are kept in `out`.
        func skipString(hashes: Int) -> String {
            let multiline = at(i) == "\"" && at(i + 1) == "\"" && at(i + 2) == "\""
            i += multiline ? 3 : 1
            let closing = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            var code = ""
            while i < chars.count {
                if String(chars[i..<min(chars.count, i + closing.count)]) == closing {
                    i += closing.count
                    return code
                }
                if String(chars[i..<min(chars.count, i + escape.count)]) == escape {
                    i += escape.count
                    if at(i) == "(" {
                        // An interpolation: code up to the matching parenthesis.
                        var depth = 0
                        var inner = ""
                        while i < chars.count {
                            let c = chars[i]
                            if c == "\"" {
                                inner += "\"\"" + "(" + skipString(hashes: 0) + ")"
                                continue
                            }
                            if c == "(" { depth += 1 }
                            if c == ")" { depth -= 1 }
                            inner.append(c)
                            i += 1
                            if depth == 0 { break }
                        }
                        code += inner
                    } else {
                        i += 1
                    }
                    continue
                }
                if chars[i] == "\n" { out.append("\n") }
                i += 1
            }
            return code
        }

        while i < chars.count {
            let c = chars[i]
            if c == "/" && at(i + 1) == "/" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && at(i + 1) == "*" {
                i += 2
                while i < chars.count && !(chars[i] == "*" && at(i + 1) == "/") {
                    if chars[i] == "\n" { out.append("\n") }
                    i += 1
                }
                i += 2
                continue
            }
            if c == "#" || c == "\"" {
                var hashes = 0
                while at(i + hashes) == "#" { hashes += 1 }
                if at(i + hashes) == "\"" {
                    i += hashes
                    let interpolated = skipString(hashes: hashes)
                    out += "\"\""
                    if !interpolated.isEmpty { out += "(" + interpolated + ")" }
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
