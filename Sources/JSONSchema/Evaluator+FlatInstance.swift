/// A document as one array of nodes and one buffer of bytes: what the validity program
/// (`Schema.isValid(_:)`) reads. No node owns a string or a child array, so building one costs
/// a few appends per value and freeing it three deallocations, where a `JSONValue` allocates a
/// dictionary per object and a string per long value. It holds no positions: a document the
/// program cannot prove valid goes through the full evaluator, which says where and why.
public struct FlatInstance: Sendable {
    /// What a node is. Numbers keep their decimal text; `integer` is any number whose value is
    /// whole (`1.0` too), as JSON Schema's `integer` type has it.
    public enum Kind: UInt8, Sendable {
        case null, bool, integer, number, string, array, object
    }

    public struct Node: Sendable {
        public var kind: Kind
        /// The value of a boolean.
        public var flag: Bool
        /// The text of a string or a number: `bytes[start ..< start + length]`.
        /// For arrays and objects: their children, `children[start ..< start + length]`
        /// (objects alternate key and value, each key a string node).
        public var start: Int32
        public var length: Int32

        public init(kind: Kind, flag: Bool = false, start: Int32 = 0, length: Int32 = 0) {
            self.kind = kind
            self.flag = flag
            self.start = start
            self.length = length
        }
    }

    public var nodes: [Node] = []
    public var children: [Int32] = []
    public var bytes: [UInt8] = []
    /// The root node's index.
    public var root: Int32 = 0

    public init() {}

    /// A copy of a JSON value (for JSON files, tests and benchmarks).
    public init(_ value: JSONValue) {
        root = append(value)
    }

    /// Appends a text node (string or number) and returns its index.
    @inline(__always)
    public mutating func appendText(_ kind: Kind, _ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let start = Int32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: text)
        nodes.append(Node(kind: kind, start: start, length: Int32(truncatingIfNeeded: text.count)))
        return Int32(truncatingIfNeeded: nodes.count - 1)
    }

    /// Appends a text node from a string and returns its index.
    public mutating func appendText(_ kind: Kind, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { appendText(kind, $0) }
    }

    /// Gives the array or object node at `container`, appended before its members, the
    /// members' indexes (for an object: key, value, key, value…).
    /// Inlinable, so that each caller (the flat loader, the YAML adapter) gets it specialised.
    @inlinable
    public mutating func close<Members: Collection<Int32>>(_ container: Int, members: Members) {
        nodes[container].start = Int32(truncatingIfNeeded: children.count)
        nodes[container].length = Int32(truncatingIfNeeded: members.count)
        children += members
    }

    private mutating func append(_ value: JSONValue) -> Int32 {
        switch value {
        case .null:
            nodes.append(Node(kind: .null))
        case .bool(let b):
            nodes.append(Node(kind: .bool, flag: b))
        case .number(let n):
            return appendText(n.isInteger ? .integer : .number, n.description)
        case .string(let s):
            return appendText(.string, s)
        case .array(let items):
            let me = nodes.count
            nodes.append(Node(kind: .array))
            close(me, members: items.map { append($0) })
            return Int32(truncatingIfNeeded: me)
        case .object(let object):
            let me = nodes.count
            nodes.append(Node(kind: .object))
            var members: [Int32] = []
            for key in object.keys {
                members.append(appendText(.string, key))
                members.append(append(object[key]!))
            }
            close(me, members: members)
            return Int32(truncatingIfNeeded: me)
        }
        return Int32(truncatingIfNeeded: nodes.count - 1)
    }

    /// Whether a number's decimal text is a whole number (`3`, `3.0`, `1e2`), for `Kind`.
    public static func isWholeNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var isWhole = true
        for b in text where b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { isWhole = false; break }
        if isWhole { return true }
        return JSONNumber(literal: String(decoding: text, as: UTF8.self))?.isInteger ?? false
    }
}
