import GTMCore
import GTMHistory
import GTMModel

/// Every output format gtm writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, markdown, github, sarif, html

    /// How `--help` describes the format.
    public var summary: String {
        switch self {
        case .text: "text"
        case .json: "json"
        case .markdown: "markdown (a pull-request comment or a wiki page)"
        case .github: "github (workflow annotations)"
        case .sarif: "sarif (SARIF 2.1.0, for code scanning)"
        case .html: "html (one page that opens offline and prints)"
        }
    }
}

/// What renderers may need besides their subject.
public struct RenderContext: Sendable {
    /// Colour on a terminal (text only).
    public var colour: Bool
    /// Rule metadata, for formats that describe the rules they cite (SARIF).
    public var rules: [RuleMetadata]
    public var toolVersion: String
    /// A reported path as the repository root sees it, for formats read by CI services
    /// (GitHub annotations, SARIF), whichever folder gtm ran in.
    public var fromRoot: @Sendable (String) -> String

    public init(colour: Bool = false, rules: [RuleMetadata] = [], toolVersion: String = "", fromRoot: @escaping @Sendable (String) -> String = { $0 }) {
        self.colour = colour
        self.rules = rules
        self.toolVersion = toolVersion
        self.fromRoot = fromRoot
    }
}

/// The formats one kind of output offers and how each is rendered: the one place a command's
/// `--format` values, its help text and its renderers come from.
public struct FormatTable<Subject>: Sendable {
    public typealias Render = @Sendable (Subject, RenderContext) -> String
    let entries: [(format: OutputFormat, render: Render)]

    init(_ entries: [(OutputFormat, Render)]) {
        self.entries = entries.map { (format: $0.0, render: $0.1) }
    }

    public var formats: [OutputFormat] { entries.map(\.format) }

    /// `Output format: text, json or markdown.`
    public var help: String {
        let names = formats.map(\.summary)
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
        return "Output format: \(list)."
    }

    /// The rendered subject, or nil when this output has no such format.
    public func render(_ subject: Subject, as format: OutputFormat, context: RenderContext) -> String? {
        entries.first { $0.format == format }?.render(subject, context)
    }
}

/// The registry of formats, one table per kind of output.
public enum Formats {
    /// Findings of `gtm check` and `gtm validate`.
    public static let findings = FormatTable<Report>([
        (.text, { TextReporter(colour: $1.colour).render($0) }),
        (.json, { report, _ in JSONReporter().render(report) }),
        (.markdown, { report, _ in MarkdownReporter().render(report) }),
        (.github, { GitHubReporter(fromRoot: $1.fromRoot).render($0) }),
        (.sarif, { SARIFReporter(rules: $1.rules, toolVersion: $1.toolVersion, fromRoot: $1.fromRoot).render($0) }),
    ])

    public static let review = FormatTable<Review>([
        (.text, { review, _ in ReviewRenderer.text(review) }),
        (.json, { review, _ in ReviewRenderer.json(review) }),
        (.markdown, { review, _ in ReviewRenderer.markdown(review) }),
        (.github, { ReviewRenderer.github($0, fromRoot: $1.fromRoot) }),
        (.sarif, { ReviewRenderer.sarif($0, rules: $1.rules, version: $1.toolVersion, fromRoot: $1.fromRoot) }),
    ])

    public static let log = FormatTable<LogResult>([
        (.text, { log, _ in LogRenderer.text(log) }),
        (.json, { log, _ in LogRenderer.json(log) }),
        (.markdown, { log, _ in LogRenderer.markdown(log) }),
    ])

    public static let bugs = FormatTable<BugReport>([
        (.text, { bugs, _ in BugRenderer.text(bugs) }),
        (.json, { bugs, _ in BugRenderer.json(bugs) }),
        (.markdown, { bugs, _ in BugRenderer.markdown(bugs) }),
    ])

    public static let diff = FormatTable<[SemanticChange]>([
        (.text, { changes, _ in DiffRenderer.text(changes) }),
        (.json, { changes, _ in DiffRenderer.json(changes) }),
        (.markdown, { changes, _ in DiffRenderer.markdown(changes) }),
    ])

    /// The field reference of `gtm schema`, rendered by the command from the schemas.
    public static let schema = FormatTable<SchemaPage>([
        (.text, { page, _ in page.text }),
        (.markdown, { page, _ in page.markdown }),
    ])

    /// The strategy as one page (`gtm report`).
    public static let report = FormatTable<StrategyPage>([
        (.html, { page, _ in HTMLRenderer.render(page) }),
        (.markdown, { page, _ in MarkdownPage.render(page) }),
    ])

    public static let rules = FormatTable<RuleListing>([
        (.text, { listing, _ in listing.explain ? RuleDocumentation.explain(listing.rules[0]) : RuleDocumentation.table(listing.rules) }),
        (.json, { listing, _ in RuleDocumentation.json(listing.rules) }),
        (.markdown, { listing, _ in RuleDocumentation.markdownTable(listing.rules) }),
    ])
}

/// A page of the field reference in the formats `gtm schema` writes.
public struct SchemaPage: Sendable {
    public var text: String
    public var markdown: String

    public init(text: String, markdown: String) {
        self.text = text
        self.markdown = markdown
    }
}
