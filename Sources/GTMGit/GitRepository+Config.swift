internal import CLibGit2

extension GitRepository {
    /// A configuration value as git resolves it (local, global, system), or nil.
    public func configString(_ key: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "cannot read the configuration")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(key)")
        return value.map { Self.lenient($0) }
    }

    /// Writes a value to the repository's own configuration. Used by `gtm hook install`
    /// only, the one command whose job is to change the repository.
    public func setLocalConfig(_ key: String, _ value: String) throws(GitError) {
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle), "cannot open the configuration")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "cannot open the repository's configuration")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "cannot set \(key)")
    }
}
