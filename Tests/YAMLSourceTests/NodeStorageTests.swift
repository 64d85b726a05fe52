import Testing
@testable import YAMLSource

/// A node is a place in its document's tree (a record of 16 bytes, scalar text in one buffer,
/// tags and values that do not follow from their text kept aside); whatever the storage, it
/// must give back exactly the content and tag it was made from, and compare equal exactly when
/// those are equal.
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
    @Test func aNodeTakes16BytesAndARecord16More() {
        #expect(MemoryLayout<YAMLNode>.stride == 16)
        #expect(MemoryLayout<YAMLMappingEntry>.stride == 32)
        #expect(MemoryLayout<NodeRecord>.stride == 16)
    }

    static let parsed = """
        name: Clinics in the north
        description: &d "Independent dental clinics with five to fifty chairs"
        !!str tagged: 0x1F
        count: 0x1F
        again: *d
        list: [a, 2, true, ~, "quoted"]
        nested: {k: [x, {deep: y}]}
        """

    static func root() -> YAMLNode {
        YAMLLoader.load(Array(parsed.utf8), path: "p.yaml").documents[0].root
    }

    /// A parsed document is one tree, trimmed to what it holds: no node has storage of its own.
    @Test func aParsedDocumentIsOneTrimmedTree() {
        let root = Self.root()
        func all(_ node: YAMLNode) -> [YAMLNode] {
            [node] + (node.sequence.map { $0.flatMap(all) } ?? []) + (node.mapping.map { $0.flatMap { all($0.key) + all($0.value) } } ?? [])
        }
        let nodes = all(root)
        #expect(nodes.count == 26)
        #expect(nodes.allSatisfy { $0.tree === root.tree })
        // No more spare room than the allocator's rounding (under 24 bytes).
        #expect(root.tree.records.capacity <= root.tree.records.count + 1)
        #expect(root.tree.text.capacity < root.tree.text.count + 24)
    }

    /// What a parsed node gives is what the same content made by hand gives, and the two compare
    /// equal although they live in different trees.
    @Test func parsedAndMadeNodesAgree() throws {
        let root = Self.root()
        let rebuilt = YAMLNode(root.content, mark: root.mark, tag: root.tag)
        #expect(rebuilt == root && rebuilt.hashValue == root.hashValue)
        #expect(rebuilt.tree !== root.tree)
        #expect(root["description"]?.string == "Independent dental clinics with five to fifty chairs")
        // An alias stands where it is written, with the anchored value.
        let again = try #require(root["again"])
        #expect(again.string == root["description"]?.string && again.mark == YAMLMark(line: 5, column: 8))
        #expect(again != root["description"])
        #expect(root["count"]?.scalar?.value == .integer("31") && root["count"]?.text == "0x1F")
        #expect(root["tagged"]?.scalar?.value == .integer("31"))
        #expect(root.entry("tagged")?.key.tag == "tag:yaml.org,2002:str")
        #expect(root["nested"]?["k"]?.sequence?[1]["deep"]?.string == "y")
        #expect(root["list"]?.sequence?.map(\.kindDescription) == ["the string \"a\"", "the integer 2", "the boolean true", "null", "the string \"quoted\""])
        #expect(root["absent"] == nil && root["list"]?["a"] == nil)
    }

    /// Only a scalar whose value is its own text is handed over in place; anything else answers
    /// through `string` and `content`.
    @Test func textInPlaceOnlyForStringsHeldInTheTree() {
        let root = Self.root()
        func inPlace(_ node: YAMLNode?) -> String? { node?.withStringText { String(decoding: $0, as: UTF8.self) } }
        #expect(inPlace(root["name"]) == "Clinics in the north")
        #expect(inPlace(root["count"]) == nil)
        #expect(inPlace(root["tagged"]) == nil)
        #expect(inPlace(root["list"]?.sequence?[1]) == nil)
        #expect(inPlace(root) == nil)
        #expect(root.entry("count")?.key.withScalarText { $0.count } == 5)
    }

    /// Values told equal or not in place (strings and integers by their text) agree with their
    /// values compared: across trees, with integers written in other forms and floats among them.
    @Test(arguments: [
        ("5", "5"), ("5", "6"), ("-5", "-5"), ("-5", "5"), ("+5", "5"), ("05", "5"), ("0x1F", "31"), ("-0", "0"),
        ("1.5", "1.5"), ("5", "5.0"), ("abc", "abc"), ("abc", "abd"), ("5", "'5'"), ("null", "~"), ("true", "True"),
        ("true", "'true'"), ("12345678901234567890", "12345678901234567890"), ("12345678901234567890", "12345678901234567891"),
    ])
    func valuesComparedInPlaceAgreeWithTheirValues(_ x: String, _ y: String) throws {
        let a = try #require(YAMLLoader.load(Array("v: \(x)\n".utf8), path: "a.yaml").documents.first?.root["v"])
        let b = try #require(YAMLLoader.load(Array("w: 1\nv: \(y)\n".utf8), path: "b.yaml").documents.first?.root["v"])
        let values = (try #require(a.scalar)).value == (try #require(b.scalar)).value
        if let inPlace = a.sameValueInPlace(as: b) { #expect(inPlace == values) }
        if let inPlace = b.sameValueInPlace(as: a) { #expect(inPlace == values) }
        if x == "5" && (y == "5" || y == "6") { #expect(a.sameValueInPlace(as: b) != nil) }
    }

    /// Lists and mappings compared in place: a difference anywhere says false, keys in another
    /// order or a float inside leave the answer to a reading of the values (nil).
    @Test(arguments: [
        ("[1, a, null, true]", "[1, a, ~, True]", true as Bool?), ("[1, 2]", "[2, 1]", false), ("[1, 2]", "[1, 2, 3]", false),
        ("{a: 1, b: [x, y]}", "{a: 1, b: [x, y]}", true), ("{a: 1, b: [x, y]}", "{a: 1, b: [x, z]}", false),
        ("{a: 1, b: 2}", "{b: 2, a: 1}", nil), ("{a: 1, b: 2}", "{a: 1, c: 2}", nil), ("{a: 1.5}", "{a: 1.5}", nil),
        ("{a: 1.5, b: x}", "{a: 1.5, b: y}", false), ("[1.5, 2]", "[1.5, 3]", false), ("{a: 1}", "[1]", false),
        ("{a: {b: {c: deep}}}", "{a: {b: {c: deep}}}", true), ("{a: {b: {c: deep}}}", "{a: {b: {c: deeper}}}", false),
        ("{'a': 1}", "{a: 1}", true), ("{1: a}", "{1: a}", nil), ("!!map {a: 1}", "{a: 1}", nil), ("[]", "{}", false),
        ("x", "[x]", false),
    ])
    func collectionsComparedInPlace(_ x: String, _ y: String, _ expected: Bool?) throws {
        let a = try #require(YAMLLoader.load(Array("v: \(x)\n".utf8), path: "a.yaml").documents.first?.root["v"])
        let b = try #require(YAMLLoader.load(Array("w: 1\nv: \(y)\n".utf8), path: "b.yaml").documents.first?.root["v"])
        #expect(a.sameValueInPlace(as: b) == expected)
        #expect(b.sameValueInPlace(as: a) == expected)
    }

    /// An integer read in place is the integer its scalar holds, however it is written; what
    /// is not held in canonical form is left to the scalar.
    @Test(arguments: [
        "0", "7", "1415", "-5", "-0", "007", "+12", "0x1F", "0o17", "1_000", "123456789012345678", "1234567890123456789",
        "1.5", "1e3", "-x", "abc", "'12'", "!!str 12", "!!int 12", "~", "true",
    ])
    func integersAreReadInPlaceAsTheirScalarSays(_ text: String) throws {
        let node = try #require(YAMLLoader.load(Array("v: \(text)\n".utf8), path: "p.yaml").documents.first?.root["v"])
        let held: Int? = if case .integer(let t)? = node.scalar?.value { Int(t) } else { nil }
        if let inPlace = node.integerInPlace {
            #expect(inPlace == held)
        }
        // Every plain decimal integer of up to 18 digits is read in place.
        if let held, text.count <= 18, text.allSatisfy(\.isNumber), String(held) == text {
            #expect(node.integerInPlace == held)
        }
    }

    @Test func repeatedKeysAreFoundInPlace() {
        let entries: YAMLEntries = [
            YAMLMappingEntry(key: YAMLNode(.scalar(Self.scalars[0]), mark: Self.mark), value: YAMLNode(.scalar(Self.scalars[5]), mark: Self.mark)),
            YAMLMappingEntry(key: YAMLNode(.scalar(Self.scalars[1]), mark: Self.mark), value: YAMLNode(.scalar(Self.scalars[5]), mark: Self.mark)),
            YAMLMappingEntry(key: YAMLNode(.scalar(Self.scalars[4]), mark: Self.mark, tag: "!k"), value: YAMLNode(.scalar(Self.scalars[5]), mark: Self.mark)),
            YAMLMappingEntry(key: YAMLNode(.scalar(Self.scalars[5]), mark: Self.mark), value: YAMLNode(.scalar(Self.scalars[5]), mark: Self.mark)),
        ]
        #expect(entries.index(ofKey: "clinics") == 0)
        #expect(entries.index(ofKey: "42") == 2)
        #expect(entries.index(ofKey: "clinic") == nil)
        #expect(entries.indices.map { entries.repeatsKey(at: $0) } == [false, true, false, true])
    }

    /// Replacing writes over the places the paths lead to, in a copy: the original is untouched,
    /// a path that leads nowhere changes nothing, and the later of two replacements at one place wins.
    @Test func replacingWritesOverPlacesInACopy() throws {
        let root = Self.root()
        let x = YAMLNode(.scalar(YAMLScalar(text: "x", style: .plain, value: .string("x"))), mark: Self.mark)
        let y = YAMLNode(.mapping([YAMLMappingEntry(key: x, value: x)]), mark: Self.mark)
        let changed = root.replacing([
            (["name"], x), (["list", "1"], x), (["nested", "k", "1", "deep"], x), (["absent", "a"], x),
            (["list", "9"], x), (["count"], x), (["count"], y),
        ])
        #expect(changed["name"] == x && changed["list"]?.sequence?[1] == x)
        #expect(changed["nested"]?["k"]?.sequence?[1]["deep"] == x)
        #expect(changed["count"] == y && changed["count"]?["x"]?.string == "x")
        #expect(changed["absent"] == nil && changed["list"]?.sequence?.count == 5)
        #expect(changed["description"] == root["description"] && changed.mark == root.mark)
        #expect(root["name"]?.string == "Clinics in the north" && root["count"]?.text == "0x1F")
        #expect(root.replacing([(["absent"], x)]) == root)
        // Inside an anchored mapping, a place is the alias's too; the alias itself has its own.
        let shared = YAMLLoader.load(Array("base: &b {k: v}\ncopy: *b\n".utf8), path: "a.yaml").documents[0].root
        #expect(shared.replacing([(["base", "k"], x)])["copy"]?["k"] == x)
        #expect(shared.replacing([(["copy"], x)])["base"]?["k"]?.string == "v")
        #expect(root.replacing([(["description"], x)])["again"]?.string == root["description"]?.string)
    }

    /// A text longer than a record can count is kept aside whole, and still comes back.
    @Test func aVeryLongTextIsKeptAside() {
        let text = String(repeating: "a", count: NodeRecord.countLimit)
        let scalar = YAMLScalar(text: text, style: .plain, value: .string(text))
        let node = YAMLNode(.scalar(scalar), mark: Self.mark)
        #expect(node.string?.utf8.count == NodeRecord.countLimit)
        #expect(node.withStringText { $0.count } == nil)
        #expect(node == YAMLNode(.scalar(scalar), mark: Self.mark))
    }
}
