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
        error.hint = error.hint ?? unsupportedFormatHint(message)
        return error
    }

    /// Repository and index formats newer than the libgit2 gtm is built with: the cause in
    /// words, and the command that turns the feature off. Never a silent pass.
    static func unsupportedFormatHint(_ message: String) -> String? {
        if message.contains("extension: 'link'") {
            return "the index is split (core.splitIndex), which gtm cannot read; turn it off with `git config core.splitIndex false && git update-index --no-split-index`"
        }
        if message.contains("extension: 'sdir'") {
            return "the index is sparse (sparse-checkout with a sparse index), which gtm cannot read; turn it off with `git sparse-checkout init --no-sparse-index` (add --cone if you use cone mode)"
        }
        if message.contains("objectformat") {
            return "the repository uses SHA-256 object names, which the libgit2 gtm is built with cannot read yet; check the strategy folder without git (`gtm check`) until it can"
        }
        if message.contains("mandatory extension") || message.contains("unsupported extension") {
            return "the repository uses a git feature the libgit2 gtm is built with cannot read"
        }
        return nil
    }
}

/// Passes a libgit2 return code through, throwing on failure.
@inline(__always)
func check(_ code: Int32, _ context: @autoclosure () -> String) throws(GitError) {
    if code < 0 { throw GitError.last(code, context()) }
}
