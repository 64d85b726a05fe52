/// The versions of the strategy model. Documents say theirs in `apiVersion`; gtm reads every
/// version it has known, by upgrading older documents in memory to the current one, so the
/// rules only ever know one model, and `gtm migrate` writes the same upgrade to disk.
public enum ModelVersion: String, Sendable, Hashable, CaseIterable, Comparable {
    case v1 = "gtm/v1"
    case v2 = "gtm/v2"

    /// The version this release writes and its schemas describe.
    public static let current = ModelVersion.v2

    public static func < (a: ModelVersion, b: ModelVersion) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Every version, for messages: "gtm/v1, gtm/v2".
    public static var known: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
