import Foundation
import Testing

/// Runs the built `gtm` executable the way a user does and captures what it says.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The folder that holds the built products (next to the test bundle).
    static var products: URL {
        let main = Bundle.main.bundleURL
        for candidate in [main, main.deletingLastPathComponent()] where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("gtm").path) {
            return candidate
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }
}

func gtm(_ arguments: [String], in directory: URL = Paths.packageRoot, environment: [String: String] = [:], stdin: Data? = nil) throws -> CommandResult {
    try run(Paths.products.appendingPathComponent("gtm"), arguments, in: directory, environment: environment, stdin: stdin)
}

func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: Data? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self)
    )
}
