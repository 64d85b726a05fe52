import GTMCore
import GTMGit
import GTMHistory
import GTMLint
import GTMModel
import GTMSystem

/// What the history commands share: the repository, the linter the settings describe, and a
/// reader of the strategy at any commit.
struct HistorySession {
    let session: Session
    let git: GitSession
    let linter: Linter
    let reader: HistoryReader

    init(today: String? = nil) throws(CommandFailure) {
        session = try Session.open()
        git = try GitSession(session: session, paths: [])
        linter = try LinterFactory.make(session, today: try LinterFactory.today(today)).0
        let folder = git.scopes.first ?? "strategy"
        let workdir = git.workdir, cwd = git.cwd
        reader = HistoryReader(repository: git.repository, linter: linter, folder: folder) { path in
            FileSystem.relative(workdir + "/" + path, to: cwd)
        }
    }

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
            return linter.lint(try git.inputs(at: .index)).workspace
        case .workingTree:
            let source = WorkingTreeSource(repositoryRoot: session.root, maxFileSize: session.configuration.limits.maxFileSize)
            return linter.lint(source.inputs(for: [session.resolve(session.configuration.strategyFolder)]).inputs).workspace
        }
    }

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
