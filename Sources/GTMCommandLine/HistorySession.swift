import GTMCore
import GTMGit
import GTMHistory
import GTMLint
import GTMModel
import GTMSystem

/// What the history commands share: the repository, opened once; the settings of the working
/// tree, or of HEAD in a bare repository (which folder holds the strategy); and a reader of the
/// strategy at any commit, which judges each commit by the settings and schemas that commit holds.
struct HistorySession {
    let session: Session
    let git: GitSession
    let reader: HistoryReader

    init(today: String? = nil) throws(CommandFailure) {
        // History puts megabytes of new heap to use (see `Allocator`); a check does not.
        Allocator.hugePagesForTheHeap()
        var git = try GitSession.open(allowBare: true)
        session = try Session.open(snapshot: try git.settingsSnapshot(), root: git.workdir)
        git.configure(session.configuration, paths: [])
        self.git = git
        let date = try LinterFactory.today(today)
        let root = git.workdir, current = session
        // A replay judges each commit in turn: its rules keep what they found for the next.
        let fallback = { (try? LinterFactory.make(current, today: date).0.remembering) ?? Linter(limits: current.configuration.limits, validator: nil) }
        let linters = CommitLinters(repository: git.repository, fallback: fallback) { snapshot in
            guard let commitSession = try? Session.open(snapshot: snapshot, root: root),
                  let linter = try? LinterFactory.make(commitSession, today: date).0 else {
                return (fallback(), Configuration().schemaFolder)
            }
            return (linter.remembering, commitSession.configuration.schemaFolder)
        }
        let folder = git.scopes.first ?? "strategy"
        let workdir = git.workdir, cwd = git.cwd
        reader = HistoryReader(repository: git.repository, linters: linters, limits: session.configuration.limits, folder: folder) { path in
            FileSystem.relative(workdir + "/" + path, to: cwd)
        }
        // The process ends when the command does: freeing thousands of cached documents one by
        // one first would cost more than a twentieth of `gtm log`.
        Self.keptUntilExit.append(reader)
    }

    nonisolated(unsafe) static var keptUntilExit: [AnyObject] = []

    func commit(_ revision: String) throws(CommandFailure) -> CommitInfo {
        let id = try git.resolve(revision)
        do { return try git.repository.commit(id) } catch { throw CommandFailure(message: error.description) }
    }

    /// The workspace at a revision, in the index, or in the working tree.
    func workspace(_ side: Side) throws(CommandFailure) -> Workspace {
        switch side {
        case .commit(let rev):
            let info = try commit(rev)
            do { return try reader.workspace(info) } catch { throw CommandFailure(message: error.description) }
        case .index:
            if git.isBare { throw GitSession.bare }
            return parser.lint(try git.inputs(at: .index)).workspace
        case .workingTree:
            if git.isBare { throw GitSession.bare }
            let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: session.configuration.limits.maxFileSize)
            return parser.lint(source.inputs(for: [session.resolve(session.configuration.strategyFolder)]).inputs).workspace
        }
    }

    /// Reads documents without schemas or rules: a diff compares meaning only.
    private var parser: Linter { Linter(limits: session.configuration.limits, validator: nil) }

    enum Side {
        case commit(String)
        case index
        case workingTree
    }
}

/// Runs a throwing history step, turning git failures into the command's one-line failure.
func gitStep<T>(_ body: () throws -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch let failure as CommandFailure {
        throw failure
    } catch let error as GitError {
        throw CommandFailure(message: error.description)
    } catch {
        throw CommandFailure(message: "\(error)")
    }
}
