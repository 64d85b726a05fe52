@testable import GTMModel
import Testing

/// Two versions of an ICP compared by meaning, not by list position or string.
@Suite("ICP changes read by meaning")
struct MeaningTests {
    static func profile(_ firmographic: String, accounts: Int? = nil) -> ICPProfile {
        let text = "apiVersion: gtm/v1\nkind: Segment\nid: s\nfirmographic: \(firmographic)\n" + (accounts.map { "accounts: {estimated: \($0)}\n" } ?? "")
        return ICPProfile(workspace(["s.yaml": text]).documents[0])
    }

    /// The profile reads each criterion where `SegmentFields` puts it: every field set to a
    /// value of its own, and each read back as the field's path finds it in the document.
    @Test func theProfileReadsTheFieldsItNames() throws {
        let text = """
            apiVersion: gtm/v2
            kind: Segment
            id: s
            firmographic:
              regions: [Germany]
              industries: [Regional Banks]
              employees: {min: 51, max: 502}
              annualRevenue: {min: {amount: 1003, currency: EUR}, max: {amount: 20004, currency: EUR}}
            technographic: {uses: [Kubernetes]}
            accounts: {estimated: 605}

            """
        let document = try #require(workspace(["s.yaml": text]).documents.first)
        let profile = ICPProfile(document)
        func number(_ field: Field) -> Double? { document.root.node(at: field.tokens)?.number }
        func strings(_ field: Field) -> [String]? { document.root.node(at: field.tokens)?.strings }
        #expect(profile.employees == ICPProfile.Interval(min: try #require(number(.employeesMin)), max: try #require(number(.employeesMax))))
        #expect(profile.revenue == ICPProfile.Interval(min: try #require(number(.revenueMinAmount)), max: try #require(number(.revenueMaxAmount))))
        #expect(profile.accounts == number(.accountsEstimated))
        #expect(profile.industryTexts == strings(.industries))
        #expect(profile.regionTexts == strings(.regions))
        #expect(profile.technologies == Set((try #require(strings(.technologiesUsed))).map(Regions.normalise)))
        #expect(profile.industries == ["regional banks"])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var before: String
        var after: String
        var scope: Scope
        var larger: Bool = false
        var testDescription: String { "\(before) → \(after)" }
    }

    @Test(arguments: [
        // Regions by containment: five states are inside the country.
        Case(before: "{regions: [US-NY, US-NJ, US-CT, US-PA, US-MA]}", after: "{regions: [US, Mexico]}", scope: .broadened),
        Case(before: "{regions: [United States]}", after: "{regions: [California, Texas]}", scope: .narrowed),
        Case(before: "{regions: [US, MX]}", after: "{regions: [USA, Canada]}", scope: .shifted),
        Case(before: "{regions: [DACH]}", after: "{regions: [Germany, Austria, Switzerland]}", scope: .same),
        Case(before: "{regions: [US]}", after: "{regions: [DE]}", scope: .retargeted),
        // Industries as sets.
        Case(before: "{industries: [regional banks]}", after: "{industries: [regional banks, credit unions]}", scope: .broadened),
        Case(before: "{industries: [fintech]}", after: "{industries: [healthcare]}", scope: .retargeted),
        Case(before: "{industries: [regional banks]}", after: "{industries: [banks]}", scope: .broadened),
        // Sizes by overlap; moving up is toward larger companies.
        Case(before: "{employees: {min: 50, max: 500}}", after: "{employees: {min: 200, max: 2000}}", scope: .shifted, larger: true),
        Case(before: "{employees: {min: 50, max: 500}}", after: "{employees: {min: 5000}}", scope: .retargeted, larger: true),
        Case(before: "{employees: {min: 50, max: 500}}", after: "{employees: {min: 10, max: 1000}}", scope: .broadened),
        Case(before: "{employees: {min: 50, max: 500}}", after: "{employees: {min: 100, max: 300}}", scope: .narrowed),
        // Mixed directions are a shift.
        Case(before: "{regions: [US], industries: [banks]}", after: "{regions: [US, CA], industries: [credit unions, banks, insurers]}", scope: .broadened),
        Case(before: "{regions: [US], industries: [banks, insurers]}", after: "{regions: [US, CA], industries: [banks]}", scope: .shifted),
    ])
    func compares(_ c: Case) {
        let comparison = Self.profile(c.before).compare(to: Self.profile(c.after))
        #expect(comparison.scope == c.scope, "\(comparison.dimensions)")
        #expect(comparison.towardLarger == c.larger)
    }

    /// Every list of up to three dimensions' scopes: a re-targeting re-targets, one way of
    /// moving is that way, several ways shift, nothing moved is the same.
    static let scopeLists: [[Scope]] = {
        let all: [Scope] = [.same, .narrowed, .broadened, .shifted, .retargeted]
        var lists: [[Scope]] = [[]]
        for _ in 0..<3 { lists += lists.filter { $0.count == lists.last!.count }.flatMap { list in all.map { list + [$0] } } }
        return lists
    }()

    @Test func dimensionsCombineAsTheWaysTheyMoved() {
        #expect(Self.scopeLists.count == 1 + 5 + 25 + 125)
        for scopes in Self.scopeLists {
            let moved = Set(scopes.filter { $0 != .same })
            let expected: Scope = moved.isEmpty ? .same : moved.contains(.retargeted) ? .retargeted : moved.count == 1 ? moved.first! : .shifted
            #expect(Scope.combine(scopes) == expected, "\(scopes)")
        }
    }

    @Test func oneSentenceForTheWholeChange() {
        let before = Self.profile("{industries: [regional banks], regions: [US-NY, US-NJ, US-CT, US-PA, US-MA]}", accounts: 600)
        let after = Self.profile("{industries: [banks, credit unions], regions: [US, Mexico]}", accounts: 4000)
        #expect(before.compare(to: after).sentence
            == "the ICP went from 600 accounts, regional banks in 5 US states to 4,000 accounts, banks and credit unions in US and Mexico (broadened)")
    }
}
