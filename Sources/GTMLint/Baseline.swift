import GTMCore

/// Keeps only the findings that are new against a base revision. Findings are matched by
/// identity (rule, document id, JSON Pointer), never by line, so moving text around does not
/// make old findings look new; a finding that occurs more often than at the base counts the
/// extra occurrences as new.
public enum Baseline {
    public static func newFindings(_ current: [Finding], base: [Finding]) -> (new: [Finding], omitted: Int) {
        var remaining: [FindingIdentity: Int] = [:]
        for f in base { remaining[f.identity, default: 0] += 1 }
        var fresh: [Finding] = []
        var omitted = 0
        for f in current.sorted() {
            if let n = remaining[f.identity], n > 0 {
                remaining[f.identity] = n - 1
                omitted += 1
            } else {
                fresh.append(f)
            }
        }
        return (fresh, omitted)
    }
}
