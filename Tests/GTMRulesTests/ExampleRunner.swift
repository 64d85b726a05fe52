import GTMCore
import GTMModel
import GTMRules
import YAMLSource

/// Runs one rule over one example and returns its findings, or a description of why the
/// example itself is broken (a rule example must be valid YAML made of strategy documents).
enum ExampleRunner {
    static func run(_ type: any Rule.Type, _ example: RuleExample) throws -> [Finding] {
        let documents = try documents(of: example)
        guard let today = CalendarDate(iso: example.today) else { throw ExampleError("bad today \(example.today)") }
        let context = RuleContext(
            workspace: Workspace(documents: documents), description: type.description,
            settings: example.settings, today: today
        )
        return type.init().check(context)
    }

    /// The example's unmarked text as documents, as a file named `example.yaml` would be read.
    static func documents(of example: RuleExample) throws -> [GTMDocument] {
        let file = YAMLLoader.load(Array(example.unmarked.text.utf8), path: "example.yaml")
        if let problem = file.problems.first {
            throw ExampleError("example does not parse: \(problem.mark.line):\(problem.mark.column): \(problem.message)")
        }
        var documents: [GTMDocument] = []
        for yaml in file.documents {
            switch DocumentReader.read(yaml) {
            case .document(let d): documents.append(d)
            case .rejected(let f): throw ExampleError("example document rejected: \(f.location): \(f.message)")
            }
        }
        return documents
    }
}

struct ExampleError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
