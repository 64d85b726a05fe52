import Testing
@testable import YAMLSource

/// A node is stored compactly (a scalar as its text and one byte, anything else whole behind a
/// reference); whatever the storage, it must give back exactly the content and tag it was made
/// from, and compare equal exactly when those are equal.
@Suite("YAML node storage")
struct NodeStorageTests {
    static let mark = YAMLMark(line: 3, column: 7)

    static let scalars: [YAMLScalar] = [
        YAMLScalar(text: "clinics", style: .plain, value: .string("clinics")),
        YAMLScalar(text: "clinics", style: .doubleQuoted, value: .string("clinics")),
        YAMLScalar(text: "a\nb\n", style: .literal, value: .string("a\nb\n")),
        YAMLScalar(text: "a b", style: .folded, value: .string("a b")),
        YAMLScalar(text: "42", style: .singleQuoted, value: .string("42")),
        YAMLScalar(text: "42", style: .plain, value: .integer("42")),
        YAMLScalar(text: "0x1F", style: .plain, value: .integer("31")),
        YAMLScalar(text: "1.5", style: .plain, value: .float("1.5")),
        YAMLScalar(text: ".5", style: .plain, value: .float("0.5")),
        YAMLScalar(text: "~", style: .plain, value: .null),
        YAMLScalar(text: "", style: .plain, value: .null),
        YAMLScalar(text: "true", style: .plain, value: .bool(true)),
        YAMLScalar(text: "False", style: .plain, value: .bool(false)),
        YAMLScalar(text: ".inf", style: .plain, value: .nonFinite(.infinity)),
        YAMLScalar(text: "-.Inf", style: .plain, value: .nonFinite(-.infinity)),
        YAMLScalar(text: "x", style: .plain, value: .string("y")),
    ]

    static var contents: [YAMLNode.Content] {
        scalars.map { .scalar($0) } + [
            .sequence([]),
            .sequence([YAMLNode(.scalar(scalars[0]), mark: mark)]),
            .mapping([]),
            .mapping([YAMLMappingEntry(key: YAMLNode(.scalar(scalars[0]), mark: mark), value: YAMLNode(.scalar(scalars[5]), mark: mark))]),
        ]
    }

    @Test(arguments: [nil, "tag:yaml.org,2002:str", "!local"] as [String?])
    func contentAndTagComeBack(_ tag: String?) {
        for content in Self.contents {
            let node = YAMLNode(content, mark: Self.mark, tag: tag)
            #expect(node.content == content)
            #expect(node.tag == tag)
            #expect(node.mark == Self.mark)
            if case .scalar(let s) = content {
                #expect(node.scalar == s)
                #expect(node.text == s.text)
                if case .string(let v) = s.value { #expect(node.string == v) } else { #expect(node.string == nil) }
                #expect(node.sequence == nil && node.mapping == nil)
            } else {
                #expect(node.scalar == nil && node.text == nil && node.string == nil)
            }
            if case .sequence(let items) = content { #expect(node.sequence == items) } else { #expect(node.sequence == nil) }
            if case .mapping(let entries) = content { #expect(node.mapping == entries) } else { #expect(node.mapping == nil) }
        }
    }

    @Test func equalExactlyWhenContentTagAndMarkAre() {
        let nodes = Self.contents.flatMap { content in
            [nil, "!a", "!b"].map { YAMLNode(content, mark: Self.mark, tag: $0) }
        }
        for (i, a) in nodes.enumerated() {
            for (j, b) in nodes.enumerated() {
                let same = a.content == b.content && a.tag == b.tag
                #expect((a == b) == same, "\(i) against \(j)")
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
            var moved = a
            moved.mark = YAMLMark(line: 4, column: 7)
            #expect(moved != a)
        }
    }

    @Test func settingContentOrTagKeepsTheRest() {
        var node = YAMLNode(.scalar(Self.scalars[5]), mark: Self.mark)
        node.tag = "!n"
        #expect(node.tag == "!n" && node.content == .scalar(Self.scalars[5]))
        node.content = .sequence([])
        #expect(node.tag == "!n" && node.sequence == [] && node.mark == Self.mark)
        node.tag = nil
        #expect(node.tag == nil && node.sequence == [])
    }

    /// Every node of every file stays in memory until the rules have run.
    @Test func aNodeTakes32Bytes() {
        #expect(MemoryLayout<YAMLNode>.stride == 32)
        #expect(MemoryLayout<YAMLMappingEntry>.stride == 64)
    }
}
