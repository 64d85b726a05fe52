import Foundation
import PackagePlugin

/// Compiles the bundled schemas (the target's `files/`, a link to the repository's `schemas/`)
/// into validity programs while gtm is built: `gtm-schema-programs` writes them as a Swift
/// source of string literals, which the target compiles in. The schemas are the inputs, so
/// a change to one compiles the programs again; nothing generated is kept in git.
@main
struct SchemaPrograms: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.directoryURL.appending(path: "files")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".schema.json") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledSchemas+Programs.swift")
        return [
            .buildCommand(
                displayName: "Compiling the bundled schemas into validity programs",
                executable: try context.tool(named: "gtm-schema-programs").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
