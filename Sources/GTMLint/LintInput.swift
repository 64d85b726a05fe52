/// One file to check, wherever it came from (working tree, index, a commit, standard input).
/// Reading is done by the content source; the pipeline never opens files itself, so the hook
/// and the history commands share it.
public struct LintInput: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        case tooLarge(size: Int)
        case unreadable(String)
        /// A file read only when its turn comes, so that a large folder is never all in
        /// memory at once.
        case file(String)
    }

    /// The path shown in reports (relative to the repository root where possible).
    public var path: String
    public var content: Content
    /// The git blob id, when the content came from git: equal ids mean equal results.
    public var blobID: String?

    public init(path: String, content: Content, blobID: String? = nil) {
        self.path = path
        self.content = content
        self.blobID = blobID
    }
}
