/// What reading one file gave: the documents that were read completely, and every problem met.
public struct YAMLFile: Sendable {
    public var path: String
    public var documents: [YAMLDocument]
    public var problems: [YAMLProblem]

    public init(path: String, documents: [YAMLDocument], problems: [YAMLProblem]) {
        self.path = path
        self.documents = documents
        self.problems = problems
    }
}

/// Turns bytes into documents of positioned nodes through libyaml's event parser. Aliases are
/// shared, not copied (Swift arrays are copy-on-write), and their expanded size is counted up
/// front, so an alias bomb is refused in microseconds without ever being expanded.
public enum YAMLLoader {
    /// `pieces`, when given, reads the file entry by entry, each entry read before taken from
    /// it (see `YAMLPieces`): the history commands read thousands of versions of one file.
    public static func load(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default, pieces: YAMLPieces? = nil) -> YAMLFile {
        if bytes.count > limits.maxFileSize {
            let problem = YAMLProblem(
                .tooLarge,
                "the file is \(bytes.count) bytes, over the limit of \(limits.maxFileSize) bytes (setting limits.max-file-size)",
                at: YAMLMark(line: 1, column: 1)
            )
            return YAMLFile(path: path, documents: [], problems: [problem])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            if let problem = ContentCheck.problem(in: buffer) {
                return YAMLFile(path: path, documents: [], problems: [problem])
            }
            // An empty file is a stream with no documents (and libyaml wants a real pointer).
            if buffer.isEmpty { return YAMLFile(path: path, documents: [], problems: []) }
            if let pieces, let file = pieces.load(buffer, path: path, limits: limits) { return file }
            let builder = TreeBuilder.reading(buffer, path: path, limits: limits)
            return YAMLFile(path: path, documents: builder.documents, problems: builder.problems)
        }
    }
}

/// The stack machine that turns events into nodes. Each document's nodes go into a `NodeTree`
/// of their own: a finished node is a record, kept by its parent's frame until the parent ends
/// and its children are placed next to each other.
struct TreeBuilder {
    private struct Frame {
        var mark: YAMLMark
        var tag: String?
        var anchor: String?
        var isMapping: Bool
        /// The items, or the entries as key, value, key, value…
        var children: [NodeRecord] = []
        var pendingKey: NodeRecord?
        /// Keys by text, built only for large mappings; small ones are searched directly.
        var keysSeen: [String: YAMLMark] = [:]
        /// Nodes under this one once aliases are expanded, itself included.
        var weight = 1
        /// The `<<` of this mapping: where it was written (its key's position, and how many
        /// entries came before it) and the mappings it names, merged when the mapping ends.
        var merge: (key: YAMLMark, at: Int, sources: [YAMLNode])?
    }

    let path: String
    let limits: YAMLLimits
    var documents: [YAMLDocument] = []
    var problems: [YAMLProblem] = []
    private var stack: [Frame] = []
    private var anchors: [String: (record: NodeRecord, weight: Int)] = [:]
    private var documentMark = YAMLMark(line: 1, column: 1)
    private var documentRoot: NodeRecord?
    private(set) var documentWeight = 0
    /// Whether the document used an alias: the size bound is then an alias bomb; without one,
    /// the document is simply too large.
    private var sawAlias = false
    /// The tree of the document being read.
    private var tree: NodeTree
    /// Children lists of frames that ended, emptied and kept for the next frames: a document
    /// opens a list per collection, and its records are copied into the tree when it ends.
    private var spareLists: [[NodeRecord]] = []

    /// `expectedBytes`, the size of the file, reserves room in the first document's tree.
    init(path: String, limits: YAMLLimits, expectedBytes: Int = 0) {
        self.path = path
        self.limits = limits
        tree = NodeTree(expectedBytes: expectedBytes)
    }

    mutating func consume(_ event: YAMLEvent, at mark: YAMLMark) throws(YAMLProblem) {
        switch event {
        case .documentStart:
            anchors = [:]
            documentRoot = nil
            documentWeight = 0
            sawAlias = false
            documentMark = mark
        case .documentEnd:
            let root = documentRoot ?? tree.scalarRecord(YAMLScalar(text: "", style: .plain, value: .null), tag: nil, at: documentMark)
            let index = tree.append(root)
            tree.freeze()
            documents.append(YAMLDocument(path: path, index: documents.count, root: YAMLNode(tree: tree, index: index), mark: documentMark))
            // Room is reserved for the first document only: a stream of many small ones grows
            // each tree as it goes.
            tree = NodeTree()
        case .alias(let name):
            guard let target = anchors[name] else {
                throw YAMLProblem(.undefinedAlias, "alias *\(name) refers to an anchor &\(name) that is not defined before it", at: mark)
            }
            sawAlias = true
            try attach(target.record.moved(to: mark), weight: target.weight)
        case .scalar(let text, let anchor, let tag, let style):
            let node = scalarNode(bytes: text, tag: tag, style: style, mark: mark)
            if let anchor { anchors[anchor] = (node, 1) }
            try attach(node, weight: 1)
        case .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
            let isMapping = if case .mappingStart = event { true } else { false }
            if stack.count >= limits.maxDepth {
                throw YAMLProblem(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels (setting limits.max-depth)", at: mark)
            }
            checkCollectionTag(tag, isMapping: isMapping, at: mark)
            stack.append(Frame(mark: mark, tag: tag, anchor: anchor, isMapping: isMapping, children: spareLists.popLast() ?? Self.newList()))
        case .sequenceEnd, .mappingEnd:
            var frame = stack.removeLast()
            let start: UInt32, count: Int
            if let merge = frame.merge {
                let children = merged(merge.sources, at: merge.at, into: frame.children)
                (start, count) = (tree.appendChildren(children), children.count)
            } else {
                (start, count) = (tree.appendChildren(frame.children), frame.children.count)
            }
            let node = tree.collectionRecord(mapping: frame.isMapping, start: start, count: frame.isMapping ? count / 2 : count,
                                             tag: frame.tag, at: frame.mark)
            frame.children.removeAll(keepingCapacity: true)
            spareLists.append(frame.children)
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.weight) }
            try attach(node, weight: frame.weight, counted: 1)
        case .streamEnd:
            break
        }
    }

    /// The builder once it has taken every event libyaml gives for `bytes`; a problem that
    /// ends the reading is the last of its problems.
    static func reading(_ bytes: UnsafeBufferPointer<UInt8>, path: String, limits: YAMLLimits) -> TreeBuilder {
        var builder = TreeBuilder(path: path, limits: limits, expectedBytes: bytes.count)
        let parser = LibYAMLParser(bytes: bytes)
        do throws(YAMLProblem) {
            while true {
                let (event, mark) = try parser.next()
                if case .streamEnd = event { break }
                try builder.consume(event, at: mark)
            }
        } catch {
            builder.problems.append(error)
        }
        return builder
    }

    /// A children list with room for a mapping of eight entries: growing from empty took four
    /// reallocations for such a mapping.
    private static func newList() -> [NodeRecord] {
        var list: [NodeRecord] = []
        list.reserveCapacity(16)
        return list
    }

    /// The entries of a mapping (key and value records) with the merged mappings' entries
    /// spliced in (see `MergeKeys.apply`).
    private func merged(_ sources: [YAMLNode], at index: Int, into children: [NodeRecord]) -> [NodeRecord] {
        var taken = Set<String>()
        for i in stride(from: 0, to: children.count, by: 2) { if let text = tree.keyText(children[i]) { taken.insert(text) } }
        var spliced: [NodeRecord] = []
        for entry in MergeKeys.apply(sources, taken: &taken) {
            spliced.append(tree.records[Int(entry.key.index)])
            spliced.append(tree.records[Int(entry.value.index)])
        }
        var result = children
        result.insert(contentsOf: spliced, at: min(index * 2, children.count))
        return result
    }

    /// Adds a finished node to its parent, counting its expanded weight against the bound.
    /// `counted` is what the node adds to the document beyond what its children already added
    /// (a collection adds itself; a scalar or an alias adds all it stands for).
    private mutating func attach(_ node: NodeRecord, weight: Int, counted: Int? = nil) throws(YAMLProblem) {
        documentWeight += counted ?? weight
        if documentWeight > limits.maxNodes {
            guard sawAlias else {
                throw YAMLProblem(.tooManyNodes, "the document has more than \(limits.maxNodes) values (setting limits.max-nodes); split it, or raise the limit", at: node.mark)
            }
            throw YAMLProblem(
                .aliasBomb,
                "the document expands to more than \(limits.maxNodes) nodes through aliases (setting limits.max-nodes); refusing to expand it",
                at: node.mark
            )
        }
        guard !stack.isEmpty else {
            documentRoot = node
            return
        }
        let top = stack.count - 1
        stack[top].weight += weight
        if !stack[top].isMapping {
            stack[top].children.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        if MergeKeys.isMergeKey(key, in: tree) {
            // Its weight is already counted above, as any value's: what merges is paid for.
            if let first = stack[top].merge?.key {
                problems.append(YAMLProblem(
                    .duplicateKey, "duplicate merge key << in this mapping; the first one is applied; merge several mappings with `<<: [*a, *b]`",
                    at: key.mark, related: first, relatedMessage: "<< is first used here"))
                return
            }
            let value = YAMLNode(tree: tree, index: tree.append(node))
            let (sources, mergeProblems) = MergeKeys.sources(of: value)
            problems += mergeProblems
            stack[top].merge = (key.mark, stack[top].children.count / 2, sources)
            return
        }
        let entries = stack[top].children.count / 2
        if entries < 15, key.kind == .scalar {
            // A small mapping's plain key, compared with the keys before it as bytes.
            if let first = tree.firstKey(key, among: stack[top].children) {
                duplicateKey(tree.string(key), at: key.mark, first: first)
                return
            }
        } else if let text = tree.keyText(key) {
            var text = text
            let first: YAMLMark? = entries < 16
                ? text.withUTF8 { tree.firstKey($0, among: stack[top].children) } : stack[top].keysSeen[text]
            if let first {
                duplicateKey(text, at: key.mark, first: first)
                return
            }
            if entries == 15 {
                for i in stride(from: 0, to: stack[top].children.count, by: 2) {
                    let k = stack[top].children[i]
                    if let t = tree.keyText(k) { stack[top].keysSeen[t] = k.mark }
                }
            }
            if entries >= 15 { stack[top].keysSeen[text] = key.mark }
        } else {
            problems.append(YAMLProblem(.complexKey, "a mapping or list used as a key cannot be represented in JSON", at: key.mark))
        }
        stack[top].children.append(key)
        stack[top].children.append(node)
    }

    private mutating func duplicateKey(_ text: String, at mark: YAMLMark, first: YAMLMark) {
        problems.append(YAMLProblem(
            .duplicateKey,
            "duplicate key \"\(text)\" in this mapping; the first value is kept",
            at: mark,
            related: first,
            relatedMessage: "\"\(text)\" is first defined here"
        ))
    }

    /// A scalar's record. Most are strings by their style or first letter, and go from
    /// libyaml's buffer into the tree's as bytes; the others are read as a `String`.
    private mutating func scalarNode(bytes: UnsafeBufferPointer<UInt8>, tag: String?, style: YAMLScalar.Style, mark: YAMLMark) -> NodeRecord {
        if tag == nil, bytes.count < NodeRecord.countLimit, Self.isASCII(bytes) {
            if style != .plain { return tree.scalarRecord(bytes: bytes, style: style, value: .string, at: mark) }
            guard let first = bytes.first else { return tree.scalarRecord(bytes: bytes, style: style, value: .null, at: mark) }
            // A word (`name`, `fintech`) is a null or a boolean only with four or five letters.
            if !ScalarResolver.startsNonString(first) || ScalarResolver.startsWord(first) && bytes.count != 4 && bytes.count != 5 {
                return tree.scalarRecord(bytes: bytes, style: style, value: .string, at: mark)
            }
        }
        return scalarNode(text: String(decoding: bytes, as: UTF8.self), tag: tag, style: style, mark: mark)
    }

    /// Whether every byte is ASCII: such text is valid UTF-8 as it stands (other text goes
    /// through `String`, which repairs what is not).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress else { return true }
        let end = p + bytes.count
        while p + 8 <= end {
            if UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            p += 8
        }
        while p < end {
            if p.pointee >= 0x80 { return false }
            p += 1
        }
        return true
    }

    private mutating func scalarNode(text: String, tag: String?, style: YAMLScalar.Style, mark: YAMLMark) -> NodeRecord {
        var value: YAMLScalarValue
        switch tag {
        case nil:
            value = style == .plain ? ScalarResolver.resolvePlain(text) : .string(text)
        case "!":
            value = .string(text)
        case MergeKeys.mergeTag? where text == "<<":
            value = .string(text)  // `!!merge <<`: the merge key, spelt out
        case let tag?:
            if let resolved = ScalarResolver.resolve(text, tag: tag) {
                value = resolved
            } else if isCoreTag(tag) {
                problems.append(YAMLProblem(.badTaggedValue, "\"\(text)\" is not a valid value for the tag \(shortTag(tag))", at: mark))
                value = .string(text)
            } else {
                problems.append(YAMLProblem(.unknownTag, "unknown tag \(shortTag(tag)); gtm reads plain YAML data and does not construct tagged objects", at: mark))
                value = style == .plain ? ScalarResolver.resolvePlain(text) : .string(text)
            }
        }
        return tree.scalarRecord(YAMLScalar(text: text, style: style, value: value), tag: tag, at: mark)
    }

    private mutating func checkCollectionTag(_ tag: String?, isMapping: Bool, at mark: YAMLMark) {
        guard let tag, tag != "!" else { return }
        let expected = isMapping ? ScalarResolver.mapTag : ScalarResolver.seqTag
        if tag != expected {
            problems.append(YAMLProblem(.unknownTag, "unknown tag \(shortTag(tag)); gtm reads plain YAML data and does not construct tagged objects", at: mark))
        }
    }

    private func isCoreTag(_ tag: String) -> Bool {
        [ScalarResolver.strTag, ScalarResolver.intTag, ScalarResolver.floatTag, ScalarResolver.boolTag,
         ScalarResolver.nullTag, ScalarResolver.mapTag, ScalarResolver.seqTag].contains(tag)
    }

    private func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
