internal import CYAML
import JSONSchema

/// The fast front end of `gtm validate`: libyaml's events straight into `FlatInstance`s (one
/// node array and one byte buffer per document), with no node tree, no string per value and
/// no JSON copy. It reads only what needs no judgement: at the first anchor, alias, tag, merge
/// key, complex or repeated key, number without a JSON form, limit reached or syntax error it
/// returns nil, and the caller reads the file with `YAMLLoader`, which says what is wrong and
/// where. Scalars resolve by the same `ScalarResolver`, keys by their text as written, as
/// `YAMLLoader` and `jsonValue` have them.
public enum FlatLoader {
    /// Every document of the file, or nil when `YAMLLoader` must read it.
    public static func load(_ bytes: [UInt8], limits: YAMLLimits = .default) -> [FlatInstance]? {
        if bytes.count > limits.maxFileSize { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> [FlatInstance]? in
            if buffer.isEmpty { return [] }
            if ContentCheck.problem(in: buffer) != nil { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            yaml_parser_initialize(parser)
            defer {
                yaml_parser_delete(parser)
                parser.deallocate()
            }
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var reader = Reader(limits: limits)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                let type = event.type
                let accepted = reader.consume(&event)
                yaml_event_delete(&event)
                guard accepted else { return nil }
                if type == YAML_STREAM_END_EVENT { break }
            }
            return reader.documents
        }
    }

    /// The stack machine: collections are appended when they start and get their children
    /// (kept on `pending` meanwhile) when they end, so each one's children are contiguous.
    private struct Reader {
        struct Frame {
            var node: Int32
            var isMapping: Bool
            var firstPending: Int
        }

        let limits: YAMLLimits
        var documents: [FlatInstance] = []
        var current = FlatInstance()
        var stack: [Frame] = []
        var pending: [Int32] = []
        var hasRoot = false
        var count = 0

        init(limits: YAMLLimits) { self.limits = limits }

        /// Whether the next node is a mapping's key.
        var atKey: Bool {
            guard let top = stack.last, top.isMapping else { return false }
            return (pending.count - top.firstPending) % 2 == 0
        }

        /// False when `YAMLLoader` must read the file instead.
        mutating func consume(_ event: inout yaml_event_t) -> Bool {
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                current = FlatInstance()
                current.bytes.reserveCapacity(2048)
                current.nodes.reserveCapacity(256)
                current.children.reserveCapacity(256)
                hasRoot = false
                count = 0
                return true
            case YAML_DOCUMENT_END_EVENT:
                if !hasRoot {
                    current.nodes.append(FlatInstance.Node(kind: .null))
                    current.root = Int32(truncatingIfNeeded: current.nodes.count - 1)
                }
                documents.append(current)
                return true
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                guard s.anchor == nil, s.tag == nil else { return false }
                let text = UnsafeBufferPointer(start: s.value, count: s.length)
                let index: Int32
                if atKey {
                    guard isNewKey(text) else { return false }
                    index = current.appendText(.string, text)
                } else if s.style == YAML_PLAIN_SCALAR_STYLE {
                    guard let resolved = plain(text) else { return false }
                    index = resolved
                } else {
                    index = current.appendText(.string, text)
                }
                return attach(index)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let (anchor, tag) = isMapping
                    ? (event.data.mapping_start.anchor, event.data.mapping_start.tag)
                    : (event.data.sequence_start.anchor, event.data.sequence_start.tag)
                guard anchor == nil, tag == nil, !atKey, stack.count < limits.maxDepth else { return false }
                current.nodes.append(FlatInstance.Node(kind: isMapping ? .object : .array))
                let index = Int32(truncatingIfNeeded: current.nodes.count - 1)
                stack.append(Frame(node: index, isMapping: isMapping, firstPending: pending.count))
                return true
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                current.close(Int(frame.node), members: pending[frame.firstPending...])
                pending.removeSubrange(frame.firstPending...)
                return attach(frame.node)
            default:
                return false  // an alias, or an event libyaml does not make
            }
        }

        mutating func attach(_ index: Int32) -> Bool {
            count += 1
            if count > limits.maxNodes { return false }
            if stack.isEmpty {
                current.root = index
                hasRoot = true
            } else {
                pending.append(index)
            }
            return true
        }

        /// A key that is not `<<` and not already in its mapping; mappings of more than 64 keys
        /// are left to `YAMLLoader` (the search here is linear).
        func isNewKey(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            if text.count == 2, text[0] == UInt8(ascii: "<"), text[1] == UInt8(ascii: "<") { return false }
            let first = stack[stack.count - 1].firstPending
            guard pending.count - first < 128 else { return false }
            var i = first
            while i < pending.count {
                let key = current.nodes[Int(pending[i])]
                if Int(key.length) == text.count {
                    let start = Int(key.start)
                    var same = true
                    for j in 0 ..< text.count where current.bytes[start + j] != text[j] { same = false; break }
                    if same { return false }
                }
                i += 2
            }
            return true
        }

        /// `null`, `true` or `false` in any of the spellings the core schema accepts.
        static func isCoreWord(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard text.count == 4 || text.count == 5 else { return false }
            for word in ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"] where word.utf8.count == text.count {
                if word.utf8.elementsEqual(text) { return true }
            }
            return false
        }

        /// A plain scalar by the core schema; nil for `.inf` and `.nan` (no JSON form).
        mutating func plain(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
            if let first = text.first, !ScalarResolver.startsNonString(first) {
                return current.appendText(.string, text)
            }
            // A word that starts like `null`, `true` or `false` but is none of them: most are
            // (`trigger`, `fintech`), and they need no string to say so.
            if let first = text.first, first >= UInt8(ascii: "A"), first != UInt8(ascii: "~"), !Self.isCoreWord(text) {
                return current.appendText(.string, text)
            }
            switch ScalarResolver.resolvePlain(String(decoding: text, as: UTF8.self)) {
            case .null:
                current.nodes.append(FlatInstance.Node(kind: .null))
            case .bool(let b):
                current.nodes.append(FlatInstance.Node(kind: .bool, flag: b))
            case .integer(var t):
                return t.withUTF8 { current.appendText(.integer, $0) }
            case .float(var t):
                return t.withUTF8 { current.appendText(FlatInstance.isWholeNumber($0) ? .integer : .number, $0) }
            case .nonFinite:
                return nil
            case .string:
                return current.appendText(.string, text)
            }
            return Int32(truncatingIfNeeded: current.nodes.count - 1)
        }
    }
}
