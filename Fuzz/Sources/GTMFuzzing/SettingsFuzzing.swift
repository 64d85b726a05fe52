import GTMLint
import GTMRules

/// The settings, `.gtm.yaml`, as every command reads them: the rules they configure and the
/// waivers they grant judge a fixed strategy, and what they loosen against the defaults (and
/// the defaults against them) is worked out as `gtm review` does for a pull request.
enum SettingsFuzzing {
    static func run(_ body: [UInt8]) {
        guard let (configuration, _) = try? Configuration.load(bytes: body, path: Configuration.fileName) else { return }
        let linter = Linter(limits: configuration.limits, validator: FuzzWorld.catalog,
                            rules: RuleEngine(rules: configuration.rules, today: FuzzWorld.today), waivers: configuration.waivers)
        _ = linter.lint([FuzzWorld.strategy])
        _ = SettingsDiff.loosenings(base: FuzzWorld.rules, head: configuration.rules, baseWaivers: Waivers(),
                                    headWaivers: configuration.waivers, settingsPath: Configuration.fileName)
        _ = SettingsDiff.loosenings(base: configuration.rules, head: FuzzWorld.rules, baseWaivers: configuration.waivers,
                                    headWaivers: Waivers(), settingsPath: Configuration.fileName)
    }
}
