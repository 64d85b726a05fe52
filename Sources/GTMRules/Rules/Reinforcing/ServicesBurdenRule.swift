import GTMCore
import GTMModel

/// Services eat the margin that software economics depend on, unless they are a business of
/// their own.
struct ServicesBurdenRule: Rule {
    static let description = RuleDescription(
        id: "GTM208",
        name: "services-burden",
        severity: .warning,
        summary: "Services the customer needs are given away, sold at cost while heavy, or leave less gross margin than the model needs.",
        rationale: """
            Seed 003 lists the services burden among the economics that must work and asks \
            whether customer success and services economics fit the margin model. Services \
            priced with a margin are a business of their own and no burden. The burden is the \
            services a customer cannot start without, given away or included for free; a heavy \
            services model sold at cost, which earns nothing on the people it ties up; and, \
            where services are not priced with a margin, a services cost that leaves less gross \
            margin than the model needs.
            """,
        seeds: ["003"],
        settings: [RuleSetting("min-margin-after-services", .number(50), "Smallest gross margin, in percent, left after services.")],
        passing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {grossMarginPercent: 80, servicesCostPercent: 10}\n"),
            // Implementation is required, and sold with a margin: a business, not a burden.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: gtm-fit
                motion: {primary: field-sales}
                implementation: {onboardingDays: 90, servicesRequired: true, servicesModel: heavy, servicesPaid: true, servicesPricing: with-margin}
                economics: {grossMarginPercent: 72, servicesCostPercent: 30}
                """),
            // Optional light services given away to help a team start are not a burden.
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nimplementation: {servicesRequired: false, servicesModel: light, servicesPaid: false, servicesPricing: free}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {grossMarginPercent: ⤷75, servicesCostPercent: ↓35}\n"),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\neconomics: {grossMarginPercent: ⤷80, servicesCostPercent: ↓15}\n",
                        settings: ["min-margin-after-services": .number(70)]),
            // Customers cannot start without services, and nobody pays for them.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                implementation:
                  onboardingDays: 45
                  servicesRequired: ⤷true
                  servicesPaid: ↓false
                """),
            // A heavy services model sold at cost, and the margin left after it is too thin.
            RuleExample("""
                apiVersion: gtm/v2
                kind: Strategy
                id: s
                owner: {role: ceo, name: Dana Reyes}
                stage: product-market-fit
                implementation: {servicesModel: ⤷heavy, servicesPaid: true, servicesPricing: ⤷at-cost}
                economics: {grossMarginPercent: ⤷70, servicesCostPercent: ↓25.5}
                """),
            RuleExample("apiVersion: gtm/v2\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nimplementation: {servicesModel: ⤷heavy, servicesPricing: ↓at-cost}\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let pricing = strategy[.servicesPricing]
        let paid = strategy[.servicesPaid]
        // Services sold with a margin pay for themselves.
        if pricing.string == "with-margin" && paid.bool != false { return [] }
        let required = strategy[.servicesRequired]
        let model = strategy[.servicesModel]
        let needed = required.bool == true || model.string == "heavy"
        let neededRef = required.bool == true ? required : model
        let neededNote = required.bool == true ? "customers cannot start without services here" : "the services model is heavy here"

        // The choice about how services are sold, when it is a burden.
        var burden: (ref: NodeRef, words: String, cost: String, related: [(NodeRef, String)])?
        if needed, paid.bool == false || pricing.string == "free" {
            let ref = paid.bool == false ? paid : pricing
            let what = required.bool == true ? "customers cannot start without services" : "the services model is heavy"
            burden = (ref, "\(what), yet the services are given away", "every implementation is paid out of the software margin", [(neededRef, neededNote)])
        } else if model.string == "heavy", pricing.string == "at-cost" {
            burden = (pricing, "the services model is heavy and sold at cost", "every implementation ties up people and earns nothing on their time", [(model, "the services model is heavy here")])
        }
        let remedy = "either price implementation with a margin, or make the product need less of it"

        let margin = strategy[.grossMarginPercent]
        let services = strategy[.servicesCostPercent]
        if let m = margin.number, let s = services.number {
            let left = m - s, minimum = context.number("min-margin-after-services")
            if left < minimum {
                var related: [(NodeRef, String)] = [(margin, "the gross margin is \(Wording.number(m)) % here")]
                var why = ""
                if let burden {
                    why = ", and \(burden.words)"
                    related.append((burden.ref, burden.ref.pointer == pricing.pointer ? "services are sold \(pricing.string == "free" ? "for free" : "at cost") here" : "customers do not pay for services here"))
                    related += burden.related
                }
                return [context.finding(
                    "services cost \(Wording.number(s)) % of revenue and leave \(Wording.number(left, beside: minimum, atLeast: 2)) % gross margin, under the \(Wording.number(minimum)) % the model needs\(why): \(remedy)",
                    at: services, related: related)]
            }
        }
        guard let burden else { return [] }
        return [context.finding(
            "\(burden.words): \(burden.cost); \(remedy)",
            at: burden.ref, related: burden.related)]
    }
}
