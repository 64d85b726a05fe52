import GTMSystem
import JSONSchema

// Compiles the bundled schemas into validity programs while gtm is built (run by the
// SchemaPrograms plugin), so that a run reads them back instead of parsing and compiling
// the schemas' JSON at every start.
//
// Usage: gtm-schema-programs OUTPUT.swift SCHEMA.json...
// A schema that does not compile whole (an error, a reference to nothing) fails the build.

/// A `@main` type rather than top-level code, so that the tool also builds with
/// `-parse-as-library`, as `make fuzz` builds every target.
@main
enum SchemaProgramsTool {
    static func fail(_ message: String) -> Never {
        try? ProcessServices.write("gtm-schema-programs: \(message)\n", to: 2)
        ProcessServices.exit(1)
    }

    static func read(_ path: String) -> [UInt8] {
        guard case .bytes(let bytes)? = try? FileSystem.read(path) else { fail("cannot read \(path)") }
        return bytes
    }

    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else { fail("usage: gtm-schema-programs OUTPUT.swift SCHEMA.json...") }
        let output = arguments[0]
        let paths = arguments.dropFirst().sorted { name(of: $0) < name(of: $1) }

        var documents: [(name: String, document: JSONDocument)] = []
        for path in paths {
            let document: JSONDocument
            do { document = try JSONParser.parse(read(path), recordPositions: false) } catch { fail("\(path): \(error)") }
            documents.append((name(of: path), document))
        }

        let options = ValidatorOptions()
        // One compiler for them all, as gtm compiles a schema folder: what they share (the common
        // schema) is compiled once, and written once.
        var compiler = SchemaCompiler(options: options)
        var schemas: [Schema] = []
        do {
            for (_, document) in documents { try compiler.register(document) }
            for (name, document) in documents {
                let schema = try compiler.compile(document)
                if let unresolved = schema.unresolvedReferences.first { fail("\(name): \(unresolved)") }
                schemas.append(schema)
            }
        } catch {
            fail("\(error)")
        }
        var escaped = ""
        for byte in Schema.programText(of: schemas, options: options) {
            if byte == UInt8(ascii: "\\") { escaped += "\\\\" } else { escaped.unicodeScalars.append(Unicode.Scalar(byte)) }
        }
        let names = documents.map(\.name.debugDescription).joined(separator: ", ")
        let literal = """
            // Written by gtm-schema-programs while gtm is built, from the schemas in files/; not kept in git.

            extension BundledSchemas {
                /// The file names of the schemas `program` holds, in its order.
                public static let programSchemas: [String] = [\(names)]
                /// `Schema.programText(of:options:)` of every bundled schema, compiled with the default options.
                public static let program: StaticString = "\(escaped)"
            }

            """

        do { try FileSystem.write(Array(literal.utf8), to: output) } catch { fail("cannot write \(output): \(error)") }
    }
}
