import Foundation
import Testing

/// `Package.swift` tells the truth: each target declares exactly the modules its files import,
/// so the graph it draws is the one the code has.
@Suite("The package graph")
struct PackageGraphTests {
    static let system: Set = ["Foundation", "Testing", "Glibc", "Darwin", "Dispatch", "Synchronization", "ArgumentParser", "CYAML", "CLibGit2", "CPCRE2", "CLibFuzzer"]

    @Test func declaredDependenciesMatchTheImports() throws {
        let manifest = try String(contentsOf: Paths.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        // `.target(name: "X", dependencies: [...]` and the multi-line form of GTMCommandLine.
        let flat = manifest.replacing("\n", with: " ")
        var checked = 0
        for match in flat.matches(of: /\.(target|testTarget|executableTarget)\(\s*name: "([A-Za-z-]+)"(?:,\s*dependencies: \[([^\]]*)\])?(?:[^)]*?path: "([^"]+)")?/) {
            let name = String(match.2)
            let declared = Set((match.3.map(String.init) ?? "").matches(of: /"([A-Za-z]+)"/).map { String($0.1) }).subtracting(Self.system)
            let folder = match.4.map(String.init) ?? (match.1 == "testTarget" ? "Tests/\(name)" : "Sources/\(name)")
            let url = Paths.packageRoot.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: url.path) else { continue }
            var imported = Set<String>()
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    if let m = line.wholeMatch(of: /(?:@testable |internal )?import ([A-Za-z0-9_]+)/) { imported.insert(String(m.1)) }
                }
            }
            imported.subtract(Self.system)
            #expect(declared == imported, "\(name) declares \(declared.sorted()) but imports \(imported.sorted())")
            checked += 1
        }
        #expect(checked >= 15, "the manifest was not read: \(checked) targets")
    }
}
