// swift-tools-version:6.1
import PackageDescription

// Modules, dependencies pointing one way, toward GTMCore:
//   GTMCommandLine → GTMReport → GTMHistory → GTMLint → GTMRules → GTMModel → YAMLSource → GTMCore
//   GTMLint → GTMGit → GTMCore;  GTMModel → JSONSchema, which depends on nothing.
// Each C library sits behind one module: CYAML behind YAMLSource, CLibGit2 behind GTMGit.
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
        .target(name: "GTMCore"),
        .target(name: "YAMLSource", dependencies: ["GTMCore", "CYAML"]),
        .target(name: "JSONSchema"),
        .target(name: "GTMModel", dependencies: ["GTMCore", "YAMLSource", "JSONSchema"]),
        .target(name: "GTMRules", dependencies: ["GTMCore", "GTMModel"]),
        .target(name: "GTMGit", dependencies: ["GTMCore", "CLibGit2"]),
        .target(name: "GTMLint", dependencies: ["GTMCore", "YAMLSource", "JSONSchema", "GTMModel", "GTMRules", "GTMGit"]),
        .target(name: "GTMHistory", dependencies: ["GTMCore", "YAMLSource", "GTMModel", "GTMRules", "GTMLint", "GTMGit"]),
        .target(name: "GTMReport", dependencies: ["GTMCore", "GTMHistory", "GTMGit", "JSONSchema", "GTMModel"]),
        .target(
            name: "GTMCommandLine",
            dependencies: [
                "GTMCore", "YAMLSource", "JSONSchema", "GTMModel", "GTMRules", "GTMGit",
                "GTMLint", "GTMHistory", "GTMReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gtm", dependencies: ["GTMCommandLine"]),
        .executableTarget(name: "gtm-log", dependencies: ["GTMCommandLine"]),
        .executableTarget(
            name: "gtm-bench",
            dependencies: ["GTMLint", "GTMModel", "JSONSchema", "YAMLSource"],
            path: "bench/Sources/gtm-bench"
        ),
        .testTarget(name: "GTMCoreTests", dependencies: ["GTMCore"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource", "GTMCore"], exclude: ["Fixtures"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "GTMRulesTests", dependencies: ["GTMRules", "GTMModel", "GTMLint", "GTMCore"]),
        .testTarget(name: "GTMGitTests", dependencies: ["GTMGit", "GTMCore"]),
        .testTarget(name: "GTMHistoryTests", dependencies: ["GTMHistory", "GTMModel", "GTMRules", "YAMLSource", "GTMCore"]),
        .testTarget(
            name: "GTMCommandLineTests",
            dependencies: ["GTMCommandLine", "GTMLint", "GTMCore"],
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
