import GTMCore
import YAMLSource

extension YAMLNode {
    /// The node at a JSON Pointer, for turning a schema error's instance location back into a
    /// line and column.
    public func node(at pointer: JSONPointer) -> YAMLNode? {
        node(at: pointer.tokens)
    }

    /// The best position for a pointer: the node itself, or the deepest ancestor that exists
    /// (a missing property is reported where its parent object starts).
    public func mark(at pointer: JSONPointer) -> YAMLMark {
        var p = pointer
        while true {
            if let node = node(at: p) { return node.mark }
            guard let parent = p.parent else { return mark }
            p = parent
        }
    }

    /// The position of a mapping key, for findings about the key itself (unknown property).
    public func keyMark(at pointer: JSONPointer) -> YAMLMark? {
        guard let parent = pointer.parent, let last = pointer.tokens.last,
              let entry = node(at: parent)?.entry(last) else { return nil }
        return entry.key.mark
    }
}

/// Finds nodes by JSON Pointer many times over one document in linear time overall: a
/// mapping with many keys is indexed once, the first time a pointer passes through it. A
/// document with 40,000 misspelt keys gets its 40,000 findings placed without searching the
/// mapping 40,000 times.
public final class NodeFinder {
    let root: YAMLNode
    private var indexes: [JSONPointer: [String: Int]] = [:]
    /// Mappings smaller than this are searched; larger ones are indexed.
    static let indexFrom = 32

    public init(_ root: YAMLNode) { self.root = root }

    /// The entry under `key` in the mapping at `parent`, with its place among the entries.
    public func entry(in parent: JSONPointer, key: String) -> (entries: YAMLEntries, index: Int)? {
        guard case .mapping(let entries)? = node(at: parent)?.content else { return nil }
        guard let i = position(of: key, in: entries, at: parent) else { return nil }
        return (entries, i)
    }

    public func node(at pointer: JSONPointer) -> YAMLNode? {
        var current = root
        var prefix = JSONPointer.root
        for token in pointer.tokens {
            switch current.content {
            case .mapping(let entries):
                guard let i = position(of: token, in: entries, at: prefix) else { return nil }
                current = entries[i].value
            case .sequence(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            case .scalar:
                return nil
            }
            prefix = prefix.appending(token)
        }
        return current
    }

    /// The position of a pointer, or of its deepest existing ancestor.
    public func mark(at pointer: JSONPointer) -> YAMLMark {
        var p = pointer
        while true {
            if let node = node(at: p) { return node.mark }
            guard let parent = p.parent else { return root.mark }
            p = parent
        }
    }

    /// The position of the key a pointer ends with.
    public func keyMark(at pointer: JSONPointer) -> YAMLMark? {
        guard let parent = pointer.parent, let last = pointer.tokens.last, let (entries, i) = entry(in: parent, key: last) else { return nil }
        return entries[i].key.mark
    }

    private func position(of key: String, in entries: YAMLEntries, at pointer: JSONPointer) -> Int? {
        guard entries.count >= Self.indexFrom else { return entries.index(ofKey: key) }
        if let index = indexes[pointer] { return index[key] }
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            if let k = entry.keyText, index[k] == nil { index[k] = i }
        }
        indexes[pointer] = index
        return index[key]
    }
}
