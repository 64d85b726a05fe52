/// A 1-based position inside the file a node came from.
public struct YAMLMark: Sendable, Hashable, Comparable {
    // 32 bits each: a strategy folder of thousands of files keeps every node in memory.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: YAMLMark, b: YAMLMark) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// One node of a YAML document. Every node knows where it starts, so that any problem found
/// later (by the schema, by a coherence rule) can point at the exact spot in the file.
///
/// A node is its document's `NodeTree` and its place there: 16 bytes, however large the value.
/// Lists and mappings are ranges of the same tree (`YAMLNodes`, `YAMLEntries`), and a scalar's
/// text is read from the tree's one buffer when asked for. A node made from content rather
/// than parsed (`init(_:mark:tag:)`, or a setter) gets a small tree of its own, with copies of
/// the nodes it holds. `content` gives the same value either way.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence(YAMLNodes)
        case mapping(YAMLEntries)
    }

    let tree: NodeTree
    let index: UInt32

    init(tree: NodeTree, index: UInt32) {
        self.tree = tree
        self.index = index
    }

    public init(_ content: Content, mark: YAMLMark, tag: String? = nil) {
        let tree = NodeTree()
        index = tree.append(tree.record(content, tag: tag, at: mark))
        tree.freeze()
        self.tree = tree
    }

    @inline(__always)
    var record: NodeRecord { tree.records[Int(index)] }

    public var mark: YAMLMark {
        get { record.mark }
        set { self = YAMLNode(content, mark: newValue, tag: tag) }
    }

    public var content: Content {
        get {
            let own = record
            let body = tree.body(own)
            switch body.kind {
            case .scalar: return .scalar(tree.scalar(body))
            case .sequence: return .sequence(YAMLNodes(tree: tree, start: body.payload, count: body.count))
            case .mapping: return .mapping(YAMLEntries(tree: tree, start: body.payload, count: body.count))
            case .extra: return .scalar(tree.extras[Int(own.payload)].scalar ?? YAMLScalar(text: "", style: .plain, value: .null))
            }
        }
        set { self = YAMLNode(newValue, mark: mark, tag: tag) }
    }

    /// The explicit tag as written, resolved to its full form (`tag:yaml.org,2002:str`), or nil.
    public var tag: String? {
        get {
            let own = record
            return own.kind == .extra ? tree.extras[Int(own.payload)].tag : nil
        }
        set { self = YAMLNode(content, mark: mark, tag: newValue) }
    }

    public var scalar: YAMLScalar? {
        let own = record
        switch own.kind {
        case .scalar: return tree.scalar(own)
        case .extra: return tree.extras[Int(own.payload)].scalar
        case .sequence, .mapping: return nil
        }
    }

    public var sequence: YAMLNodes? {
        let body = tree.body(record)
        return body.kind == .sequence ? YAMLNodes(tree: tree, start: body.payload, count: body.count) : nil
    }

    public var mapping: YAMLEntries? {
        let body = tree.body(record)
        return body.kind == .mapping ? YAMLEntries(tree: tree, start: body.payload, count: body.count) : nil
    }

    /// The text of a scalar as written, or nil for a collection.
    public var text: String? {
        let own = record
        switch own.kind {
        case .scalar: return tree.string(own)
        case .extra: return tree.extras[Int(own.payload)].scalar?.text
        case .sequence, .mapping: return nil
        }
    }

    /// The value of a scalar that resolved to a string (quoted, or plain and not a number,
    /// boolean or null); nil otherwise.
    public var string: String? {
        let own = record
        switch own.kind {
        case .scalar: return own.value == .string ? tree.string(own) : nil
        case .extra:
            if case .string(let v)? = tree.extras[Int(own.payload)].scalar?.value { return v }
            return nil
        case .sequence, .mapping: return nil
        }
    }

    /// Calls `body` with the UTF-8 text of a scalar whose value is that text (a string, not a
    /// number, boolean or null), read in place; nil for any other node, or a string kept aside
    /// (tagged, or too long for a record), for which `string` answers. What copies every
    /// string of a document elsewhere (a flat instance for the schemas) reads it this way,
    /// without a `String` made and freed per value.
    public func withStringText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let own = record
        guard own.kind == .scalar, own.value == .string else { return nil }
        return tree.withText(of: own, body)
    }

    /// The same for a scalar's text as written, whatever its value (a key's, say).
    public func withScalarText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let own = record
        guard own.kind == .scalar else { return nil }
        return tree.withText(of: own, body)
    }

    /// Whether two nodes have the same value, told in place (see `NodeTree.sameValue`); nil when
    /// that takes reading them (a float, a value kept aside, keys in another order).
    public func sameValueInPlace(as other: YAMLNode) -> Bool? {
        tree.sameValue(record, other.tree, other.record)
    }

    /// The value under a string key of a mapping; nil when this is not a mapping or the key is absent.
    public subscript(key: String) -> YAMLNode? {
        guard let entries = mapping, let i = entries.index(ofKey: key) else { return nil }
        return entries.value(at: i)
    }

    /// The value under a key written in the code (a model's field names), compared in place:
    /// no string is made or bridged for the key. Nil for anything but a mapping with the key.
    public func child(_ key: StaticString) -> YAMLNode? {
        let body = tree.body(record)
        guard body.kind == .mapping else { return nil }
        let start = Int(body.payload)
        for i in 0..<body.count where tree.text(of: tree.records[start + 2 * i], is: key) {
            return YAMLNode(tree: tree, index: UInt32(start + 2 * i + 1))
        }
        return nil
    }

    /// The whole entry (key node and value) under a string key, for the key's position.
    public func entry(_ key: String) -> YAMLMappingEntry? {
        guard let entries = mapping, let i = entries.index(ofKey: key) else { return nil }
        return entries[i]
    }

    /// This node with the nodes at these paths replaced. A path is a list of mapping keys and
    /// list indexes, each read as the subscripts read them (the first entry with the key; an
    /// index from 0); a path that leads nowhere changes nothing, and of two replacements at one
    /// path the later one is kept. The tree is copied whole, in three copies of its buffers,
    /// and the replaced places are written over: a value inside an anchored list or mapping
    /// stands at one place for the anchor and its aliases, which all get the new value (gtm's
    /// model upgrade writes the same value at every one of them anyway).
    public func replacing(_ replacements: [(path: ArraySlice<String>, node: YAMLNode)]) -> YAMLNode {
        let targets = replacements.compactMap { r in node(at: r.path).map { ($0.index, r.node) } }
        guard !targets.isEmpty else { return self }
        let copy = NodeTree(copying: tree)
        for (place, node) in targets { copy.overwrite(place, with: copy.copy(node)) }
        copy.freeze()
        return YAMLNode(tree: copy, index: index)
    }

    /// This node with the node at `path` replaced by the plain string `text`, where the
    /// replaced node stood: `replacing` without a tree made for the new scalar first. A history
    /// upgrades every version of a segment written before gtm/v2 by its `apiVersion` alone.
    public func replacingString(at path: ArraySlice<String>, with text: String) -> YAMLNode {
        guard let place = tree.place(from: index, at: path) else { return self }
        let copy = NodeTree(copying: tree)
        let scalar = YAMLScalar(text: text, style: .plain, value: .string(text))
        copy.overwrite(place, with: copy.scalarRecord(scalar, tag: nil, at: tree.records[Int(place)].mark))
        copy.freeze()
        return YAMLNode(tree: copy, index: index)
    }

    /// The node at a path of mapping keys and list indexes (the first entry with a key; an index
    /// from 0); nil where the path leads nowhere.
    public func node(at path: ArraySlice<String>) -> YAMLNode? {
        tree.place(from: index, at: path).map { YAMLNode(tree: tree, index: $0) }
    }

    /// The same, for a whole list of keys and indexes (a JSON Pointer's tokens).
    public func node(at path: [String]) -> YAMLNode? { node(at: path[...]) }

    /// A short name of the node's type for messages: "a mapping", "the string \"x\"".
    public var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let s): s.value.kindDescription
        }
    }

    /// Equal when content, tag and position are; two plain scalars are compared by their
    /// text in place.
    public static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        if a.tree === b.tree && a.index == b.index { return true }
        let x = a.record, y = b.record
        guard x.line == y.line, x.column == y.column else { return false }
        if x.kind == .scalar && y.kind == .scalar {
            return x.form == y.form && a.tree.sameText(x, b.tree, y)
        }
        return a.tag == b.tag && a.content == b.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mark)
        hasher.combine(tag)
        hasher.combine(content)
    }
}

/// One `key: value` pair of a mapping; keys keep their own position for "unknown key" reports.
public struct YAMLMappingEntry: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key as text; non-scalar keys (rare, legal YAML) give nil.
    public var keyText: String? { key.text }
}

extension Array where Element == YAMLMappingEntry {
    /// The place of the first entry whose key is the scalar `key`.
    public func index(ofKey key: String) -> Int? {
        firstIndex { $0.keyText == key }
    }
}

/// A scalar with its original text kept beside its resolved value, so messages can quote
/// exactly what the user wrote.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: UInt8, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style
    public var value: YAMLScalarValue

    public init(text: String, style: Style, value: YAMLScalarValue) {
        self.text = text
        self.style = style
        self.value = value
    }
}

/// A scalar's meaning under the YAML 1.2 core schema. Numbers keep a canonical decimal text so
/// that no precision is lost on the way to JSON Schema's exact comparisons.
public enum YAMLScalarValue: Sendable, Hashable {
    /// The binary value of a float (its text is canonical, so reading it back is exact).
    public static func double(_ canonical: String) -> Double { Double(canonical) ?? 0 }

    case null
    case bool(Bool)
    /// Canonical decimal text of an integer (`0x1F` becomes `31`).
    case integer(String)
    /// Canonical text of a finite float (`.5` becomes `0.5`); `double` gives its binary value.
    /// Only the text is kept: the value follows from it, and a node is smaller without it.
    case float(String)
    /// `.inf`, `-.inf`, `.nan`: no JSON equivalent.
    case nonFinite(Double)
    case string(String)

    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let b): "the boolean \(b)"
        case .integer(let t): "the integer \(t)"
        case .float(let t): "the number \(t)"
        case .nonFinite(let d): "the number \(d)"
        case .string(let s): "the string \"\(s)\""
        }
    }
}

/// One document of a YAML stream (files may hold several, separated by `---`).
public struct YAMLDocument: Sendable, Hashable {
    public var path: String
    /// 0-based index of the document in its file.
    public var index: Int
    public var root: YAMLNode
    public var mark: YAMLMark

    public init(path: String, index: Int, root: YAMLNode, mark: YAMLMark) {
        self.path = path
        self.index = index
        self.root = root
        self.mark = mark
    }
}
