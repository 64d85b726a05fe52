/// YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`), as YAML 1.1 processors and the merge-key
/// convention of YAML 1.2 tools apply them: CI and compose files share settings this way, and a
/// linter that read `<<` as a literal key would judge a document nobody meant.
///
/// Merging only picks entries out of mappings already built (and already counted against
/// `limits.max-nodes` as the `<<` value), so it never makes a document larger than the budget
/// has already paid for: an alias bomb written through `<<` is refused like any other.
enum MergeKeys {
    static let mergeTag = "tag:yaml.org,2002:merge"

    /// A plain `<<`, or `!!merge <<`; a quoted `"<<"` is an ordinary key.
    static func isMergeKey(_ key: NodeRecord, in tree: NodeTree) -> Bool {
        switch key.kind {
        // Most keys are plain scalars: their bytes are compared, no `String` made.
        case .scalar: return key.style == .plain && key.count == 2 && tree.text(of: key, is: "<<")
        case .extra: return tree.keyText(key) == "<<" && tree.extras[Int(key.payload)].tag == mergeTag
        case .sequence, .mapping: return false
        }
    }

    /// The mappings a `<<` value names, in order, and a problem at the position of each item
    /// that is not a mapping (that item is left out; the rest still merge).
    static func sources(of value: YAMLNode) -> (mappings: [YAMLNode], problems: [YAMLProblem]) {
        switch value.content {
        case .mapping:
            return ([value], [])
        case .sequence(let items):
            var mappings: [YAMLNode] = []
            var problems: [YAMLProblem] = []
            for item in items {
                if item.mapping != nil {
                    mappings.append(item)
                } else {
                    problems.append(YAMLProblem(
                        .badMerge,
                        "each item of a merge list `<<: [...]` must be a mapping (such as an alias *defaults to one), not \(item.kindDescription)",
                        at: item.mark))
                }
            }
            return (mappings, problems)
        case .scalar:
            return ([], [YAMLProblem(
                .badMerge,
                "the merge key `<<` takes a mapping or a list of mappings (such as *defaults or [*a, *b]), not \(value.kindDescription); quote it as \"<<\" for a literal key",
                at: value.mark)])
        }
    }

    /// The entries the merged mappings bring to a mapping whose own keys are `taken`, in
    /// order: keys written in the mapping itself win over merged ones, and earlier mappings of
    /// a list win over later ones. The caller splices them in where `<<` was written. Merged
    /// entries keep the positions they were written at, inside the anchored mapping, so
    /// findings about them point at real text.
    static func apply(_ sources: [YAMLNode], taken: inout Set<String>) -> [YAMLMappingEntry] {
        var merged: [YAMLMappingEntry] = []
        for source in sources {
            for entry in source.mapping ?? [] {
                // A complex key was reported where it was written; it has no text to compare.
                guard let text = entry.keyText else { continue }
                if taken.insert(text).inserted { merged.append(entry) }
            }
        }
        return merged
    }
}
