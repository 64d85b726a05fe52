import ArgumentParser
import GTMGit
import GTMLint
import GTMSystem

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Set up the pre-commit hook.",
        subcommands: [HookInstallCommand.self]
    )
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write .githooks/pre-commit and point core.hooksPath at it.",
        discussion: "Refuses to replace a different existing hook, or a core.hooksPath that points elsewhere, unless --force is given."
    )

    @Flag(name: .long, help: "Replace an existing different hook or hooks path.")
    var force = false

    func run() throws {
        let git = try GitSession.open()
        let folder = git.workdir + "/.githooks"
        let path = folder + "/pre-commit"
        if FileSystem.exists(path) {
            let existing: [UInt8]
            do {
                guard case .bytes(let b) = try FileSystem.read(path) else { throw CommandFailure(message: "\(path) is too large to be a hook") }
                existing = b
            } catch let error as FileError {
                throw CommandFailure(message: error.description)
            }
            if existing != Array(PreCommitHook.script.utf8) && !force {
                throw CommandFailure(message: "\(path) already exists and differs from gtm's hook; merge them by hand, or replace it with `gtm hook install --force`")
            }
        }
        let current: String?
        do { current = try git.repository.configString("core.hooksPath") } catch { throw CommandFailure(message: error.description) }
        if let current, current != ".githooks", !force {
            throw CommandFailure(message: "core.hooksPath is already \(current); the hooks there would stop running. Add `gtm check --staged --hook` to them, or use --force")
        }
        do throws(FileError) {
            try FileSystem.makeDirectory(folder)
            try FileSystem.write(Array(PreCommitHook.script.utf8), to: path, mode: 0o755)
        } catch {
            throw CommandFailure(message: "cannot write \(error.description)")
        }
        do { try git.repository.setLocalConfig("core.hooksPath", ".githooks") } catch { throw CommandFailure(message: error.description) }
        Output.write("installed \(FileSystem.relative(path, to: git.cwd)) and set core.hooksPath to .githooks\n")
    }
}

/// The hook `gtm hook install` writes; the same bytes as this repository's own
/// `.githooks/pre-commit` (a test keeps the two equal).
enum PreCommitHook {
    static let script = """
        #!/bin/sh
        # gtm pre-commit hook: checks the strategy exactly as the commit will hold it (the index git
        # is about to commit, not the working tree), and blocks the commit on errors.
        # Commits that stage no strategy, schema or settings file pay one `git diff --cached` and no more.
        set -u
        paths="${GTM_HOOK_PATHS:-strategy schemas .gtm.yaml}"
        # shellcheck disable=SC2086
        if git diff --cached --quiet --no-ext-diff -- $paths 2>/dev/null; then
          exit 0
        fi
        top=$(git rev-parse --show-toplevel)
        gtm=""
        if command -v gtm >/dev/null 2>&1; then
          gtm=gtm
        else
          for candidate in "$top/.build/release/gtm" "$top/.build/debug/gtm"; do
            [ -x "$candidate" ] && gtm=$candidate && break
          done
        fi
        if [ -z "$gtm" ]; then
          echo "gtm pre-commit: gtm is not installed (not on PATH, no .build/*/gtm); skipping the strategy check." >&2
          exit 0
        fi
        "$gtm" check --staged --hook
        status=$?
        if [ "$status" -eq 1 ]; then
          echo "gtm: commit blocked by strategy errors above; fix and stage them, or bypass once with: git commit --no-verify" >&2
        fi
        exit "$status"

        """
}
