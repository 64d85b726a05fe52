import GTMCore
import YAMLSource

extension YAMLNode {
    /// The node at a JSON Pointer, for turning a schema error's instance location back into a
    /// line and column.
    public func node(at pointer: JSONPointer) -> YAMLNode? {
        var current = self
        for token in pointer.tokens {
            switch current.content {
            case .mapping(let entries):
                guard let entry = entries.first(where: { $0.keyText == token }) else { return nil }
                current = entry.value
            case .sequence(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            case .scalar:
                return nil
            }
        }
        return current
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
