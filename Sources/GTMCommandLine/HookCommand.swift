import ArgumentParser
import GTMGit
import GTMLint
import GTMSystem

struct HookCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Set up the pre-commit hook.",
        subcommands: [HookInstallCommand.self]
    )

    static let examples = """
        gtm hook install
        gtm hook install --force
        """
}

struct HookInstallCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the pre-commit hook without switching off any other hook.",
        discussion: """
            With no other hook installed: writes .githooks/pre-commit (shared through the repository) and points core.hooksPath at it.
            When .git/hooks holds active hooks, core.hooksPath would switch them all off: gtm's hook goes into .git/hooks instead. Beside the pre-commit framework's hook it goes in as pre-commit.legacy, which the framework runs first; any other pre-commit hook already there is kept as pre-commit.legacy and runs after gtm's.
            Refuses a core.hooksPath that points elsewhere unless --force is given.
            """
    )

    static let examples = """
        gtm hook install           beside any hook already there
        gtm hook install --force   point core.hooksPath at .githooks
        """

    @Flag(name: .long, help: "Replace a different .githooks/pre-commit, or point core.hooksPath at .githooks although it is set elsewhere (the hooks there stop running).")
    var force = false

    func run() throws {
        let git = try GitSession.open()
        let hooksPath: String?
        do { hooksPath = try git.repository.configString("core.hooksPath") } catch { throw CommandFailure(message: error.description) }
        if let hooksPath, hooksPath != ".githooks", !force {
            throw CommandFailure(message: """
                core.hooksPath is \(hooksPath), so git runs the hooks there and nowhere else. Add gtm to that pre-commit hook with:
                  printf '%s\\n' 'gtm check --staged --hook || exit $?' >> \(hooksPath)/pre-commit
                or replace the hooks path with `gtm hook install --force` (the hooks in \(hooksPath) then stop running)
                """)
        }
        let own = git.repository.commonDir + "/hooks"
        let active = FileSystem.entries(of: own).filter { !$0.hasSuffix(".sample") && FileSystem.isExecutable(own + "/" + $0) }
        if active.isEmpty || (hooksPath != nil && force) || hooksPath == ".githooks" {
            try installShared(git)
        } else {
            try installBeside(active, in: own, git: git)
        }
    }

    /// `.githooks/pre-commit`, committed with the repository, and core.hooksPath pointing at it.
    private func installShared(_ git: GitSession) throws(CommandFailure) {
        let path = git.workdir + "/.githooks/pre-commit"
        if !force, FileSystem.exists(path), try read(path) != Array(PreCommitHook.script.utf8) {
            throw CommandFailure(message: "\(FileSystem.relative(path, to: git.cwd)) already exists and differs from gtm's hook; add `gtm check --staged --hook || exit $?` to it, or replace it with `gtm hook install --force`")
        }
        try write(path, folder: git.workdir + "/.githooks")
        do { try git.repository.setLocalConfig("core.hooksPath", ".githooks") } catch { throw CommandFailure(message: error.description) }
        Output.write("installed \(FileSystem.relative(path, to: git.cwd)) and set core.hooksPath to .githooks\n")
    }

    /// Into .git/hooks, beside the hooks already there, which core.hooksPath would switch off.
    private func installBeside(_ active: [String], in folder: String, git: GitSession) throws(CommandFailure) {
        let path = folder + "/pre-commit", legacy = folder + "/pre-commit.legacy"
        var note = "core.hooksPath is left unset, so \(active.joined(separator: ", ")) keep running"
        if FileSystem.exists(path), Self.isFramework(try read(path)) {
            // The framework runs pre-commit.legacy before its own hooks; its script must stay.
            if FileSystem.exists(legacy), try read(legacy) != Array(PreCommitHook.script.utf8) {
                throw CommandFailure(message: """
                    the pre-commit framework's hook already runs \(legacy); add gtm to .pre-commit-config.yaml instead:
                      - repo: local
                        hooks:
                          - {id: gtm, name: gtm strategy check, entry: gtm check --staged --hook, language: system, pass_filenames: false, always_run: true}
                    """)
            }
            try write(legacy, folder: folder)
            Output.write("installed \(FileSystem.relative(legacy, to: git.cwd)), which the pre-commit framework's hook runs before its own; \(note)\n")
            return
        }
        if FileSystem.exists(path), try read(path) != Array(PreCommitHook.script.utf8) {
            if FileSystem.exists(legacy) {
                throw CommandFailure(message: "\(path) and \(legacy) both exist; add `gtm check --staged --hook || exit $?` to \(path) by hand")
            }
            do { try FileSystem.rename(path, to: legacy) } catch { throw CommandFailure(message: "cannot keep the existing hook: \(error.description)") }
            note = "the pre-commit hook that was there is kept as pre-commit.legacy and runs after gtm's; " + note
        }
        try write(path, folder: folder)
        Output.write("installed \(FileSystem.relative(path, to: git.cwd)); \(note)\n")
    }

    /// The hook script `pre-commit install` writes.
    static func isFramework(_ script: [UInt8]) -> Bool {
        let text = String(decoding: script, as: UTF8.self)
        return text.contains("pre-commit.com") && text.contains("hook-impl")
    }

    private func read(_ path: String) throws(CommandFailure) -> [UInt8] {
        do {
            guard case .bytes(let b) = try FileSystem.read(path, limit: 1 << 20) else { throw CommandFailure(message: "\(path) is too large to be a hook") }
            return b
        } catch let error as FileError {
            throw CommandFailure(message: error.description)
        } catch {
            throw CommandFailure(message: "cannot read \(path)")
        }
    }

    private func write(_ path: String, folder: String) throws(CommandFailure) {
        do throws(FileError) {
            try FileSystem.makeDirectory(folder)
            try FileSystem.write(Array(PreCommitHook.script.utf8), to: path, mode: 0o755)
        } catch {
            throw CommandFailure(message: "cannot write \(error.description)")
        }
    }
}

/// The hook `gtm hook install` writes; the same bytes as this repository's own
/// `.githooks/pre-commit` (a test keeps the two equal).
enum PreCommitHook {
    static let script = #"""
        #!/bin/sh
        # gtm pre-commit hook: checks the strategy exactly as the commit will hold it (the index git
        # is about to commit, not the working tree, with the settings and schemas staged with it),
        # and blocks the commit on errors. A hook that was installed before gtm's runs after it.
        set -u

        # The folder a setting names, from the text after its key: `gtm`, `"gtm"` or `gtm  # a note`;
        # `.` (the whole repository, so everything is checked) when it is written another way.
        gtm_setting() {
          rest=$1
          while :; do case $rest in [[:space:]]*) rest=${rest#?} ;; *) break ;; esac; done
          case $rest in [\"\']*) rest=${rest#?} ;; esac
          value=${rest%%[!A-Za-z0-9._/-]*}
          rest=${rest#"$value"}
          case $rest in [\"\']*) rest=${rest#?} ;; esac
          while :; do case $rest in [[:space:]]*) rest=${rest#?} ;; *) break ;; esac; done
          case $rest in '' | '#'*) ;; *) value= ;; esac
          [ -n "$value" ] || value=.
        }

        gtm_check() {
          # Most commits stage no YAML or JSON file and not the settings: nothing gtm reads,
          # whatever folders the settings name, and one `git diff` says so. A path without an
          # extension (a folder turned into a link), a quoted one, or a `.yaml`, `.yml` or `.json`
          # one goes on to the exact test below. Renames are listed as a deletion and an addition.
          relevant=0
          if staged=$(git -c core.quotePath=false diff --cached --name-only --no-renames 2>/dev/null); then
            while IFS= read -r path; do
              name=${path##*/}
              case $path in \"*) relevant=1; break ;; esac
              case $name in
                *.[yY][aA][mM][lL] | *.[yY][mM][lL] | *.[jJ][sS][oO][nN]) relevant=1; break ;;
                *.*) ;;
                *) relevant=1; break ;;
              esac
            done <<STAGED
        $staged
        STAGED
          else
            relevant=1
          fi
          [ "$relevant" = 1 ] || return 0
          # The exact test: anything staged under the strategy folder, the schema folder or the
          # settings, those the commit holds, read by the shell itself (the last line that sets a
          # folder counts).
          strategy=strategy
          schemas=schemas
          if settings=$(git show :.gtm.yaml 2>/dev/null); then
            while IFS= read -r line; do
              case $line in
                strategy:*) gtm_setting "${line#strategy:}"; strategy=$value ;;
                schemas:*) gtm_setting "${line#schemas:}"; schemas=$value ;;
              esac
            done <<SETTINGS
        $settings
        SETTINGS
          fi
          if git diff --cached --quiet --no-ext-diff -- "$strategy" "$schemas" .gtm.yaml 2>/dev/null; then
            return 0
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
            return 0
          fi
          "$gtm" check --staged --hook
          status=$?
          if [ "$status" -eq 1 ]; then
            echo "gtm: commit blocked by strategy errors above; fix and stage them, or bypass once with: git commit --no-verify" >&2
          elif [ "$status" -ne 0 ]; then
            echo "gtm: commit blocked: the strategy could not be checked (see above); bypass once with: git commit --no-verify" >&2
          fi
          return "$status"
        }

        gtm_check || exit $?
        # A pre-commit hook that was there before gtm's was kept as pre-commit.legacy: run it.
        # (Installed beside the pre-commit framework, this script is that legacy hook itself.)
        # (Its folder and name by the shell itself: dirname and basename were two more processes.)
        case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
        legacy="$here/pre-commit.legacy"
        if [ "${0##*/}" != pre-commit.legacy ] && [ -x "$legacy" ]; then
          exec "$legacy" "$@"
        fi
        exit 0

        """#
}
