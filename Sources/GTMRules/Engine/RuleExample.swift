/// A workspace, written as a multi-document YAML text, that a rule must pass or fail.
/// In failing examples `↓` marks where each finding must be reported and `⤷` where each related
/// location (the other side of a contradiction) must point; the markers are removed before
/// parsing. Examples remember their source line, so a failing example points at itself.
/// An example of a rule about a change also has the workspace `before` it; `text` is then the
/// workspace after the change, and the markers refer to it.
public struct RuleExample: Sendable {
    public var text: String
    /// The earlier workspace, for rules about a change.
    public var before: String?
    /// The date rules treat as today (review staleness), `YYYY-MM-DD`.
    public var today: String
    /// Settings for this example, as in `.gtm.yaml` under the rule's id.
    public var settings: [String: RuleSetting.Value]
    public var file: String
    public var line: Int

    public init(
        _ text: String, before: String? = nil, today: String = "2026-11-01", settings: [String: RuleSetting.Value] = [:],
        file: String = #filePath, line: Int = #line
    ) {
        self.text = text
        self.before = before
        self.today = today
        self.settings = settings
        self.file = file
        self.line = line
    }

    /// The example as `gtm rules` shows it: the unmarked text, after its `before` for a change.
    public var documentation: String {
        guard let before else { return unmarked.text }
        return "# before\n" + before + "# after\n" + unmarked.text
    }

    /// The example text without markers, and the 1-based (line, column) of each marker.
    public var unmarked: (text: String, primary: [(Int, Int)], related: [(Int, Int)]) {
        var out = ""
        var primary: [(Int, Int)] = []
        var related: [(Int, Int)] = []
        var line = 1, column = 1
        for ch in text {
            switch ch {
            case "↓": primary.append((line, column))
            case "⤷": related.append((line, column))
            case "\n":
                out.append(ch)
                line += 1
                column = 1
            default:
                out.append(ch)
                column += 1
            }
        }
        return (out, primary, related)
    }
}
