#if GTM_LIBGIT2_LINKED_IN
/// Kerberos (GSSAPI), not linked.
///
/// libgit2 uses GSSAPI for one thing: "Negotiate" authentication against an HTTP remote. gtm
/// never talks to a remote. Debian ships GSSAPI only as a shared library, which brings six
/// more (krb5, k5crypto, com_err, krb5support, keyutils, resolv): loading and relocating them
/// cost every start about 60 page faults and 0.6 ms, a twentieth of a `gtm check`. Where
/// libgit2 is linked from its archives (`scripts/build-release`), its calls land here instead:
/// every one fails as a GSSAPI library with no mechanism would (`GSS_S_FAILURE`), so
/// Negotiate is never offered, and a remote that requires it would refuse gtm: closed, never
/// open.
///
/// The C ABI lets a function take fewer parameters than its callers pass: each keeps only
/// the status it sets.

/// GSSAPI's "failure" status (a routine error of 13, in the routine-error field).
private let failure: UInt32 = 13 << 16

/// The one GSSAPI variable libgit2 names, the OID of host-based service names. Swift defines
/// no C variable, so the name is given to this function: libgit2 would read the address as
/// an OID only to pass it to `gss_import_name` below, which reads nothing, and only after
/// `gss_indicate_mechs` had offered a mechanism, which it never does.
@_cdecl("GSS_C_NT_HOSTBASED_SERVICE")
public func gssNoServiceNameType() {}

@_cdecl("gss_indicate_mechs")
public func gssIndicateMechs(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return failure }

@_cdecl("gss_import_name")
public func gssImportName(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return failure }

@_cdecl("gss_init_sec_context")
public func gssInitSecContext(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return failure }

@_cdecl("gss_display_status")
public func gssDisplayStatus(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return failure }

@_cdecl("gss_delete_sec_context")
public func gssDeleteSecContext(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return 0 }

@_cdecl("gss_release_buffer")
public func gssReleaseBuffer(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return 0 }

@_cdecl("gss_release_name")
public func gssReleaseName(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return 0 }

@_cdecl("gss_release_oid_set")
public func gssReleaseOIDSet(_ minor: UnsafeMutablePointer<UInt32>?) -> UInt32 { minor?.pointee = 0; return 0 }
#endif
