import GTMCore
import YAMLSource

/// Typed reads of node values for rules. Each returns nil when the value is absent or of
/// another type: the schema reports wrong types, so rules stay quiet about them.
extension YAMLNode {
    /// The node under a path of mapping keys.
    public subscript(path keys: String...) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in keys { node = node?[key] }
        return node
    }

    /// A number (integer or float) as a Double.
    public var number: Double? {
        if let integer = integerInPlace { return Double(integer) }
        return switch scalar?.value {
        case .integer(let t)?: Double(t)
        case .float(let t)?: YAMLScalarValue.double(t)
        default: nil
        }
    }

    public var int: Int? {
        if let integer = integerInPlace { return integer }
        if case .integer(let t)? = scalar?.value { return Int(t) }
        if case .float(let t)? = scalar?.value {
            let d = YAMLScalarValue.double(t)
            if d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b)? = scalar?.value { return b }
        return nil
    }

    public var isNull: Bool { scalar?.value == .null }

    /// A string, or a list of strings, as a list; other items are skipped.
    public var strings: [String] {
        if let s = string { return [s] }
        guard let items = sequence else { return [] }
        // Made at its size: `compactMap` grew the list item by item.
        var result: [String] = []
        result.reserveCapacity(items.count)
        for item in items { if let s = item.string { result.append(s) } }
        return result
    }

    /// The items of a list (empty when absent or not a list).
    public var items: YAMLNodes { sequence ?? [] }

    /// True when the node holds something: a non-empty string, a number, a boolean, or a
    /// non-empty collection.
    public var isPresent: Bool {
        switch content {
        case .scalar(let s):
            if case .string(let t) = s.value { return !t.trimmingSpaces.isEmpty }
            return s.value != .null
        case .sequence(let items): return !items.isEmpty
        case .mapping(let entries): return !entries.isEmpty
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    public var trimmingSpaces: Substring {
        let s = self.drop(while: \.isWhitespace)
        return s.dropLast(s.reversed().prefix(while: \.isWhitespace).count)
    }
}

/// A path inside a document: the pointer for matching findings across revisions, and the
/// node for its position. The node is found once, when the place is made, and a place made
/// from another (`appending`, `items`) steps from its node rather than walking from the root:
/// rules read many fields, and history replays them thousands of times.
public struct NodeRef: Sendable {
    public let document: GTMDocument
    public let pointer: JSONPointer
    public let node: YAMLNode?

    public init(_ document: GTMDocument, _ pointer: JSONPointer) {
        document.reads?.read(pointer, of: document)
        self.init(document: document, pointer: pointer, node: document.tree.node(at: pointer))
    }

    public init(_ document: GTMDocument, _ tokens: String...) {
        self.init(document, JSONPointer(tokens: tokens))
    }

    init(document: GTMDocument, pointer: JSONPointer, node: YAMLNode?) {
        self.document = document
        self.pointer = pointer
        self.node = node
    }

    public var exists: Bool { node != nil }
    /// Where the value is; where its nearest existing parent is when it is absent. The node
    /// was found when the place was made, so only an absent value walks from the root.
    public var location: SourceLocation { node.map { document.location(of: $0) } ?? document.location(of: pointer) }

    public func appending(_ token: String) -> NodeRef {
        let child: YAMLNode? = switch node?.content {
        case .mapping(let entries)?: entries.index(ofKey: token).map { entries[$0].value }
        case .sequence(let items)?: Int(token).flatMap { items.indices.contains($0) ? items[$0] : nil }
        default: nil
        }
        return NodeRef(document: document, pointer: pointer.appending(token), node: child)
    }

    public func appending(_ index: Int) -> NodeRef {
        let items = node?.sequence ?? []
        return NodeRef(document: document, pointer: pointer.appending(index), node: items.indices.contains(index) ? items[index] : nil)
    }

    /// Each item of the list at this path, with its own path.
    public var items: [NodeRef] {
        (node?.sequence ?? []).enumerated().map { NodeRef(document: document, pointer: pointer.appending($0.offset), node: $0.element) }
    }
}
