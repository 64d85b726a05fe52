/// The system's certificate store, not read.
///
/// Debian builds libgit2 with mbedTLS, and `git_libgit2_init` parses every certificate in
/// `/etc/ssl/certs/ca-certificates.crt` (139 of them: about 55 M instructions, more than the
/// rest of a pre-commit hook) so that HTTPS remotes can be verified later. gtm never talks to
/// a remote: it reads the repository on disk and nothing else. Where libgit2 is linked from its
/// archives (`make release`, `scripts/build-release`), the linker sends libgit2's calls to
/// load the store here (`--wrap`), and the store stays empty.
/// An HTTPS remote would then fail verification: closed, never open. Builds that link the
/// shared libgit2 keep its behaviour, and these functions are never called.
@_cdecl("__wrap_mbedtls_x509_crt_parse_file")
public func trustStoreFileNotRead(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 { 0 }

@_cdecl("__wrap_mbedtls_x509_crt_parse_path")
public func trustStoreFolderNotRead(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 { 0 }
