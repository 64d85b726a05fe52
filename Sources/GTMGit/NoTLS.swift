#if GTM_LIBGIT2_LINKED_IN
internal import CLibGit2

/// libgit2's TLS, not set up.
///
/// Debian builds libgit2 with mbedTLS, and `git_libgit2_init` prepares it for HTTPS remotes:
/// it parses every certificate in the system's store (139 of them, about 55 M instructions,
/// more than the rest of a pre-commit hook) and seeds a random generator, whose HAVEGE source
/// spins on the processor's clock for some 1.1 M instructions. gtm never talks to a remote:
/// it reads the repository on disk and nothing else. Where libgit2 is linked from its archives
/// (`make release`, `scripts/build-release`), the linker sends libgit2's call to that set-up
/// here (`--wrap`), and gtm registers a TLS stream that refuses to open instead, so an HTTPS
/// remote fails with a message rather than on a configuration never made: closed, never open.
/// Builds that link the shared libgit2 keep its behaviour, and this function is never called.
@_cdecl("__wrap_git_mbedtls_stream_global_init")
public func tlsNotSetUp() -> Int32 {
    var refused = git_stream_registration()
    refused.version = GIT_STREAM_VERSION
    refused.`init` = { _, _, _ in refuseTLS() }
    refused.wrap = { _, _, _ in refuseTLS() }
    return git_stream_register(GIT_STREAM_TLS, &refused)
}

private func refuseTLS() -> Int32 {
    _ = git_error_set_str(Int32(GIT_ERROR_SSL.rawValue), "gtm reads the repository on disk and does not connect to remotes")
    return -1
}
#endif
