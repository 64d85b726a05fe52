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
/// A workspace of 20,000 files keeps millions of nodes until its rules have run, so a node is
/// stored in 32 bytes rather than the 64 its content would take inline: a scalar keeps its text
/// and a byte for its style and for how its value follows from the text (a string that is the
/// text, an integer or float whose canonical text it is, null, true, false). Anything else (a
/// tag, a value whose canonical text differs from what was written) is kept whole behind one
/// reference, which few nodes need. `content` gives the same value either way.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLMappingEntry])
    }

    private var payload: Payload
    public var mark: YAMLMark
    /// A scalar's style (low three bits) and `ValueKind` (the rest); 0 for other payloads.
    private var form: UInt8

    private enum Payload: Sendable, Hashable {
        case text(String)
        case items([YAMLNode])
        case entries([YAMLMappingEntry])
        /// A node with a tag, or a scalar whose value does not follow from its text alone.
        case whole(Whole)
    }

    /// How a scalar's value follows from its text.
    private enum ValueKind: UInt8 {
        case string, integer, float, null, isFalse, isTrue

        init?(_ value: YAMLScalarValue, text: String) {
            switch value {
            case .string(let s) where s == text: self = .string
            case .integer(let t) where t == text: self = .integer
            case .float(let t) where t == text: self = .float
            case .null: self = .null
            case .bool(let b): self = b ? .isTrue : .isFalse
            default: return nil
            }
        }

        func value(_ text: String) -> YAMLScalarValue {
            switch self {
            case .string: .string(text)
            case .integer: .integer(text)
            case .float: .float(text)
            case .null: .null
            case .isFalse: .bool(false)
            case .isTrue: .bool(true)
            }
        }
    }

    /// The content and tag as given, compared by value (two nodes with the same tag are equal).
    private final class Whole: Sendable, Hashable {
        let content: Content
        let tag: String?
        init(_ content: Content, tag: String?) {
            self.content = content
            self.tag = tag
        }
        static func == (a: Whole, b: Whole) -> Bool { a === b || (a.content == b.content && a.tag == b.tag) }
        func hash(into hasher: inout Hasher) {
            hasher.combine(content)
            hasher.combine(tag)
        }
    }

    public init(_ content: Content, mark: YAMLMark, tag: String? = nil) {
        self.mark = mark
        form = 0
        switch content {
        case .sequence(let items) where tag == nil:
            payload = .items(items)
        case .mapping(let entries) where tag == nil:
            payload = .entries(entries)
        case .scalar(let scalar) where tag == nil:
            if let kind = ValueKind(scalar.value, text: scalar.text) {
                payload = .text(scalar.text)
                form = scalar.style.rawValue | kind.rawValue << 3
            } else {
                payload = .whole(Whole(content, tag: nil))
            }
        default:
            payload = .whole(Whole(content, tag: tag))
        }
    }

    public var content: Content {
        get {
            switch payload {
            case .text(let text): .scalar(scalar(text))
            case .items(let items): .sequence(items)
            case .entries(let entries): .mapping(entries)
            case .whole(let whole): whole.content
            }
        }
        set { self = YAMLNode(newValue, mark: mark, tag: tag) }
    }

    /// The explicit tag as written, resolved to its full form (`tag:yaml.org,2002:str`), or nil.
    public var tag: String? {
        get {
            if case .whole(let whole) = payload { return whole.tag }
            return nil
        }
        set { self = YAMLNode(content, mark: mark, tag: newValue) }
    }

    /// The scalar a text payload stands for.
    private func scalar(_ text: String) -> YAMLScalar {
        YAMLScalar(text: text, style: YAMLScalar.Style(rawValue: form & 7) ?? .plain,
                   value: (ValueKind(rawValue: form >> 3) ?? .string).value(text))
    }

    public var scalar: YAMLScalar? {
        switch payload {
        case .text(let text): scalar(text)
        case .whole(let whole): if case .scalar(let s) = whole.content { s } else { nil }
        case .items, .entries: nil
        }
    }

    public var sequence: [YAMLNode]? {
        switch payload {
        case .items(let items): items
        case .whole(let whole): if case .sequence(let items) = whole.content { items } else { nil }
        case .text, .entries: nil
        }
    }

    public var mapping: [YAMLMappingEntry]? {
        switch payload {
        case .entries(let entries): entries
        case .whole(let whole): if case .mapping(let entries) = whole.content { entries } else { nil }
        case .text, .items: nil
        }
    }

    /// The text of a scalar as written, or nil for a collection.
    public var text: String? {
        switch payload {
        case .text(let text): text
        case .whole(let whole): if case .scalar(let s) = whole.content { s.text } else { nil }
        case .items, .entries: nil
        }
    }

    /// The value of a scalar that resolved to a string (quoted, or plain and not a number,
    /// boolean or null); nil otherwise.
    public var string: String? {
        switch payload {
        case .text(let text): form >> 3 == ValueKind.string.rawValue ? text : nil
        case .whole(let whole): if case .scalar(let s) = whole.content, case .string(let v) = s.value { v } else { nil }
        case .items, .entries: nil
        }
    }

    /// The value under a string key of a mapping; nil when this is not a mapping or the key is absent.
    public subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }

    /// The whole entry (key node and value) under a string key, for the key's position.
    public func entry(_ key: String) -> YAMLMappingEntry? {
        guard let entries = mapping, let i = entries.index(ofKey: key) else { return nil }
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
    public var keyText: String? { key.text }
}

extension Array where Element == YAMLMappingEntry {
    /// The place of the first entry whose key is the scalar `key`. Rules, pointers and diffs
    /// look keys up all the time (history replays them thousands of times), and reading each
    /// key in place costs a fraction of copying every entry out to compare it.
    public func index(ofKey key: String) -> Int? {
        let length = key.utf8.count
        return withUnsafeBufferPointer { entries in
            for i in entries.indices {
                // Most keys differ in length: those are passed over without comparing text.
                if let text = entries[i].key.text, text.utf8.count == length, text == key { return i }
            }
            return nil
        }
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
