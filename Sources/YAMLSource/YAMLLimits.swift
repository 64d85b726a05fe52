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

    public init(maxFileSize: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = YAMLLimits()
}
