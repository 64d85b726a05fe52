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
    public static func load(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default) -> YAMLFile {
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
            var builder = TreeBuilder(path: path, limits: limits)
            let parser = LibYAMLParser(bytes: buffer)
            do throws(YAMLProblem) {
                while true {
                    let (event, mark) = try parser.next()
                    if case .streamEnd = event { break }
                    try builder.consume(event, at: mark)
                }
            } catch {
                builder.problems.append(error)
            }
            return YAMLFile(path: path, documents: builder.documents, problems: builder.problems)
        }
    }
}

/// The stack machine that turns events into nodes.
struct TreeBuilder {
    private struct Frame {
        var mark: YAMLMark
        var tag: String?
        var anchor: String?
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        var pendingKey: YAMLNode?
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
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var documentMark = YAMLMark(line: 1, column: 1)
    private var documentRoot: YAMLNode?
    private var documentWeight = 0
    /// Whether the document used an alias: the size bound is then an alias bomb; without one,
    /// the document is simply too large.
    private var sawAlias = false

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
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
            let root = documentRoot ?? YAMLNode(.scalar(YAMLScalar(text: "", style: .plain, value: .null)), mark: documentMark)
            documents.append(YAMLDocument(path: path, index: documents.count, root: root, mark: documentMark))
        case .alias(let name):
            guard let target = anchors[name] else {
                throw YAMLProblem(.undefinedAlias, "alias *\(name) refers to an anchor &\(name) that is not defined before it", at: mark)
            }
            var node = target.node
            node.mark = mark
            sawAlias = true
            try attach(node, weight: target.weight)
        case .scalar(let text, let anchor, let tag, let style):
            let node = scalarNode(text: text, tag: tag, style: style, mark: mark)
            if let anchor { anchors[anchor] = (node, 1) }
            try attach(node, weight: 1)
        case .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
            let isMapping = if case .mappingStart = event { true } else { false }
            if stack.count >= limits.maxDepth {
                throw YAMLProblem(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels (setting limits.max-depth)", at: mark)
            }
            checkCollectionTag(tag, isMapping: isMapping, at: mark)
            stack.append(Frame(mark: mark, tag: tag, anchor: anchor, isMapping: isMapping))
        case .sequenceEnd, .mappingEnd:
            let frame = stack.removeLast()
            let entries = frame.merge.map { MergeKeys.apply($0.sources, at: $0.at, to: frame.entries) } ?? frame.entries
            // Kept at their exact size: appending left up to half of each list spare, and a
            // workspace of 20,000 files keeps every one of them until the rules have run.
            let content: YAMLNode.Content = frame.isMapping ? .mapping(Self.fitted(entries)) : .sequence(Self.fitted(frame.items))
            let node = YAMLNode(content, mark: frame.mark, tag: frame.tag)
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.weight) }
            try attach(node, weight: frame.weight, counted: 1)
        case .streamEnd:
            break
        }
    }

    /// The same elements in storage of exactly their count.
    static func fitted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count else { return array }
        return array.withUnsafeBufferPointer { Array($0) }
    }

    /// Adds a finished node to its parent, counting its expanded weight against the bound.
    /// `counted` is what the node adds to the document beyond what its children already added
    /// (a collection adds itself; a scalar or an alias adds all it stands for).
    private mutating func attach(_ node: YAMLNode, weight: Int, counted: Int? = nil) throws(YAMLProblem) {
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
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        if MergeKeys.isMergeKey(key) {
            // Its weight is already counted above, as any value's: what merges is paid for.
            if let first = stack[top].merge?.key {
                problems.append(YAMLProblem(
                    .duplicateKey, "duplicate merge key << in this mapping; the first one is applied; merge several mappings with `<<: [*a, *b]`",
                    at: key.mark, related: first, relatedMessage: "<< is first used here"))
                return
            }
            let (sources, mergeProblems) = MergeKeys.sources(of: node)
            problems += mergeProblems
            stack[top].merge = (key.mark, stack[top].entries.count, sources)
            return
        }
        if let text = key.scalar?.text {
            let first: YAMLMark? = stack[top].entries.count < 16
                ? stack[top].entries.index(ofKey: text).map { stack[top].entries[$0].key.mark }
                : stack[top].keysSeen[text]
            if let first {
                problems.append(YAMLProblem(
                    .duplicateKey,
                    "duplicate key \"\(text)\" in this mapping; the first value is kept",
                    at: key.mark,
                    related: first,
                    relatedMessage: "\"\(text)\" is first defined here"
                ))
                return
            }
            if stack[top].entries.count == 15 {
                for e in stack[top].entries { if let t = e.keyText { stack[top].keysSeen[t] = e.key.mark } }
            }
            if stack[top].entries.count >= 15 { stack[top].keysSeen[text] = key.mark }
        } else {
            problems.append(YAMLProblem(.complexKey, "a mapping or list used as a key cannot be represented in JSON", at: key.mark))
        }
        stack[top].entries.append(YAMLMappingEntry(key: key, value: node))
    }

    private mutating func scalarNode(text: String, tag: String?, style: YAMLScalar.Style, mark: YAMLMark) -> YAMLNode {
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
        return YAMLNode(.scalar(YAMLScalar(text: text, style: style, value: value)), mark: mark, tag: tag)
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
