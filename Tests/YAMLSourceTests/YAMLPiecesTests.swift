import Foundation
import Testing
@testable import YAMLSource

/// A file read entry by entry (`YAMLPieces`) gives what reading it whole gives: the same nodes
/// at the same places, the same documents, the same problems; or it is read whole.
@Suite("Files read entry by entry agree with files read whole")
struct YAMLPiecesTests {
    static let texts: [String] = [
        "a: 1\nb: 2\n",
        "# lead\n\na: 1\n# mid\nb:\n  c: 2\n",
        "a: |\n  text\n\nb: >\n  folded\n",
        "a: |+\n  keep\n\n\nb: 1\n",
        "a: |\nb: c\n",
        "list:\n- x\n- y\nnext: 1\n",
        "a: \"multi\nline\"\nb: 1\n",
        "a: 'multi\nline'\nb: 1\n",
        "a: [x,\ny]\nb: 1\n",
        "a: {x: 1,\ny: 2}\n",
        "a: 1\na: 2\n",
        "a: 1\n\"a\": 2\n",
        "a: 1\nb: 2\n!!str a: 3\n",
        "a: &x 1\nb: *x\n",
        "a: &x 1\nb: 2\n",
        "a: &x {y: 1}\nb:\n  <<: *x\n  z: 2\n",
        "a: !!str 1\nb: 2\n",
        "a: !custom x\nb: 1\n",
        "a: 1\r\nb: 2\r\n",
        "a: 1\rb: 2\n",
        "a: 1\u{85}b: 2\n",
        "a: foo\n  bar\nb: x\n",
        "---\na: 1\nb: 2\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a: 1\nb: [unclosed\n",
        "a: 1\nfoo\n",
        "a:\n\tb: 1\nc: 2\n",
        "naïve: café\nélan: 1\n",
        "1: one\ntrue: yes\nnull: no\n",
        "a: 1 # c\nb: 2",
        "a:\n  - x\n  - y\nb:\n  c:\n    d: 1\n",
        "key with spaces: 1\n'quoted': 2\n",
        "a: >-\n  folded\n  text\n\n# comment\nb: 1\n",
        "a: 1\n \nb: 2\n",
        "  a: 1\n  b: 2\n",
        "a: \"x\"\nb: 'y'\nc: ~\nd: null\ne: 0x1F\nf: 1e3\ng: .inf\n",
        "a: \"\(String(repeating: "long text ", count: 20))\"\nb: 1\n",
        "? a\n: 1\nb: 2\n",
        "a: 1\n- b\n",
        "a: 1\n-b: 2\n",
        "(a): 1\n$b: 2\n_c: 3\n",
        "a:\n# a comment at the left\n  b: 1\nc: 2\n",
        "a: 1\n\u{FEFF}b: 2\n",
        (0..<20).map { "k\($0): \($0)\n" }.joined() + "k3: again\n",
        (0..<20).map { "k\($0): \($0)\n" }.joined(),
    ]

    @Test(arguments: texts)
    func agreesOnText(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.dump(YAMLLoader.load(bytes, path: "t.yaml", pieces: YAMLPieces())) == Self.dump(YAMLLoader.load(bytes, path: "t.yaml")), "\(text)")
    }

    /// Every YAML file of the repository, and each version of it with one line taken out, read
    /// with one memo per file: the versions share most of their entries, as commits do.
    @Test(arguments: repositoryYAMLFiles())
    func agreesOnFileAndItsVersions(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let pieces = YAMLPieces()
        var versions = [bytes]
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count < 200 {
            for i in lines.indices {
                var version = lines
                version.remove(at: i)
                versions.append(Array(version.joined(separator: [0x0A])))
            }
        }
        for version in versions + [bytes] {
            let whole = Self.dump(YAMLLoader.load(version, path: "f.yaml"))
            let pieced = Self.dump(YAMLLoader.load(version, path: "f.yaml", pieces: pieces))
            #expect(pieced == whole, "\(path):\n\(String(decoding: version, as: UTF8.self))")
        }
    }

    @Test func aSecondVersionReadsOnlyTheEntriesThatChanged() {
        let pieces = YAMLPieces()
        let first = Array("kind: segment\nid: a\nfirmographic:\n  employees: {min: 50, max: 500}\naccounts: {estimated: 900}\n".utf8)
        let second = Array("kind: segment\nid: a\nfirmographic:\n  employees: {min: 50, max: 800}\naccounts: {estimated: 900}\n".utf8)
        _ = YAMLLoader.load(first, path: "s.yaml", pieces: pieces)
        #expect(pieces.remembered == 4)
        let file = YAMLLoader.load(second, path: "s.yaml", pieces: pieces)
        #expect(pieces.remembered == 5)
        #expect(Self.dump(file) == Self.dump(YAMLLoader.load(second, path: "s.yaml")))
        #expect(file.documents.first?.root.mapping?.count == 4)
    }

    /// An entry remembered under generous limits is not taken under tighter ones, and the
    /// entries together are held to the node limit.
    @Test(arguments: [YAMLLimits(maxDepth: 2), YAMLLimits(maxNodes: 6), YAMLLimits(maxNodes: 7), YAMLLimits(maxNodes: 9)])
    func keepsTheLimits(_ limits: YAMLLimits) {
        let pieces = YAMLPieces()
        let bytes = Array("a: 1\nb:\n  c:\n    d: 1\ne: 2\n".utf8)
        _ = YAMLLoader.load(bytes, path: "l.yaml", pieces: pieces)
        let whole = YAMLLoader.load(bytes, path: "l.yaml", limits: limits)
        #expect(Self.dump(YAMLLoader.load(bytes, path: "l.yaml", limits: limits, pieces: pieces)) == Self.dump(whole))
    }

    @Test func declinesWhatCannotBeSplit() {
        for text in ["a: 1\n", "- a\n- b\n", "---\na: 1\nb: 2\n", "%YAML 1.1\n---\na: 1\n", "[a, b]\n", "a: 1\r2: 3\n", "\tb: 1\nc: 2\n"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { YAMLPieces.entryStarts($0) } == nil, "\(text)")
        }
        let starts = Array("# c\na: 1\n  x\nb:\n- y\n".utf8).withUnsafeBufferPointer { YAMLPieces.entryStarts($0) }
        #expect(starts?.map(\.line) == [2, 4])
    }

    /// Everything a reading gives, positions included.
    static func dump(_ file: YAMLFile) -> String {
        var out = file.problems.map { "problem \($0.kind) \($0.message) \($0.mark.line):\($0.mark.column) \($0.related.map { "\($0.line):\($0.column)" } ?? "")" }
        for document in file.documents {
            out.append("document \(document.index) \(document.mark.line):\(document.mark.column) " + dump(document.root))
        }
        return out.joined(separator: "\n")
    }

    static func dump(_ node: YAMLNode) -> String {
        let at = "\(node.mark.line):\(node.mark.column)" + (node.tag.map { " !\($0)" } ?? "")
        switch node.content {
        case .scalar(let s): return "\(at) \(s.style) \(s.value) \(s.text.debugDescription)"
        case .sequence(let items): return "\(at) [" + items.map(dump).joined(separator: ", ") + "]"
        case .mapping(let entries): return "\(at) {" + entries.map { dump($0.key) + " = " + dump($0.value) }.joined(separator: ", ") + "}"
        }
    }
}

/// The YAML files of this repository: the bundled strategy, the examples and the fixtures.
func repositoryYAMLFiles() -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var found: [String] = []
    for folder in ["strategy", "examples", "Tests"] {
        guard let walk = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
        for case let url as URL in walk where ["yaml", "yml"].contains(url.pathExtension) {
            found.append(url.path)
        }
    }
    return found.sorted()
}
