import CLibFuzzer
import GTMFuzzing
import GTMSystem

/// Runs one input the way the fuzzer does.
func runInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main
struct Entry {
    static func main() throws {
        #if FUZZING
        // `make fuzz` builds with `-sanitize=fuzzer,address -D FUZZING`: libFuzzer takes the
        // command line (corpus folders, -max_total_time, ...) and calls back with each input.
        FuzzInput.prepare()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        ProcessServices.exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in runInput(data, size) })
        #else
        // The ordinary build of every target: a reproducer that runs each file named on the
        // command line through the same function, so a crash from `.build-fuzz/crashes/` can be
        // replayed under a debugger.
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            try ProcessServices.write("usage: gtm-fuzz FILE...  (runs each input as the fuzzer would; `make fuzz` fuzzes)\n", to: 2)
            ProcessServices.exit(2)
        }
        for path in paths {
            guard case .bytes(let bytes) = try FileSystem.read(path) else { continue }
            _ = bytes.withUnsafeBufferPointer { runInput($0.baseAddress, $0.count) }
            try ProcessServices.write("ran \(path) (\(FuzzInput.mode(bytes.first ?? 0)))\n", to: 1)
        }
        #endif
    }
}
