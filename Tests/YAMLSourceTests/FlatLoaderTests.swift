import Foundation
import JSONSchema
import Testing
@testable import YAMLSource

/// The flat front end reads what `YAMLLoader` reads, value for value, or declines: never a
/// file `YAMLLoader` finds a problem in.
@Suite("Flat documents agree with the node tree")
struct FlatLoaderTests {
    static let texts: [String] = [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: null, e: ~, f: true, g: False}\n",
        "- 0x1F\n- 0o17\n- +12\n- -0\n- 007\n- 1.0\n- .5\n- 1e3\n- -2.50\n",
        "key: >-\n  folded\n  text\nother: |\n  literal\n  text\n",
        "1: one\ntrue: yes\nnull: no\n'q': quoted key\n",
        "empty:\nlist: []\nmap: {}\n",
        "---\na: 1\n---\n---\nb: 2\n",
        "",
        "# only a comment\n",
        "plain scalar at the root",
        "a: .inf\n",
        "a: .nan\n",
        "a: 1e400\n",
        "a: &x 1\nb: *x\n",
        "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
        "a: 1\na: 2\n",
        "a: !!str 1\n",
        "a: !custom x\n",
        "? [complex]\n: key\n",
        "a: [unclosed\n",
        "naïve: café ✓\n",
        "a:\n  b:\n    c:\n      - d: [1, [2, [3]]]\n",
        "NO: NO\non: off\nyes: y\n",
        "n: nothing\nt: truthy\nf: FALSEHOOD\nN: Nulls\nx: ~\ny: TRUE\nz: nulL\n",
        "text: \"line with \\t tab and \\u00e9 and \\x7f\"\nlong: abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop\n",
    ]

    @Test(arguments: texts)
    func agrees(_ text: String) {
        let bytes = Array(text.utf8)
        let tree = YAMLLoader.load(bytes, path: "t.yaml")
        let flat = FlatLoader.load(bytes)
        if !tree.problems.isEmpty {
            #expect(flat == nil, "a file with problems must go to YAMLLoader: \(tree.problems.map(\.message))")
            return
        }
        guard let flat else { return }  // declining is always allowed
        #expect(flat.count == tree.documents.count)
        for (f, t) in zip(flat, tree.documents) {
            #expect(Self.render(f, f.root) == Self.render(t.root), "\(text)")
        }
    }

    @Test(arguments: ["billion-laughs.yaml", "binary.bin.yaml", "bom-crlf.yaml", "duplicate-key.yaml", "latin1.yaml",
                      "multi.yaml", "syntax-error.yaml", "undefined-alias.yaml", "unknown-tag.yaml"])
    func fixtureFiles(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
        let tree = YAMLLoader.load(bytes, path: name)
        let flat = FlatLoader.load(bytes)
        if !tree.problems.isEmpty { #expect(flat == nil) }
        if let flat {
            for (f, t) in zip(flat, tree.documents) { #expect(Self.render(f, f.root) == Self.render(t.root)) }
        }
    }

    /// JSON-like text of a flat node (kinds by raw value: null, bool, integer, number, string,
    /// array, object).
    static func render(_ f: FlatInstance, _ index: Int32) -> String {
        let node = f.nodes[Int(index)]
        func text(_ n: FlatInstance.Node) -> String { String(decoding: f.bytes[Int(n.start) ..< Int(n.start + n.length)], as: UTF8.self) }
        let kids = { (0 ..< Int(node.length)).map { f.children[Int(node.start) + $0] } }
        switch node.kind.rawValue {
        case 0: return "null"
        case 1: return node.flag ? "true" : "false"
        case 2, 3: return "n:" + text(node)
        case 4: return "s:" + text(node)
        case 5: return "[" + kids().map { render(f, $0) }.joined(separator: ",") + "]"
        default:
            let k = kids()
            return "{" + stride(from: 0, to: k.count, by: 2).map { render(f, k[$0]) + "=" + render(f, k[$0 + 1]) }.joined(separator: ",") + "}"
        }
    }

    /// The same text of a tree node, as `jsonValue` reads it.
    static func render(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let s):
            switch s.value {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .integer(let t), .float(let t): return "n:" + t
            case .nonFinite: return "nonfinite"
            case .string(let t): return "s:" + t
            }
        case .sequence(let items): return "[" + items.map(render).joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "s:" + ($0.keyText ?? "?") + "=" + render($0.value) }.joined(separator: ",") + "}"
        }
    }
}
