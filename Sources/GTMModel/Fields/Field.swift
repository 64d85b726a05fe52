import GTMCore
import YAMLSource

/// A field of a document kind as its schema defines it: the one vocabulary rules read the
/// model through. `*` stands for any item of a list. Every field is declared once, in the
/// `Field` extensions beside this file, and a test walks each through the schemas, so renaming
/// a schema property fails a test instead of silently switching a rule off.
public struct Field: Sendable, Hashable, CustomStringConvertible {
    public let kind: DocumentKind
    public let tokens: [String]

    init(_ kind: DocumentKind, _ tokens: String...) {
        self.kind = kind
        self.tokens = tokens
    }

    /// `Strategy/motion/primary`, `SalesPlan/targets/*/segment`.
    public var description: String { kind.rawValue + "/" + tokens.joined(separator: "/") }

    /// The property name as the document spells it (`industries`), for messages.
    public var key: String { tokens.last ?? "" }

    /// Whether a pointer into a document of this kind is at this field or inside it (`*`
    /// matches any list index).
    public func contains(_ pointer: JSONPointer) -> Bool {
        pointer.tokens.count >= tokens.count && zip(tokens, pointer.tokens).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// The pointer of the field, for a field with no `*`.
    var pointer: JSONPointer {
        assert(!tokens.contains("*"), "\(self) names list items; read it from an item")
        return JSONPointer(tokens: tokens)
    }
}

extension GTMDocument {
    /// The place of a field in this document (present or not: a missing value is reported
    /// where its nearest existing parent starts, with the field's own pointer).
    public subscript(_ field: Field) -> NodeRef {
        assert(field.kind == kind, "\(field) read from a \(kind.rawValue)")
        return NodeRef(self, field.pointer)
    }

    /// Every place a field with `*` matches in this document, one per list item.
    public func all(_ field: Field) -> [NodeRef] {
        assert(field.kind == kind, "\(field) read from a \(kind.rawValue)")
        // What is read is everything under the field's part before its first `*`.
        reads?.read(JSONPointer(tokens: Array(field.tokens.prefix { $0 != "*" })), of: self)
        var refs = [NodeRef(document: self, pointer: .root, node: tree)]
        for token in field.tokens {
            refs = token == "*" ? refs.flatMap(\.items) : refs.map { $0.appending(token) }.filter(\.exists)
        }
        return refs
    }
}

extension NodeRef {
    /// A field read from inside the item this place is (`targets/3` and
    /// `SalesPlan/targets/*/segment` give `targets/3/segment`): the field's pattern must match
    /// this place, `*` for each list index.
    public subscript(_ field: Field) -> NodeRef {
        assert(field.kind == document.kind, "\(field) read from a \(document.kind.rawValue)")
        let mine = pointer.tokens
        assert(field.tokens.count > mine.count && zip(field.tokens, mine).allSatisfy { $0 == "*" || $0 == $1 },
                     "\(field) is not inside \(pointer)")
        var ref = self
        for token in field.tokens.dropFirst(mine.count) {
            assert(token != "*", "\(field) reads items below \(pointer); use all(_:)")
            ref = ref.appending(token)
        }
        return ref
    }

    /// The items of a list field read from inside this place.
    public func all(_ field: Field) -> [NodeRef] {
        let list = self[field]
        return list.items
    }

    /// The string value, when there is one.
    public var string: String? { node?.string }
    /// The scalar as written (a number or a date too), when there is one.
    public var text: String? { node?.text }
    /// The boolean value, when there is one.
    public var bool: Bool? { node?.bool }
    /// Whether the place holds a mapping (a list item written as an object).
    public var isMapping: Bool { node?.mapping != nil }
    /// The number value, when there is one.
    public var number: Double? { node?.number }
    /// One string or a list of strings, as a list.
    public var strings: [String] { node?.strings ?? [] }
    /// Whether the place holds something (see `YAMLNode.isPresent`).
    public var isPresent: Bool { node?.isPresent ?? false }
}

extension SemanticChange {
    /// A field read from inside the value this change removed, when the change removed the
    /// item the field lies in (`exclusions/2` and `Strategy/exclusions/*/id` give the removed
    /// exclusion's id); nil when the change is elsewhere or the value has no such field.
    public func old(_ field: Field) -> YAMLNode? {
        guard field.kind == documentKind, let old else { return nil }
        let mine = pointer.tokens
        guard field.tokens.count > mine.count, zip(field.tokens, mine).allSatisfy({ $0 == "*" || $0 == $1 }) else { return nil }
        let rest = Array(field.tokens.dropFirst(mine.count))
        guard !rest.contains("*") else { return nil }
        return old.node(at: JSONPointer(tokens: rest))
    }
}
