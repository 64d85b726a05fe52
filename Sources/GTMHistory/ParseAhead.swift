import Dispatch
import GTMLint
import GTMModel
import Synchronization

/// Parses files on the other cores while the walk that finds them goes on. `gtm log` reads
/// thousands of commits through libgit2 on one thread (a repository is not shared between
/// threads); the blobs it has read are parsed meanwhile, a batch at a time, instead of after
/// the walk.
final class ParseAhead: Sendable {
    typealias Parsed = (key: String, documents: [GTMDocument])

    private let parser: Linter
    private let group = DispatchGroup()
    private let results = Mutex<[Parsed]>([])

    init(parser: Linter) { self.parser = parser }

    /// Parses the files on a worker thread; `key` names each in the results.
    func submit(_ batch: [(key: String, input: LintInput)]) {
        guard !batch.isEmpty else { return }
        DispatchQueue.global().async(group: group) { [self] in
            let parsed = batch.map { Parsed($0.key, parser.lintFile($0.input).documents) }
            results.withLock { $0 += parsed }
        }
    }

    /// Every file submitted, parsed: waits for the batches still running.
    func finish() -> [Parsed] {
        group.wait()
        return results.withLock { $0 }
    }
}
