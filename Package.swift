// swift-tools-version:6.1
import PackageDescription

// Modules, dependencies pointing one way, toward the core (each line: a module and what it imports):
//   JSONSchema   → CPCRE2                     a JSON Schema 2020-12 validator; PCRE2 runs its patterns
//   GTMCore      → JSONSchema                 findings, positions, pointers (RFC 6901 from JSONSchema), dates
//   GTMSystem                                 the only module that calls libc (files, clock, streams)
//   GTMSchemas                                the bundled schemas, embedded from schemas/, and their
//                                             validity programs (built by gtm-schema-programs → GTMSystem, JSONSchema)
//   YAMLSource   → GTMCore, JSONSchema, CYAML libyaml behind positioned nodes, and flat documents for validation
//   GTMModel     → GTMCore, YAMLSource, JSONSchema         documents, workspaces, changes in meaning
//   GTMRules     → GTMCore, GTMModel, YAMLSource           rules about states and changes, settings
//   GTMGit       → GTMSystem, CLibGit2, CDeflate           libgit2 behind owned handles; pack files read directly (libdeflate)
//   GTMLint      → GTMCore, GTMSystem, YAMLSource, JSONSchema, GTMSchemas, GTMModel, GTMRules, GTMGit
//   GTMHistory   → GTMCore, GTMSystem, YAMLSource, GTMGit, GTMModel, GTMRules, GTMLint
//   GTMReport    → GTMCore, GTMGit, GTMHistory, GTMModel, GTMRules, JSONSchema, YAMLSource
//   GTMCommandLine → GTMCore, GTMSystem, YAMLSource, GTMModel, GTMRules, GTMGit, GTMLint, GTMHistory, GTMReport, ArgumentParser
//   GTMFuzzing   → GTMCore, GTMSystem, YAMLSource, JSONSchema, GTMSchemas, GTMModel, GTMRules, GTMLint  one fuzz input through them all (make fuzz)
let package = Package(
    name: "gtm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gtm", targets: ["gtm"]),
        .executable(name: "gtm-log", targets: ["gtm-log"]),
        .library(name: "GTMLint", targets: ["GTMLint"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "GTMCore", dependencies: ["JSONSchema"]),
        .target(name: "GTMSystem"),
        // The bundled schemas: `files` links to schemas/, embedded in the binary by SwiftPM.
        // Their validity programs are compiled while gtm is built (`Plugins/SchemaPrograms`),
        // so that a run reads them back instead of compiling the schemas' JSON.
        .target(
            name: "GTMSchemas", exclude: ["files/README.md", "files/REFERENCE.md"], resources: [.embedInCode("files")],
            plugins: ["SchemaPrograms"]
        ),
        .executableTarget(name: "gtm-schema-programs", dependencies: ["GTMSystem", "JSONSchema"]),
        .plugin(name: "SchemaPrograms", capability: .buildTool(), dependencies: ["gtm-schema-programs"]),
        .target(name: "YAMLSource", dependencies: ["GTMCore", "JSONSchema", "CYAML"]),
        .target(name: "JSONSchema", dependencies: ["CPCRE2"]),
        .target(name: "GTMModel", dependencies: ["GTMCore", "YAMLSource", "JSONSchema"]),
        .target(name: "GTMRules", dependencies: ["GTMCore", "GTMModel", "YAMLSource"]),
        .target(name: "GTMGit", dependencies: ["GTMSystem", "CLibGit2", "CDeflate"]),
        .target(name: "GTMLint", dependencies: ["GTMCore", "GTMSystem", "YAMLSource", "JSONSchema", "GTMSchemas", "GTMModel", "GTMRules", "GTMGit"]),
        .target(name: "GTMHistory", dependencies: ["GTMCore", "GTMSystem", "YAMLSource", "GTMGit", "GTMModel", "GTMRules", "GTMLint"]),
        .target(name: "GTMReport", dependencies: ["GTMCore", "GTMGit", "GTMHistory", "GTMModel", "GTMRules", "JSONSchema", "YAMLSource"]),
        .target(
            name: "GTMCommandLine",
            dependencies: [
                "GTMCore", "GTMSystem", "YAMLSource", "GTMModel", "GTMRules", "GTMGit", "GTMLint", "GTMHistory", "GTMReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gtm", dependencies: ["GTMCommandLine"]),
        .executableTarget(name: "gtm-log", dependencies: ["GTMCommandLine"]),
        .executableTarget(
            name: "gtm-bench",
            dependencies: ["GTMLint", "GTMModel", "GTMSchemas", "GTMSystem", "JSONSchema", "YAMLSource"],
            path: "bench/Sources/gtm-bench"
        ),
        // `make fuzz`: libFuzzer over everything that reads untrusted bytes. The library holds
        // the fuzz function so the tests can replay every input the fuzzer found; the
        // executable hands its command line to libFuzzer's driver only when built with
        // `-D FUZZING`, and replays files otherwise.
        .target(
            name: "GTMFuzzing",
            dependencies: ["GTMCore", "GTMSystem", "YAMLSource", "JSONSchema", "GTMSchemas", "GTMModel", "GTMRules", "GTMLint"],
            path: "Fuzz/Sources/GTMFuzzing"
        ),
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/Sources/CLibFuzzer"),
        .executableTarget(name: "gtm-fuzz", dependencies: ["GTMFuzzing", "GTMSystem", "CLibFuzzer"], path: "Fuzz/Sources/gtm-fuzz"),
        .testTarget(name: "GTMCoreTests", dependencies: ["GTMCore"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource", "JSONSchema"], exclude: ["Fixtures"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "GTMRulesTests", dependencies: ["GTMRules", "GTMModel", "GTMLint", "GTMCore", "GTMSystem", "YAMLSource", "JSONSchema", "GTMSchemas"]),
        .testTarget(name: "GTMGitTests", dependencies: ["GTMGit"]),
        .testTarget(name: "GTMSystemTests", dependencies: ["GTMSystem"]),
        .testTarget(name: "GTMHistoryTests", dependencies: ["GTMHistory", "GTMGit", "GTMLint", "GTMModel", "YAMLSource", "GTMCore"]),
        .testTarget(
            name: "GTMCommandLineTests",
            dependencies: ["GTMLint", "GTMCore", "GTMSchemas", "GTMReport", "GTMCommandLine"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "GTMFuzzingTests", dependencies: ["GTMFuzzing"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
