import Testing
import GTMModel
import YAMLSource

/// A gtm/v1 document is read as gtm/v2 through the rewrites `gtm migrate` writes: the way a
/// kind with no rewrite of its own is upgraded (the version alone) gives the same tree.
@Suite("gtm/v1 documents upgraded")
struct ModelUpgradeTests {
    static let texts: [(DocumentKind, String)] = [
        (.segment, "apiVersion: gtm/v1\nkind: Segment\nid: s\nname: S\naccounts: {estimated: 800}\n"),
        (.marketingPlan, "kind: MarketingPlan\napiVersion:   gtm/v1   # spaced\nid: m\n"),
        (.productPlan, "apiVersion: \"gtm/v1\"\nkind: ProductPlan\nid: p\n"),
        (.successPlan, "{apiVersion: gtm/v1, kind: SuccessPlan, id: c}\n"),
        (.segment, "kind: Segment\nid: without-a-version\n"),
        (.strategy, "apiVersion: gtm/v1\nkind: Strategy\nid: x\nmotion: {primary: sales-led}\npricing: {acv: {amount: 80000}}\n"),
        (.salesPlan, "apiVersion: gtm/v1\nkind: SalesPlan\nid: y\nmotion: enterprise\n"),
    ]

    @Test(arguments: texts.indices)
    func readsAsItsRewritesMakeIt(_ i: Int) throws {
        let (kind, text) = Self.texts[i]
        let root = try #require(YAMLLoader.load(Array(text.utf8), path: "d.yaml").documents.first).root
        let rewrites = ModelUpgrade.rewrites(root, kind: kind, version: .v1)
        let expected = root.replacing(rewrites.map { ($0.pointer.tokens[...], $0.replacement) })
        let upgraded = ModelUpgrade.upgraded(root, kind: kind, version: .v1)
        #expect(upgraded == expected)
        #expect(upgraded["apiVersion"]?.string == (root["apiVersion"] == nil ? nil : "gtm/v2"))
        #expect(ModelUpgrade.upgraded(upgraded, kind: kind, version: .v2) == upgraded)
    }
}
