import GTMCore
import GTMModel
import GTMRules
import YAMLSource

/// Runs one rule over one example and returns its findings, or a description of why the
/// example itself is broken (a rule example must be valid YAML made of strategy documents).
enum ExampleRunner {
    static func run(_ type: any Rule.Type, _ example: RuleExample) throws -> [Finding] {
        guard let today = CalendarDate(iso: example.today) else { throw ExampleError("bad today \(example.today)") }
        var context = RuleContext(
            workspace: Workspace(documents: try documents(example.unmarked.text)), description: type.description,
            settings: example.settings, today: today
        )
        if let before = example.before {
            context.change = ChangeSet(from: Workspace(documents: try documents(before)), to: context.workspace)
        }
        return type.init().check(context)
    }

    /// Every document of an example, after and (for a change) before, as a file named
    /// `example.yaml` would be read.
    static func documents(of example: RuleExample) throws -> [GTMDocument] {
        try documents(example.unmarked.text) + (example.before.map(documents) ?? [])
    }

    static func documents(_ text: String) throws -> [GTMDocument] {
        let file = YAMLLoader.load(Array(text.utf8), path: "example.yaml")
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
