/// The nodes of one document, stored flat: a record of 16 bytes per node, the text of every
/// scalar in one buffer, and aside the few things a record cannot say.
///
/// A workspace of 20,000 files keeps every node until its rules have run. As a tree of Swift
/// values, a node took 32 bytes, each mapping and list an array of its own (some 40 bytes on top
/// of its elements) and each scalar longer than 15 bytes a string of its own (about 50 bytes on
/// top of its text): 7.3 KB for a file of 4 KB. Here a document is four allocations whatever its
/// size. The children of a collection lie next to each other (a mapping's as key, value, key,
/// value…), so a list or a mapping is a range of records, and a node is the tree and a place.
///
/// A tree is written while one thread builds it (`TreeBuilder`, a copy of nodes made elsewhere,
/// or a copy patched by `YAMLNode.replacing`) and only read once a node of it is handed out.
/// While it is built, records, text and extras are only appended to, so nodes finished earlier
/// stay valid while the rest is built.
///
/// The buffers are read far more often than written (every key looked up, every value a rule
/// reads), so their reads are not checked for exclusive access at run time: that check cost
/// more than the read itself. Only the thread building a tree writes it, and only before any
/// other thread can see it.
final class NodeTree: @unchecked Sendable {
    /// Records and text in buffers of their own (`FlatBuffer`), freed with the tree: read
    /// through the tree, an array was counted at every read. Extras hold strings and stay an
    /// array; few nodes have one.
    @exclusivity(unchecked) private(set) var records = FlatBuffer<NodeRecord>()
    @exclusivity(unchecked) private(set) var text = FlatBuffer<UInt8>()
    @exclusivity(unchecked) private(set) var extras: [NodeExtra] = []

    init() {}

    deinit {
        records.deallocate()
        text.deallocate()
    }

    /// Room for a document of about `bytes` bytes: appending grows each buffer by half again,
    /// and `freeze` trims what is left.
    init(expectedBytes bytes: Int) {
        text.reserveCapacity(bytes / 2)
        records.reserveCapacity(bytes / 24)
    }

    /// Gives back the room appending left spare (up to half of each buffer).
    func freeze() {
        records.shrinkToFit()
        text.shrinkToFit()
        if !extras.isEmpty { extras = Self.fitted(extras) }
    }

    static func fitted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count else { return array }
        return array.withUnsafeBufferPointer { Array($0) }
    }

    // MARK: Building

    /// Places a node's record in the tree; the node is then `YAMLNode(tree:index:)`.
    func append(_ record: NodeRecord) -> UInt32 {
        records.append(record)
        return UInt32(records.count - 1)
    }

    /// Places the records of a collection's children next to each other; returns where they start.
    func appendChildren(_ children: [NodeRecord]) -> UInt32 {
        let start = UInt32(records.count)
        records.append(contentsOf: children)
        return start
    }

    /// The record of a scalar: its text in the buffer when its value follows from the text,
    /// else the whole scalar aside.
    func scalarRecord(_ scalar: YAMLScalar, tag: String?, at mark: YAMLMark) -> NodeRecord {
        if tag == nil, let kind = ValueKind(scalar.value, text: scalar.text), scalar.text.utf8.count < NodeRecord.countLimit {
            var text = scalar.text
            return text.withUTF8 { scalarRecord(bytes: $0, style: scalar.style, value: kind, at: mark) }
        }
        return extraRecord(NodeExtra(tag: tag, scalar: scalar, collection: nil), at: mark)
    }

    /// The record of a plain-stored scalar (its value follows from its text), from its bytes.
    func scalarRecord(bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, value: ValueKind, at mark: YAMLMark) -> NodeRecord {
        let offset = UInt32(text.count)
        text.append(contentsOf: bytes)
        return NodeRecord(.scalar, payload: offset, count: bytes.count, style: style, value: value, at: mark)
    }

    /// The record of a collection whose children start at `start`; a tagged one is kept aside.
    func collectionRecord(mapping: Bool, start: UInt32, count: Int, tag: String?, at mark: YAMLMark) -> NodeRecord {
        let record = NodeRecord(mapping ? .mapping : .sequence, payload: start, count: count, at: mark)
        guard let tag else { return record }
        return extraRecord(NodeExtra(tag: tag, scalar: nil, collection: record), at: mark)
    }

    private func extraRecord(_ extra: NodeExtra, at mark: YAMLMark) -> NodeRecord {
        extras.append(extra)
        return NodeRecord(.extra, payload: UInt32(extras.count - 1), count: 0, at: mark)
    }

    /// The record of a node of any tree, copied into this one with everything under it.
    func copy(_ node: YAMLNode) -> NodeRecord {
        copy(node.record, from: node.tree)
    }

    /// A record of `source` copied into this tree with everything under it, record by record:
    /// texts are copied as bytes, and children placed next to each other again.
    func copy(_ record: NodeRecord, from source: NodeTree) -> NodeRecord {
        var copy = record
        switch record.kind {
        case .scalar:
            copy.payload = UInt32(text.count)
            source.withText(of: record) { text.append(contentsOf: $0) }
        case .sequence, .mapping:
            copy.payload = copyChildren(of: record, from: source)
        case .extra:
            var extra = source.extras[Int(record.payload)]
            if let collection = extra.collection {
                extra.collection?.payload = copyChildren(of: collection, from: source)
            }
            extras.append(extra)
            copy.payload = UInt32(extras.count - 1)
        }
        return copy
    }

    private func copyChildren(of collection: NodeRecord, from source: NodeTree) -> UInt32 {
        let first = Int(collection.payload)
        let count = collection.kind == .mapping ? collection.count * 2 : collection.count
        return appendChildren((first..<first + count).map { copy(source.records[$0], from: source) })
    }

    /// Copies nodes of any trees into this one, next to each other: a list's items.
    func appendCopies(of nodes: some Sequence<YAMLNode>) -> (start: UInt32, count: Int) {
        let children = nodes.map { copy($0) }
        return (appendChildren(children), children.count)
    }

    /// Copies entries of any trees into this one, next to each other: a mapping's entries
    /// (the count is of entries).
    func appendCopies(of entries: some Sequence<YAMLMappingEntry>) -> (start: UInt32, count: Int) {
        var children: [NodeRecord] = []
        for entry in entries {
            children.append(copy(entry.key))
            children.append(copy(entry.value))
        }
        return (appendChildren(children), children.count / 2)
    }

    /// Appends the records of a piece (`YAMLPieces`: a tree whose document is a mapping of
    /// one entry, its last three records that entry's key and value, then the mapping), all
    /// but those three, `lines` lines further down, with its texts and extras after this
    /// tree's; returns the entry's key and value as records of this tree. Offsets are moved
    /// rather than nodes copied one by one: a piece is laid out as a tree is.
    func appendPiece(_ piece: NodeTree, lines: UInt32) -> (key: NodeRecord, value: NodeRecord) {
        let recordBase = UInt32(records.count), textBase = UInt32(text.count), extraBase = UInt32(extras.count)
        func moved(_ record: NodeRecord) -> NodeRecord {
            var record = record
            record.line += lines
            switch record.kind {
            case .scalar: record.payload += textBase
            case .sequence, .mapping: record.payload += recordBase
            case .extra: record.payload += extraBase
            }
            return record
        }
        let body = piece.records.count - 3
        piece.records.withUnsafeBufferPointer { theirs in
            for i in 0..<body { records.append(moved(theirs[i])) }
        }
        text.append(contentsOf: piece.text)
        for var extra in piece.extras {
            extra.collection = extra.collection.map(moved)
            extras.append(extra)
        }
        return (moved(piece.records[body]), moved(piece.records[body + 1]))
    }

    /// Room for `records` more records and `bytes` more bytes of text.
    func reserve(records more: Int, bytes: Int) {
        records.reserveCapacity(records.count + more)
        text.reserveCapacity(text.count + bytes)
    }

    /// The record of a node made of this content, everything under it copied into this tree.
    func record(_ content: YAMLNode.Content, tag: String?, at mark: YAMLMark) -> NodeRecord {
        switch content {
        case .scalar(let scalar):
            return scalarRecord(scalar, tag: tag, at: mark)
        case .sequence(let items):
            let (start, count) = appendCopies(of: items)
            return collectionRecord(mapping: false, start: start, count: count, tag: tag, at: mark)
        case .mapping(let entries):
            let (start, count) = appendCopies(of: entries)
            return collectionRecord(mapping: true, start: start, count: count, tag: tag, at: mark)
        }
    }

    /// A copy of `source` to patch (`overwrite`).
    init(copying source: NodeTree) {
        records = source.records.copied()
        text = source.text.copied()
        extras = source.extras
    }

    /// Puts another record at a place: every parent that lists the place now holds it.
    func overwrite(_ index: UInt32, with record: NodeRecord) {
        records[Int(index)] = record
    }

    // MARK: Reading

    /// The record that holds a node's content: its own, or a tagged collection's kept aside.
    @inline(__always)
    func body(_ record: NodeRecord) -> NodeRecord {
        guard record.kind == .extra, let collection = extras[Int(record.payload)].collection else { return record }
        return collection
    }

    /// Calls `body` with the text of a scalar record in place.
    @inline(__always)
    func withText<R>(of record: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(record.payload), end = start + record.count
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The text of a scalar record, as written.
    func string(_ record: NodeRecord) -> String {
        let start = Int(record.payload), end = start + record.count
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    func scalar(_ record: NodeRecord) -> YAMLScalar {
        let text = string(record)
        return YAMLScalar(text: text, style: record.style, value: record.value.value(text))
    }

    /// Whether a scalar record's text is exactly `key`, compared in place.
    @inline(__always)
    func text(of record: NodeRecord, is key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard record.kind == .scalar else {
            guard record.kind == .extra, let text = extras[Int(record.payload)].scalar?.text else { return false }
            return text.utf8.elementsEqual(key)
        }
        guard record.count == key.count else { return false }
        if key.isEmpty { return true }
        return text.withUnsafeBufferPointer { bytes in
            memcmpEqual(bytes.baseAddress! + Int(record.payload), key.baseAddress!, key.count)
        }
    }

    /// Whether a record's text is `literal` (as `text(of:is:)` compares).
    func text(of record: NodeRecord, is literal: StaticString) -> Bool {
        text(of: record, is: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Where the plain scalar `key` (of this tree) is first written among a mapping's entries
    /// (key, value, key, value…), compared byte for byte: no `String` is made for a key that
    /// is not a duplicate, which most are not.
    func firstKey(_ key: NodeRecord, among entries: [NodeRecord]) -> YAMLMark? {
        precondition(key.kind == .scalar)
        return text.withUnsafeBufferPointer { all in
            firstKey(UnsafeBufferPointer(rebasing: all[Int(key.payload)..<Int(key.payload) + key.count]), among: entries)
        }
    }

    /// Where a key written as `wanted` first appears among a mapping's entries.
    func firstKey(_ wanted: UnsafeBufferPointer<UInt8>, among entries: [NodeRecord]) -> YAMLMark? {
        for i in stride(from: 0, to: entries.count, by: 2) where text(of: entries[i], is: wanted) {
            return entries[i].mark
        }
        return nil
    }

    /// The text of a key record (a scalar's, as written); nil for a collection used as a key.
    func keyText(_ record: NodeRecord) -> String? {
        switch record.kind {
        case .scalar: string(record)
        case .extra: extras[Int(record.payload)].scalar?.text
        case .sequence, .mapping: nil
        }
    }

    /// Whether two plain scalar records (of this tree and `other`) hold the same text.
    func sameText(_ a: NodeRecord, _ other: NodeTree, _ b: NodeRecord) -> Bool {
        guard a.count == b.count else { return false }
        return other.text.withUnsafeBufferPointer { theirs in
            text(of: a, is: UnsafeBufferPointer(rebasing: theirs[Int(b.payload)..<Int(b.payload) + b.count]))
        }
    }
}

/// Byte equality without going through a collection's iterator.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// One node in 16 bytes: where it starts, and its text, its children or what is kept aside.
struct NodeRecord: Sendable {
    var line: UInt32
    var column: UInt32
    /// A scalar's first byte in the text; a collection's first child; an extra's place.
    var payload: UInt32
    /// The length of a scalar's text or the number of a collection's children (entries for a
    /// mapping) in the low 24 bits; the kind, the style and the kind of value in the high 8.
    private var info: UInt32

    /// Lengths and counts stay below this. The ceiling of `limits.max-nodes` (ten million)
    /// keeps every collection below it; a longer scalar is kept aside whole.
    static let countLimit = 1 << 24

    enum Kind: UInt32 {
        case scalar, sequence, mapping
        /// Tagged, or a scalar whose value does not follow from its text: see `NodeExtra`.
        case extra
    }

    init(_ kind: Kind, payload: UInt32, count: Int, style: YAMLScalar.Style = .plain, value: ValueKind = .string, at mark: YAMLMark) {
        precondition(count < Self.countLimit, "a collection larger than limits.max-nodes allows")
        line = UInt32(truncatingIfNeeded: max(mark.line, 0))
        column = UInt32(truncatingIfNeeded: max(mark.column, 0))
        self.payload = payload
        info = UInt32(count) | kind.rawValue << 24 | UInt32(style.rawValue) << 26 | UInt32(value.rawValue) << 29
    }

    var kind: Kind { Kind(rawValue: info >> 24 & 3)! }
    var count: Int { Int(info & 0xFF_FFFF) }
    var style: YAMLScalar.Style { YAMLScalar.Style(rawValue: UInt8(info >> 26 & 7)) ?? .plain }
    var value: ValueKind { ValueKind(rawValue: UInt8(info >> 29)) ?? .string }
    /// Kind, style and kind of value together: two plain scalars are equal when these and
    /// their texts are.
    var form: UInt32 { info >> 24 }

    var mark: YAMLMark { YAMLMark(line: Int(line), column: Int(column)) }

    /// The same node at another position (an alias stands where it is written).
    func moved(to mark: YAMLMark) -> NodeRecord {
        var copy = self
        copy.line = UInt32(truncatingIfNeeded: max(mark.line, 0))
        copy.column = UInt32(truncatingIfNeeded: max(mark.column, 0))
        return copy
    }
}

/// How a scalar's value follows from its text.
enum ValueKind: UInt8 {
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

/// What a record cannot hold: a tag, a scalar whose value does not follow from its text (`0x1F`
/// is the integer 31) or whose text is longer than a record counts. Few nodes need one.
struct NodeExtra: Sendable {
    var tag: String?
    var scalar: YAMLScalar?
    /// A tagged collection's own record.
    var collection: NodeRecord?
}
