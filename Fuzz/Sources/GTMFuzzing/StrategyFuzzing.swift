import GTMLint
import GTMModel
import YAMLSource

/// A strategy file as `gtm check` reads it: parsed within the default limits, validated against
/// the bundled schemas, and judged by every rule on a workspace of that one file. When the
/// input holds a line `# after`, the part before it is the same file in the previous commit,
/// and the change between the two is judged too, as `gtm review` judges it. Both versions are
/// also read entry by entry, as the history commands read them (`YAMLPieces`): a reading that
/// differs in any node, position or problem from the whole file's stops the fuzzer.
enum StrategyFuzzing {
    static let separator = Array("\n# after\n".utf8)

    static func run(_ body: [UInt8]) {
        let linter = FuzzWorld.linter
        guard let split = range(of: separator, in: body) else {
            readPieces([body])
            let after = linter.lint([LintInput(path: "strategy/fuzz.yaml", content: .bytes(body))])
            judgeChange(linter, from: Workspace(documents: []), to: after.workspace)
            return
        }
        readPieces([Array(body[..<split.lowerBound]), Array(body[split.upperBound...])])
        let before = linter.lint([LintInput(path: "strategy/fuzz.yaml", content: .bytes(Array(body[..<split.lowerBound])))])
        let after = linter.lint([LintInput(path: "strategy/fuzz.yaml", content: .bytes(Array(body[split.upperBound...])))])
        judgeChange(linter, from: before.workspace, to: after.workspace)
        judgeChange(linter, from: after.workspace, to: before.workspace)
    }

    /// Reads the versions in turn with one memo of entries, each also whole, and stops on any
    /// difference.
    static func readPieces(_ versions: [[UInt8]]) {
        let pieces = YAMLPieces()
        for bytes in versions {
            let whole = YAMLLoader.load(bytes, path: "strategy/fuzz.yaml")
            let pieced = YAMLLoader.load(bytes, path: "strategy/fuzz.yaml", pieces: pieces)
            if pieced.documents != whole.documents || pieced.problems != whole.problems {
                fatalError("reading entry by entry differs from reading the whole file")
            }
        }
    }

    static func judgeChange(_ linter: Linter, from before: Workspace, to after: Workspace) {
        let changes = SemanticDiff.changes(from: before, to: after)
        _ = changes.map { ($0.summary, $0.classification) }
        _ = linter.checkChange(from: before, to: after, changes: changes)
    }

    static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}
