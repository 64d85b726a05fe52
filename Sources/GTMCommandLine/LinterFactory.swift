import GTMCore
import GTMLint
import GTMRules
import GTMSystem

/// Builds the linter a session's settings describe.
enum LinterFactory {
    /// The linter, and the findings about the schemas it was built from, which belong in the
    /// same report as the settings' own findings.
    static func make(
        _ session: Session, today: CalendarDate, history: (any ChangeHistory)? = nil,
        prepared: SchemaCatalog.PreparedBuiltIn? = nil
    ) throws(CommandFailure) -> (Linter, [Finding]) {
        let configuration = session.configuration
        let (catalog, schemaFindings) = SchemaCatalog.load(
            from: session.snapshot, folder: configuration.schemaFolder,
            displayFolder: session.display(configuration.schemaFolder),
            loader: configuration.schemaLoader(snapshot: session.snapshot),
            options: configuration.validatorOptions, maxFileSize: configuration.limits.maxFileSize,
            prepared: prepared)
        let linter = Linter(
            limits: configuration.limits,
            validator: catalog,
            rules: { var engine = RuleEngine(rules: configuration.rules, today: today); engine.history = history; return engine }(),
            waivers: configuration.waivers
        )
        return (linter, schemaFindings)
    }

    /// Today in UTC, or the `--today` the user gave (for reproducible runs and tests).
    static func today(_ override: String?) throws(CommandFailure) -> CalendarDate {
        guard let override else { return CalendarDate(unixTime: ProcessServices.unixTime()) }
        guard let date = CalendarDate(iso: override) else {
            throw CommandFailure(message: "--today expects a date YYYY-MM-DD, got \"\(override)\"")
        }
        return date
    }
}
