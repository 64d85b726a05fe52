/// The items of a YAML list: a range of its document's tree, indexed from 0 like an array.
/// Made from an array (or a literal), it copies the nodes into a tree of its own.
public struct YAMLNodes: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    let tree: NodeTree
    let start: UInt32
    public let count: Int

    init(tree: NodeTree, start: UInt32, count: Int) {
        self.tree = tree
        self.start = start
        self.count = count
    }

    public init(_ nodes: some Sequence<YAMLNode>) {
        let tree = NodeTree()
        (start, count) = tree.appendCopies(of: nodes)
        tree.freeze()
        self.tree = tree
    }

    public init(arrayLiteral elements: YAMLNode...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> YAMLNode {
        precondition(position >= 0 && position < count, "list index out of range")
        return YAMLNode(tree: tree, index: start + UInt32(position))
    }

    public static func == (a: YAMLNodes, b: YAMLNodes) -> Bool {
        a.count == b.count && (a.tree === b.tree && a.start == b.start || a.elementsEqual(b))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for node in self { hasher.combine(node) }
    }
}

/// The entries of a YAML mapping, in the order written: a range of its document's tree (key,
/// value, key, value…), indexed from 0 like an array. Made from an array (or a literal), it
/// copies the entries into a tree of its own.
public struct YAMLEntries: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    let tree: NodeTree
    let start: UInt32
    public let count: Int

    init(tree: NodeTree, start: UInt32, count: Int) {
        self.tree = tree
        self.start = start
        self.count = count
    }

    public init(_ entries: some Sequence<YAMLMappingEntry>) {
        let tree = NodeTree()
        (start, count) = tree.appendCopies(of: entries)
        tree.freeze()
        self.tree = tree
    }

    public init(arrayLiteral elements: YAMLMappingEntry...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> YAMLMappingEntry {
        precondition(position >= 0 && position < count, "mapping index out of range")
        let key = start + UInt32(position) * 2
        return YAMLMappingEntry(key: YAMLNode(tree: tree, index: key), value: YAMLNode(tree: tree, index: key + 1))
    }

    /// The value of the entry at `position`, without making its key.
    public func value(at position: Int) -> YAMLNode {
        precondition(position >= 0 && position < count, "mapping index out of range")
        return YAMLNode(tree: tree, index: start + UInt32(position) * 2 + 1)
    }

    /// Whether the values at `position` of this mapping and of `other` are the same, as
    /// `YAMLNode.sameValueInPlace` tells (nil when it cannot say in place), without making
    /// either node: two versions of a document mostly differ in one value among many.
    public func sameValueInPlace(at position: Int, as other: YAMLEntries) -> Bool? {
        precondition(position >= 0 && position < count && position < other.count, "mapping index out of range")
        let mine = Int(start) + 2 * position + 1, theirs = Int(other.start) + 2 * position + 1
        return tree.sameValue(tree.records[mine], other.tree, other.tree.records[theirs])
    }

    /// The place of the first entry whose key is the scalar `key`, compared in place.
    public func index(ofKey key: String) -> Int? {
        tree.entry(withKey: key, from: start, count: count)
    }

    /// Whether `other` has the same plain string keys in the same order (see
    /// `NodeTree.sameKeys`): two versions of a mapping then line up entry by entry.
    public func hasSameKeys(as other: YAMLEntries) -> Bool {
        count == other.count && tree.sameKeys(from: start, other.tree, from: other.start, count: count)
    }

    /// Whether the key of the entry at `position` is written in an earlier entry too,
    /// compared in place.
    public func repeatsKey(at position: Int) -> Bool {
        let key = tree.records[Int(start) + 2 * position]
        guard key.kind == .scalar else {
            guard let text = tree.keyText(key) else { return false }
            return index(ofKey: text) != position
        }
        return tree.withText(of: key) { wanted in
            (0..<position).contains { tree.text(of: tree.records[Int(start) + 2 * $0], is: wanted) }
        }
    }

    public static func == (a: YAMLEntries, b: YAMLEntries) -> Bool {
        a.count == b.count && (a.tree === b.tree && a.start == b.start || a.elementsEqual(b))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for entry in self { hasher.combine(entry) }
    }
}
