#if GTM_LIBGIT2_LINKED_IN
/// libssh2, not linked.
///
/// libgit2 uses libssh2 for one thing: fetching from and pushing to `ssh://` remotes. gtm
/// never talks to a remote. Debian's libssh2 is built on OpenSSL, and linking the two archives
/// put 350 KB of OpenSSL's pointer tables into the binary, which every start had to relocate
/// page by page, copying some 85 pages (about 0.7 ms on this kind of machine) for code no
/// command runs. Where libgit2 is linked from its archives (`scripts/build-release`), its calls
/// land here instead. Starting libssh2 succeeds and does nothing; opening a session fails, as
/// libssh2 does when it cannot allocate one, so libgit2 reports that it could not start an SSH
/// session: an `ssh://` remote is refused, closed, never open. Every other call needs the
/// session that never exists and is never made; each still fails as libssh2 would.
///
/// The C ABI lets a function take fewer parameters than its callers pass: each keeps only
/// what it sets.

/// libssh2's generic error code (`LIBSSH2_ERROR_SOCKET_NONE`): nothing is connected.
private let notConnected: Int32 = -1

@_cdecl("libssh2_init")
public func ssh2Init() -> Int32 { 0 }

@_cdecl("libssh2_exit")
public func ssh2Exit() {}

@_cdecl("libssh2_session_init_ex")
public func ssh2SessionInit() -> UnsafeMutableRawPointer? { nil }

/// The message libgit2 appends to its own when a session call fails. Never reached without a
/// session, but it writes the text it is asked for, as libssh2 does.
@_cdecl("libssh2_session_last_error")
public func ssh2SessionLastError(_ session: UnsafeMutableRawPointer?, _ message: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
                                 _ length: UnsafeMutablePointer<Int32>?) -> Int32 {
    let text: StaticString = "SSH is not built into gtm"
    message?.pointee = text.utf8Start
    length?.pointee = Int32(text.utf8CodeUnitCount)
    return notConnected
}

@_cdecl("libssh2_session_handshake")
public func ssh2SessionHandshake() -> Int32 { notConnected }

@_cdecl("libssh2_session_free")
public func ssh2SessionFree() -> Int32 { 0 }

@_cdecl("libssh2_session_disconnect_ex")
public func ssh2SessionDisconnect() -> Int32 { notConnected }

@_cdecl("libssh2_session_set_blocking")
public func ssh2SessionSetBlocking() {}

@_cdecl("libssh2_session_method_pref")
public func ssh2SessionMethodPref() -> Int32 { notConnected }

@_cdecl("libssh2_session_abstract")
public func ssh2SessionAbstract() -> UnsafeMutableRawPointer? { nil }

@_cdecl("libssh2_session_hostkey")
public func ssh2SessionHostkey() -> UnsafeRawPointer? { nil }

@_cdecl("libssh2_hostkey_hash")
public func ssh2HostkeyHash() -> UnsafeRawPointer? { nil }

@_cdecl("libssh2_knownhost_init")
public func ssh2KnownhostInit() -> UnsafeMutableRawPointer? { nil }

@_cdecl("libssh2_knownhost_readfile")
public func ssh2KnownhostReadfile() -> Int32 { notConnected }

@_cdecl("libssh2_knownhost_checkp")
public func ssh2KnownhostCheck() -> Int32 { 3 } // LIBSSH2_KNOWNHOST_CHECK_FAILURE

@_cdecl("libssh2_knownhost_free")
public func ssh2KnownhostFree() {}

@_cdecl("libssh2_userauth_list")
public func ssh2UserauthList() -> UnsafeMutableRawPointer? { nil }

@_cdecl("libssh2_userauth_authenticated")
public func ssh2UserauthAuthenticated() -> Int32 { 0 }

@_cdecl("libssh2_userauth_password_ex")
public func ssh2UserauthPassword() -> Int32 { notConnected }

@_cdecl("libssh2_userauth_keyboard_interactive_ex")
public func ssh2UserauthKeyboardInteractive() -> Int32 { notConnected }

@_cdecl("libssh2_userauth_publickey")
public func ssh2UserauthPublickey() -> Int32 { notConnected }

@_cdecl("libssh2_userauth_publickey_fromfile_ex")
public func ssh2UserauthPublickeyFromFile() -> Int32 { notConnected }

@_cdecl("libssh2_userauth_publickey_frommemory")
public func ssh2UserauthPublickeyFromMemory() -> Int32 { notConnected }

@_cdecl("libssh2_agent_init")
public func ssh2AgentInit() -> UnsafeMutableRawPointer? { nil }

@_cdecl("libssh2_agent_connect")
public func ssh2AgentConnect() -> Int32 { notConnected }

@_cdecl("libssh2_agent_list_identities")
public func ssh2AgentListIdentities() -> Int32 { notConnected }

@_cdecl("libssh2_agent_get_identity")
public func ssh2AgentGetIdentity() -> Int32 { notConnected }

@_cdecl("libssh2_agent_userauth")
public func ssh2AgentUserauth() -> Int32 { notConnected }

@_cdecl("libssh2_agent_disconnect")
public func ssh2AgentDisconnect() -> Int32 { notConnected }

@_cdecl("libssh2_agent_free")
public func ssh2AgentFree() {}

@_cdecl("libssh2_channel_open_ex")
public func ssh2ChannelOpen() -> UnsafeMutableRawPointer? { nil }

@_cdecl("libssh2_channel_process_startup")
public func ssh2ChannelProcessStartup() -> Int32 { notConnected }

@_cdecl("libssh2_channel_read_ex")
public func ssh2ChannelRead() -> Int { Int(notConnected) }

@_cdecl("libssh2_channel_write_ex")
public func ssh2ChannelWrite() -> Int { Int(notConnected) }

@_cdecl("libssh2_channel_set_blocking")
public func ssh2ChannelSetBlocking() {}

@_cdecl("libssh2_channel_close")
public func ssh2ChannelClose() -> Int32 { notConnected }

@_cdecl("libssh2_channel_free")
public func ssh2ChannelFree() -> Int32 { notConnected }
#endif
