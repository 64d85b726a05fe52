import GTMLint

/// Builds the linter a session's settings describe.
enum LinterFactory {
    static func make(_ session: Session) throws(CommandFailure) -> Linter {
        Linter(limits: session.configuration.limits, validator: nil)
    }
}
