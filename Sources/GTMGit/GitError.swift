internal import CLibGit2

/// A libgit2 failure: its message and class, plus a hint when the cause is one users meet
/// often (a shallow clone, a revision not fetched, a repository owned by someone else).
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var klass: Int32
    public var message: String
    public var hint: String?

    public init(code: Int32 = -1, klass: Int32 = 0, message: String, hint: String? = nil) {
        self.code = code
        self.klass = klass
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }

    /// Whether the object or reference asked for does not exist.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// Reads libgit2's thread-local error for a failed call; the only place that does.
    static func last(_ code: Int32, _ context: String) -> GitError {
        var message = context
        var klass: Int32 = 0
        if let e = git_error_last() {
            klass = e.pointee.klass
            if let text = e.pointee.message {
                message += ": " + GitRepository.lenient(text)
            }
        }
        var error = GitError(code: code, klass: klass, message: message)
        if message.contains("safe.directory") || code == -36 /* GIT_EOWNER */ {
            error.hint = "the repository is owned by another user; run `git config --global --add safe.directory <path>` if you trust it"
        }
        return error
    }
}

/// Passes a libgit2 return code through, throwing on failure.
@inline(__always)
func check(_ code: Int32, _ context: @autoclosure () -> String) throws(GitError) {
    if code < 0 { throw GitError.last(code, context()) }
}
