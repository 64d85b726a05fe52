import ArgumentParser
import GTMCore
import GTMLint
import GTMReport
import GTMSystem

struct SchemaCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Show what a strategy document may hold: the kinds, an object's fields, one field.",
        discussion: """
            Read from the schemas gtm judges with: the repository's schema folder over the ones built in. Each field gives its type, allowed values, default, an example and what it means. `--format markdown` with no FIELD prints the whole reference (schemas/REFERENCE.md).
            """
    )

    static let examples = """
        gtm schema                     the kinds of document
        gtm schema Strategy            the fields of a Strategy
        gtm schema Strategy.pricing    the fields of its pricing
        gtm schema Strategy.pricing.model
        gtm schema --format markdown > schemas/REFERENCE.md
        """

    @Argument(help: ArgumentHelp("A kind (Strategy), an object in it (Strategy.pricing) or a field (Strategy.pricing.model).", valueName: "FIELD"))
    var path: String?

    @Option(name: .long, help: ArgumentHelp(Formats.schema.help))
    var format: OutputFormat = .text

    func run() throws {
        try Output.require(format, in: Formats.schema, command: "schema")
        let reference = try Self.reference()
        guard let path else {
            Output.render(SchemaPage(text: reference.kindsText(), markdown: reference.markdown()), Formats.schema, as: format)
            return
        }
        if let object = reference.object(path) {
            Output.render(SchemaPage(text: SafeText.block(reference.text(object)), markdown: reference.markdown(object)), Formats.schema, as: format)
        } else if let field = reference.field(path) {
            let table = SchemaReference.Object(path: field.path, title: field.title, description: "", fields: [field], isList: false)
            Output.render(SchemaPage(text: SafeText.block(reference.text(field)), markdown: reference.markdown(table)), Formats.schema, as: format)
        } else {
            throw CommandFailure(message: Self.unknown(path, in: reference))
        }
    }

    /// The schemas of the repository around the current folder over the built-in ones.
    static func reference() throws(CommandFailure) -> SchemaReference {
        let session = try Session.open()
        let folder = session.configuration.schemaFolder
        let prefix = folder.isEmpty ? "" : folder + "/"
        var files: [(name: String, bytes: [UInt8])] = []
        for file in session.snapshot.files(under: folder, accept: { $0.hasSuffix(".schema.json") }) {
            if case .bytes(let bytes)? = session.snapshot.file(file, limit: session.configuration.limits.maxFileSize) {
                files.append((String(file.dropFirst(prefix.count)), bytes))
            }
        }
        return SchemaReference(overriding: files)
    }

    /// Says what is there instead of a path that names nothing.
    static func unknown(_ path: String, in reference: SchemaReference) -> String {
        let parts = path.split(separator: ".").map(String.init)
        let kinds = reference.kinds.map(\.name)
        guard let kind = parts.first, kinds.contains(kind) else {
            let hint = parts.first.flatMap { Suggestion.closest(to: $0, in: kinds) }.map { "; did you mean \($0)?" } ?? ""
            return "no kind \"\(SafeText.line(parts.first ?? path))\"\(hint) The kinds are \(kinds.joined(separator: ", "))."
        }
        var known = kind
        for part in parts.dropFirst() {
            let next = known + "." + part
            guard reference.object(next) != nil || reference.field(next) != nil else {
                let names = reference.object(known)?.fields.map(\.name) ?? []
                let hint = Suggestion.closest(to: part, in: names).map { "did you mean \(known).\($0)? " } ?? ""
                let elsewhere = reference.objects(of: kind, withKey: part).first.map { "\(part) belongs under \($0). " } ?? ""
                return "\(known) has no field \"\(SafeText.line(part))\"; \(elsewhere)\(hint)Its fields are \(names.joined(separator: ", "))."
            }
            known = next
        }
        return "\(SafeText.line(path)) is a field with no fields of its own"
    }
}
