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
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLMappingEntry])
    }

    public var content: Content
    public var mark: YAMLMark
    /// The tag, behind a reference: few nodes have one, and a workspace of 20,000 files keeps
    /// millions of nodes, each eight bytes smaller than with the text inline.
    private var taggedAs: Tag?

    /// The explicit tag as written, resolved to its full form (`tag:yaml.org,2002:str`), or nil.
    public var tag: String? {
        get { taggedAs?.text }
        set { taggedAs = newValue.map(Tag.init) }
    }

    public init(_ content: Content, mark: YAMLMark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.taggedAs = tag.map(Tag.init)
    }

    /// A tag's text, compared by value (two nodes with the same tag are equal).
    private final class Tag: Sendable, Hashable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (a: Tag, b: Tag) -> Bool { a.text == b.text }
        func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The text of a scalar as written, or nil for a collection.
    public var text: String? { scalar?.text }

    /// The value of a scalar that resolved to a string (quoted, or plain and not a number,
    /// boolean or null); nil otherwise.
    public var string: String? {
        if case .string(let s)? = scalar?.value { return s }
        return nil
    }

    /// The value under a string key of a mapping; nil when this is not a mapping or the key is absent.
    public subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }

    /// The whole entry (key node and value) under a string key, for the key's position.
    public func entry(_ key: String) -> YAMLMappingEntry? {
        guard case .mapping(let entries) = content, let i = entries.index(ofKey: key) else { return nil }
        return entries[i]
    }

    /// A short name of the node's type for messages: "a mapping", "the string \"x\"".
    public var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let s): s.value.kindDescription
        }
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
    public var keyText: String? { key.scalar?.text }
}

extension Array where Element == YAMLMappingEntry {
    /// The place of the first entry whose key is the scalar `key`. Rules, pointers and diffs
    /// look keys up all the time (history replays them thousands of times), and reading each
    /// key in place costs a fraction of copying every entry out to compare it.
    public func index(ofKey key: String) -> Int? {
        withUnsafeBufferPointer { entries in
            for i in entries.indices {
                if case .scalar(let scalar) = entries[i].key.content, scalar.text == key { return i }
            }
            return nil
        }
    }
}

/// A scalar with its original text kept beside its resolved value, so messages can quote
/// exactly what the user wrote.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style
    /// The value as stored: a string value that equals the text is not stored twice.
    private var stored: Stored

    private enum Stored: Sendable, Hashable {
        case textItself
        case other(YAMLScalarValue)
    }

    public var value: YAMLScalarValue {
        get {
            switch stored {
            case .textItself: .string(text)
            case .other(let v): v
            }
        }
        set { stored = newValue == .string(text) ? .textItself : .other(newValue) }
    }

    public init(text: String, style: Style, value: YAMLScalarValue) {
        self.text = text
        self.style = style
        self.stored = value == .string(text) ? .textItself : .other(value)
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
