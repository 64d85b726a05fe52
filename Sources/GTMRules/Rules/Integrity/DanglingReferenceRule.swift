import GTMCore
import GTMModel

/// References hold the strategy together; a broken one silently disconnects a plan from it.
struct DanglingReferenceRule: Rule {
    static let description = RuleDescription(
        id: "GTM001",
        name: "dangling-reference",
        severity: .error,
        summary: "A reference names a document that does not exist, or one whose id is used twice.",
        rationale: """
            The hierarchy of seed 004 (business, GTM strategy, functional strategies) only holds \
            when each plan points at the strategy and segments it executes; a reference that \
            resolves to nothing, or to two documents, breaks that chain.
            """,
        seeds: ["004"],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nbeachhead: smb\n---\napiVersion: gtm/v1\nkind: Segment\nid: smb\n---\napiVersion: gtm/v1\nkind: SalesPlan\nid: p\nstrategy: s\nsegments: [smb]\n"),
        ],
        failing: [
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ↓smbb
                ---
                apiVersion: gtm/v1
                kind: Segment
                id: smb
                ---
                apiVersion: gtm/v1
                kind: SalesPlan
                id: p
                strategy: ↓strat
                segments: [smb, ↓nowhere]
                """),
            RuleExample("""
                apiVersion: gtm/v1
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                beachhead: ↓smb
                ---
                apiVersion: gtm/v1
                kind: Segment
                id: ⤷smb
                ---
                apiVersion: gtm/v1
                kind: Segment
                id: ⤷smb
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        context.workspace.references.compactMap { reference in
            let ref = reference.place, kind = reference.kind, id = reference.id
            switch context.workspace.resolve(id, kind: kind) {
            case .found:
                return nil
            case .missing:
                let known = context.workspace.documents(of: kind).compactMap(\.id)
                let hint = Suggestion.closest(to: id, in: known).map { "; did you mean \"\($0)\"?" } ?? ""
                return context.finding("no \(kind.rawValue) with id \"\(id)\"\(hint)", at: ref)
            case .ambiguous(let docs):
                return context.finding(
                    "\"\(id)\" is ambiguous: \(docs.count) \(kind.rawValue) documents have this id", at: ref,
                    related: docs.map { ($0[.id(of: $0.kind)], "\($0.displayName) is defined here") })
            }
        }
    }
}
