import GTMCore
import GTMLint
import Testing

@Suite("Findings new against a base")
struct BaselineTests {
    func finding(_ rule: String, _ pointer: String, line: Int) -> Finding {
        Finding(rule: rule, severity: .error, message: "m", location: SourceLocation(path: "s.yaml", line: line, column: 1),
                pointer: JSONPointer(parsing: pointer), documentID: "s")
    }

    @Test func movedFindingIsNotNew() {
        let base = [finding("GTM201", "/buyers/buyingProcess", line: 10)]
        let now = [finding("GTM201", "/buyers/buyingProcess", line: 42), finding("GTM203", "/implementation", line: 50)]
        let (fresh, omitted) = Baseline.newFindings(now, base: base)
        #expect(fresh.map(\.rule) == ["GTM203"])
        #expect(omitted == 1)
    }
}
