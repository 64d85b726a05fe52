extension NodeTree {
    /// Whether a node of this tree and a node of `other` hold the same value, positions, styles
    /// and the way a number is written aside, told from records and text alone: strings and
    /// integers by their text (an integer held in place is in its canonical form), nulls and
    /// booleans by their kind, lists item by item, mappings entry by entry when both have the
    /// same plain string keys in the same order (as two versions of a file mostly do). Nil when
    /// some part needs reading: a float, an integer beside a float, a value kept aside, keys in
    /// another order or not plain strings. A difference found elsewhere still answers false.
    ///
    /// History compares each version of a document with the one before; building a node value
    /// for every place it passed cost more than the comparison itself.
    func sameValue(_ a: NodeRecord, _ other: NodeTree, _ b: NodeRecord) -> Bool? {
        switch (a.kind, b.kind) {
        case (.scalar, .scalar):
            let x = a.value, y = b.value
            if x == y && (x == .string || x == .integer) { return sameText(a, other, b) }
            let xNumber = x == .integer || x == .float, yNumber = y == .integer || y == .float
            if xNumber && yNumber { return nil }
            return x == y
        case (.sequence, .sequence):
            guard a.count == b.count else { return false }
            return sameChildren(a, other, b, step: 1, from: 0)
        case (.mapping, .mapping):
            guard a.count == b.count else { return false }
            guard sameKeys(from: a.payload, other, from: b.payload, count: a.count) else { return nil }
            return sameChildren(a, other, b, step: 2, from: 1)
        case (.extra, _), (_, .extra):
            return nil
        default:
            return false
        }
    }

    /// Whether the `count` entries of two mappings (starting at these places) have the same plain
    /// string keys (held in place, untagged) in the same order, told without making a `String` of
    /// any: how two versions of a mapping are lined up, entry by entry.
    func sameKeys(from a: UInt32, _ other: NodeTree, from b: UInt32, count: Int) -> Bool {
        (0..<count).allSatisfy { i in
            let x = records[Int(a) + 2 * i], y = other.records[Int(b) + 2 * i]
            return x.kind == .scalar && y.kind == .scalar && x.value == .string && y.value == .string && sameText(x, other, y)
        }
    }

    /// The children at `from`, `from + step`… of two collections of the same count, compared.
    private func sameChildren(_ a: NodeRecord, _ other: NodeTree, _ b: NodeRecord, step: Int, from: Int) -> Bool? {
        var undecided = false
        for i in 0..<a.count {
            let place = step * i + from
            switch sameValue(records[Int(a.payload) + place], other, other.records[Int(b.payload) + place]) {
            case false?: return false
            case nil: undecided = true
            case true?: break
            }
        }
        return undecided ? nil : true
    }
}


extension YAMLNode {
    /// An integer held in place (in its canonical decimal form: see `withJSONIntegerText`),
    /// read from its text without making a `String` of it; nil for any other node, whose
    /// `scalar` then says. Rules and ICP profiles read numbers from every version of a document
    /// a history holds.
    public var integerInPlace: Int? {
        withJSONIntegerText { bytes in
            let negative = bytes[0] == UInt8(ascii: "-")
            var value = 0
            for byte in bytes[(negative ? 1 : 0)...] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            return negative ? -value : value
        }
    }

    /// `body` over the text of an integer held in place that JSON writes the same way (digits,
    /// no leading zero but in 0 itself, a minus before a first digit that is not 0, at most 18
    /// characters); nil for any other node. Validation takes a document's numbers as written,
    /// without reading each one's value to write it again.
    public func withJSONIntegerText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let own = record
        guard own.kind == .scalar, own.value == .integer, (1...18).contains(own.count) else { return nil }
        return tree.withText(of: own) { bytes -> R? in
            let negative = bytes[0] == UInt8(ascii: "-")
            let digits = bytes[(negative ? 1 : 0)...]
            guard let first = digits.first, first != UInt8(ascii: "0") || (digits.count == 1 && !negative),
                  digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return body(bytes)
        }
    }
}
