import Dispatch
import Foundation
import Synchronization
import Testing
@testable import GTMGit

/// Blobs read on other threads, each through a handle of its own on the same repository.
@Suite("Blob reads on other threads")
struct BlobReadersTests {
    @Test func everyThreadReadsWhatTheRepositoryHolds() throws {
        let s = try Scratch()
        for i in 0..<24 { try s.write("strategy/f\(i).yaml", "n: \(i)\n") }
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "files")
        let repo = try s.open()
        let head = try #require(try repo.headCommit())
        let files = try repo.files(tree: try repo.commit(head).tree, prefix: "")
        let expected = try files.map { try repo.blob($0.blob) }
        let readers = BlobReaders(repo)
        let read = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let bytes = readers.withRepository { try? $0.blob(files[i].blob) }
            if case .success(let b?) = bytes { read.withLock { $0[i] = b } }
        }
        let got = read.withLock { $0 }
        #expect(got.count == files.count)
        for i in files.indices { #expect(got[i] == expected[i], Comment(rawValue: files[i].path)) }
    }

    @Test func aRepositoryGoneGivesTheErrorNotACrash() throws {
        let s = try Scratch()
        try s.write("a.yaml", "a: 1\n")
        try s.git("add", ".")
        try s.git("commit", "-q", "-m", "one")
        let readers = BlobReaders(try s.open())
        try FileManager.default.removeItem(at: s.root.appendingPathComponent(".git"))
        guard case .failure(let error) = readers.withRepository({ _ in true }) else {
            Issue.record("a handle opened on a removed git directory")
            return
        }
        #expect(error.message.contains("cannot open the repository"))
    }
}
