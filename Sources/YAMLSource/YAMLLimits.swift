/// Bounds that keep hostile or accidental input (huge files, deep nesting, alias bombs) from
/// costing more than a linter may spend on one file.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file read, in bytes.
    public var maxFileSize: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most nodes a document may hold once every alias is expanded; the "billion laughs"
    /// defence, counted without expanding anything.
    public var maxNodes: Int

    /// The most each limit may be raised to: past them a document could exhaust the stack
    /// (nesting is read recursively on worker threads) or the memory of a laptop.
    public static let ceilings = (maxFileSize: 256 << 20, maxDepth: 512, maxNodes: 10_000_000)

    public init(maxFileSize: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = YAMLLimits()
}
