import GTMSystem

/// git's commit-graph (`objects/info/commit-graph`, or the split chain in
/// `objects/info/commit-graphs/`), read directly because libgit2 does not use it for what
/// history needs: a commit's parents, root tree and time without inflating the commit, and its
/// changed-path Bloom filter, which says "this folder did not change against the first parent"
/// without opening a single tree. Format: https://git-scm.com/docs/gitformat-commit-graph
///
/// The files are untrusted input: every chunk offset and size is checked when the file is
/// opened, every position and parent index when it is read, and anything unexpected (a foreign
/// hash, an unknown version, a truncated chunk, a broken chain) makes `open` return nil so that
/// the caller reads commits through libgit2 instead. Never a crash, never a read out of bounds.
public struct CommitGraph: Sendable {
    /// Layers of a split chain, base first; a single file is one layer.
    let layers: [CommitGraphLayer]
    /// Commits in all layers.
    public let count: Int

    /// A commit as the graph stores it. Parents are graph positions.
    public struct Commit: Sendable, Hashable {
        public var tree: ObjectID
        public var parents: [Int]
        public var time: Int
    }

    /// Opens the graph of the repository whose object folder is `objects`; nil when there is
    /// none or it cannot be trusted.
    public static func open(objects: String) -> CommitGraph? {
        let info = objects + "/info"
        let chain = info + "/commit-graphs/commit-graph-chain"
        if case .bytes(let text)? = try? FileSystem.read(chain, limit: 1 << 20) {
            let names = text.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
            guard !names.isEmpty else { return nil }
            var layers: [CommitGraphLayer] = []
            var total = 0
            for (i, name) in names.enumerated() {
                guard name.utf8.count == 40, name.utf8.allSatisfy(\.isHexDigit),
                      let file = MappedFile.shared(info + "/commit-graphs/graph-\(name).graph"),
                      let layer = CommitGraphLayer(file: file, first: total),
                      layer.baseCount == i, layer.bases == layers.map(\.hash) else { return nil }
                layers.append(layer)
                total += layer.count
            }
            return CommitGraph(layers: layers)
        }
        guard let file = MappedFile.shared(info + "/commit-graph"),
              let layer = CommitGraphLayer(file: file, first: 0), layer.baseCount == 0 else { return nil }
        return CommitGraph(layers: [layer])
    }

    init?(layers: [CommitGraphLayer]) {
        guard !layers.isEmpty else { return nil }
        self.layers = layers
        count = layers.reduce(0) { $0 + $1.count }
    }

    /// The position of a commit in the graph, or nil when the graph does not hold it (a commit
    /// made after the graph was written).
    public func position(of id: ObjectID) -> Int? {
        for layer in layers.reversed() {
            if let p = layer.position(of: id) { return p }
        }
        return nil
    }

    public func id(at position: Int) -> ObjectID? {
        layer(holding: position).map { $0.id(at: position - $0.first) }
    }

    /// The commit at a position; nil when the position or a parent index is out of range.
    public func commit(at position: Int) -> Commit? {
        guard let layer = layer(holding: position) else { return nil }
        return layer.commit(at: position - layer.first, total: count)
    }

    /// The commit time at a position, without the rest of its entry; nil when out of range.
    public func time(at position: Int) -> Int? {
        guard let layer = layer(holding: position) else { return nil }
        return layer.time(at: position - layer.first)
    }

    /// The position of the first parent of the commit at `position` (see `CommitGraphLayer.firstParent`).
    public func firstParent(at position: Int) -> Int? {
        guard let layer = layer(holding: position) else { return nil }
        return layer.firstParent(at: position - layer.first)
    }

    /// Whether the commit at `position` may have changed `key` against its first parent:
    /// false only when its Bloom filter says definitely not; true when the filter says maybe
    /// or there is no filter this reader can trust.
    public func mayHaveChanged(_ key: BloomKey, at position: Int) -> Bool {
        guard let layer = layer(holding: position) else { return true }
        return layer.mayHaveChanged(key, at: position - layer.first)
    }

    /// Where a walk down first parents from `position` meets the first commit that may have
    /// changed `key` against its own first parent (or one without a first parent in the
    /// graph): every commit before it holds the path exactly as that one does.
    public func firstMayHaveChanged(_ key: BloomKey, from position: Int) -> Int {
        var here = position
        while !mayHaveChanged(key, at: here), let parent = firstParent(at: here) {
            here = parent
        }
        return here
    }

    private func layer(holding position: Int) -> CommitGraphLayer? {
        guard position >= 0 else { return nil }
        return layers.first { position >= $0.first && position < $0.first + $0.count }
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x61...0x66).contains(self) || (0x41...0x46).contains(self)
    }
}
