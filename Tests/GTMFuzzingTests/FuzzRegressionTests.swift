import Foundation
import Testing
import GTMFuzzing

/// Every input the fuzzer found a crash, hang or sanitizer report with, replayed through the
/// same function libFuzzer calls: the fix stays fixed. The first byte of each file chooses
/// what it is read as (`FuzzInput`); the name says what it found (`smoke-` inputs found
/// nothing: they keep each mode running under `make test`).
@Suite("Inputs the fuzzer found")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: inputs)
    func runsWithoutCrashing(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let clock = ContinuousClock()
        let elapsed = clock.measure { FuzzInput.run(bytes) }
        // Not a timing test: a hang the fuzzer found must now end, far inside its time-out.
        #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
    }

    /// Each mode is reached by its byte, so the corpus `make fuzz` writes covers all three.
    @Test(arguments: FuzzInput.Mode.allCases)
    func firstByteChoosesTheMode(_ mode: FuzzInput.Mode) {
        #expect(FuzzInput.mode(UInt8(ascii: "0") + mode.rawValue) == mode)
    }
}
