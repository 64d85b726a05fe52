import GTMCore
import GTMModel
import GTMRules
import Testing

/// Four strategies real companies could have written, each coherent as it stands, and each
/// changed the way such a company drifts: the rules about states must say nothing about the
/// coherent ones (no over-firing on hybrids, paid services, learning hires, partner-led scale)
/// and catch exactly the contradiction each change brings.
@Suite("Strategies of real companies")
struct CompanyStrategyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// Each finding expected, as rule, document id and pointer.
        var expected: [String]
        var testDescription: String { name }
    }

    static let today = CalendarDate(iso: "2026-11-01")!

    static var cases: [Case] {
        [
            Case(name: "Tallyworks: product-led with a sales-assisted quote-only enterprise tier", text: tallyworks, expected: []),
            Case(name: "Tallyworks: the enterprise tier left to the product-led motion",
                 text: tallyworks.replacing("{name: Enterprise, quoteOnly: true, motion: sales-assisted,", with: "{name: Enterprise, quoteOnly: true,"),
                 expected: ["GTM204 tallyworks /pricing/plans/1/quoteOnly"]),
            Case(name: "Tallyworks: the beachhead segment buys through procurement",
                 text: tallyworks.replacing("buyers: {committeeSize: 3, buyingProcess: team-purchase}", with: "buyers: {committeeSize: 3, buyingProcess: procurement-led}"),
                 expected: ["GTM201 midmarket-finance-teams /buyers/buyingProcess"]),
            Case(name: "Tallyworks: the sales plan works a segment the sequence has not unlocked",
                 text: tallyworks.replacing("segments: [midmarket-finance-teams]\nmotion: sales-assisted", with: "segments: [midmarket-finance-teams, listed-companies]\nmotion: sales-assisted"),
                 expected: ["GTM227 tallyworks /sequence/1/unlocks/target"]),

            Case(name: "Dispatchly: inside sales to HVAC contractors, two reps hired to learn", text: dispatchly, expected: []),
            Case(name: "Dispatchly: marketing campaigns in the segment the sequence unlocks next",
                 text: dispatchly.replacing("- {name: Heat-pump season, segment: hvac-contractors", with: "- {name: Heat-pump season, segment: plumbing-contractors"),
                 expected: ["GTM227 dispatchly /sequence/1/unlocks/target"]),
            Case(name: "Dispatchly: sales targets more accounts than the segment holds",
                 text: dispatchly.replacing("{name: accounts-targeted, target: 600, unit: accounts}", with: "{name: accounts-targeted, target: 1500, unit: accounts}"),
                 expected: ["GTM310 sales-2027 /metrics/0/target"]),
            Case(name: "Dispatchly: six sellers hired before the two hired reps close",
                 text: dispatchly.replacing("hiring: {salesReps: 2, playbookBased: false}", with: "hiring: {salesReps: 6, playbookBased: false}"),
                 expected: ["GTM211 dispatchly /hiring", "GTM227 dispatchly /sequence/0/unlocks/target"]),
            Case(name: "Dispatchly at problem-solution fit: not asked for NRR",
                 text: dispatchly.replacing("stage: product-market-fit", with: "stage: problem-solution-fit")
                    .replacing(Self.dispatchlyMetrics, with: "metrics:\n  - {name: activation, stage: conversion, target: 40, unit: percent}\n  - {name: pipeline, stage: pipeline, target: 60, unit: demos}\n"),
                 expected: []),

            Case(name: "Vaultline: field sales to regional banks, implementation sold with a margin", text: vaultline, expected: []),
            Case(name: "Vaultline: a heavy implementation sold at cost",
                 text: vaultline.replacing("servicesPricing: with-margin", with: "servicesPricing: at-cost"),
                 expected: ["GTM208 vaultline /implementation/servicesPricing"]),
            Case(name: "Vaultline: customer success aims below the strategy's retention",
                 text: vaultline.replacing("{name: grr, label: Gross revenue retention, target: 95", with: "{name: grr, label: Gross revenue retention, target: 90"),
                 expected: ["GTM310 success-2027 /metrics/0/target"]),

            Case(name: "Crewbook: partner-led at GTM fit", text: crewbook, expected: []),
            Case(name: "Crewbook: resellers active while direct sales is still being proven",
                 text: crewbook.replacing("status: done\n    evidence: {kind: customer-data, summary: 120 restaurants", with: "status: current\n    evidence: {kind: customer-data, summary: 120 restaurants"),
                 expected: ["GTM227 crewbook /sequence/0/unlocks/target"]),
        ]
    }

    @Test(arguments: cases)
    func findings(_ c: Case) throws {
        let documents = try ExampleRunner.documents(c.text)
        let schemaFindings = documents.flatMap { ExampleSchemaValidityTests.catalog.0.validate($0).findings }
        #expect(schemaFindings.isEmpty, "not valid against the schemas: \(schemaFindings.map { "\($0.location.line):\($0.location.column): \($0.message)" })")
        let workspace = Workspace(documents: documents)
        var findings: [Finding] = []
        for rule in RuleCatalog.all where rule.description.kind == .state {
            let context = RuleContext(workspace: workspace, description: rule.description, today: Self.today)
            findings += rule.init().check(context)
        }
        let actual = findings.map { "\($0.rule) \($0.documentID ?? "?") \($0.pointer?.description ?? "")" }.sorted()
        #expect(actual == c.expected.sorted(), "\(findings.map { "\($0.rule) \($0.location.line):\($0.location.column) \($0.message)" }.joined(separator: "\n"))")
    }

    // MARK: - The companies

    /// Close management for mid-market finance teams: a product-led team tier, and a quote-only
    /// enterprise tier sold by account managers (sales-assisted), at GTM fit.
    static let tallyworks = """
        apiVersion: gtm/v2
        kind: Strategy
        id: tallyworks
        name: Tallyworks go-to-market strategy
        owner: {role: ceo, name: Priya Natarajan}
        stage: gtm-fit
        stageEvidence: {kind: customer-data, summary: Sellers hired last year reached quota within two quarters on the same playbook, sampleSize: 6}
        review: {cadence: quarterly, reviewed: 2026-10-15}
        beachhead: midmarket-finance-teams
        problem:
          statement: Finance teams at growing software companies close the month late because reconciliations live in spreadsheets.
          whyNow: Auditors now expect the monthly close within ten working days.
          costOfInaction: Two senior accountants spend the first week of every month on reconciliations.
        buyers:
          economicBuyer: controller
          champion: senior accountant
          committeeSize: 3
          buyingProcess: team-purchase
          salesCycleDays: 21
          feelsPain: senior accountant
          funds: the finance budget, owned by the controller
          blocks: IT security
        positioning:
          statement: Tallyworks reconciles accounts every day so finance teams close the month in days, not weeks.
          promises:
            - {id: daily-reconciliation, claim: Accounts reconciled every day instead of at month end}
            - {id: audit-trail, claim: Every adjustment traceable for the auditor}
          alternatives:
            - {name: Spreadsheets and a close checklist, kind: spreadsheet, whyWeWin: No copying and pasting at month end}
            - {name: Closing late and living with it, kind: do-nothing, whyWeWin: Five days back every month}
        motion:
          primary: product-led
          secondary: [sales-assisted]
          playbook:
            repeatable: true
            evidence: {kind: customer-data, summary: Two account managers closed 31 enterprise upgrades without the founders last quarter, figure: 31, sampleSize: 31, date: 2026-09-30}
        pricing:
          model: tiered
          acv: {amount: 14000, currency: USD}
          plans:
            - {name: Team, price: {amount: 600, currency: USD}, period: month, segment: midmarket-finance-teams}
            - {name: Enterprise, quoteOnly: true, motion: sales-assisted, acv: {amount: 55000, currency: USD}}
        implementation:
          onboardingDays: 7
          servicesRequired: false
          servicesModel: light
          servicesPaid: true
          servicesPricing: with-margin
        distribution:
          advantage: Accounting firms recommend the tool to the finance teams they audit.
          channels:
            - {id: trial, name: Free trial, kind: product, evidence: {kind: customer-data, summary: 62 % of paying teams started in the trial, figure: 62, sampleSize: 400}, stage: active}
            - {id: accountants, name: Accounting-firm referrals, kind: referral, evidence: {kind: customer-data, summary: 18 firms referred 140 teams last year}, stage: active}
        economics:
          acv: {amount: 14000, currency: USD}
          cac: {amount: 9000, currency: USD}
          paybackMonths: 9
          ltv: {amount: 60000, currency: USD}
          grossMarginPercent: 82
          servicesCostPercent: 4
        hiring: {salesReps: 3, playbookBased: true}
        sequence:
          - step: Win mid-market finance teams through the trial.
            status: done
            evidence: {kind: customer-data, summary: 400 paying teams with 94 % gross retention, sampleSize: 400}
            unlocks: {kind: motion, target: sales-assisted}
          - step: Sell the enterprise tier through account managers.
            status: current
            evidence: {kind: customer-data, summary: 50 enterprise upgrades with sales cycles under 60 days}
            unlocks: {kind: segment, target: listed-companies}
        exclusions:
          - {id: bookkeeping-agencies, what: Bookkeeping agencies reselling the tool, reason: They churn with their clients.}
        experiments:
          - {id: annual-prepay, hypothesis: An annual prepay discount lifts trial conversion, metric: trial to paid conversion, threshold: under 2 points of lift falsifies it, status: running}
        metrics:
          - {name: arr, target: 9000000, unit: USD}
          - {name: acv, target: 14000, unit: USD}
          - {name: grr, stage: retention, target: 92, unit: percent}
          - {name: nrr, stage: expansion, target: 118, unit: percent}
          - {name: category-growth, stage: awareness, target: 20, unit: percent}
          - {name: pipeline, stage: pipeline, target: 4000000, unit: USD}
        coherence:
          - {choice: motion, answer: Product-led with a sales-assisted enterprise tier, evidence: {kind: customer-data, summary: 31 upgrades closed by account managers}}
          - {choice: pricing, answer: Published team price and a quoted enterprise tier, evidence: {kind: customer-data, summary: 400 card payments and 31 quotes signed}}
        revenueArchitecture:
          revops: {reportsTo: cfo}
        growth:
          expansion: Enterprise upgrades and more entities per customer.
          nextSegments: [listed-companies]
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: midmarket-finance-teams
        name: Finance teams of mid-market software companies
        firmographic:
          industries: [software]
          employees: {min: 100, max: 1000}
          regions: [US, GB]
        technographic:
          uses: [NetSuite, Xero]
        behavioural:
          signals: [A controller hired in the last year]
          triggers: [A first external audit]
        accounts: {estimated: 900, source: Software companies with a controller job posting}
        market:
          tam: {accounts: 20000}
          trm: {accounts: 1800}
        buyers: {committeeSize: 3, buyingProcess: team-purchase}
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: listed-companies
        name: Listed software companies
        firmographic:
          industries: [software]
          employees: {min: 1000}
          regions: [US]
        technographic:
          uses: [NetSuite, Workday]
        behavioural:
          signals: [Quarterly reporting deadlines]
        accounts: {estimated: 600}
        market:
          tam: {accounts: 8000}
          trm: {accounts: 600}
        motion: sales-assisted
        buyers: {committeeSize: 7, buyingProcess: procurement-led}
        ---
        apiVersion: gtm/v2
        kind: ProductPlan
        id: product-2027
        strategy: tallyworks
        segments: [midmarket-finance-teams]
        capabilities:
          - {id: bank-feeds, name: Daily bank and ledger matching, supports: [daily-reconciliation], status: shipped}
          - {id: adjustment-log, name: Adjustment log for auditors, supports: [audit-trail], status: shipped}
        metrics:
          - {name: activation, label: Teams reconciling daily in their first week, target: 60, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: SalesPlan
        id: sales-2027
        strategy: tallyworks
        segments: [midmarket-finance-teams]
        motion: sales-assisted
        targets:
          - {segment: midmarket-finance-teams, accounts: 300, quota: {amount: 2000000, currency: USD}}
        metrics:
          - {name: accounts-targeted, target: 300, unit: accounts}
          - {name: win-rate, target: 30, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: SuccessPlan
        id: success-2027
        strategy: tallyworks
        segments: [midmarket-finance-teams]
        onboardingDays: 7
        metrics:
          - {name: grr, target: 93, unit: percent}
          - {name: nrr, target: 118, unit: percent}
          - {name: time-to-value, target: 7, unit: days}

        """

    /// Scheduling for HVAC contractors sold by inside sales at product-market fit: the founders
    /// still close most deals, two reps are hired to learn the playbook.
    static let dispatchly = """
        apiVersion: gtm/v2
        kind: Strategy
        id: dispatchly
        name: Dispatchly go-to-market strategy
        owner: {role: founders, name: Marco Silva and Jen Okafor}
        stage: product-market-fit
        stageEvidence: {kind: customer-data, summary: 92 % of contractors who went live in 2025 renewed, sampleSize: 140}
        review: {cadence: quarterly, reviewed: 2026-09-20}
        beachhead: hvac-contractors
        problem:
          statement: HVAC contractors lose jobs because dispatchers schedule technicians on whiteboards and by phone.
          whyNow: Heat-pump rebates doubled service calls this year.
          costOfInaction: About one lost job a week for every dispatcher.
        buyers:
          economicBuyer: owner-operator
          champion: office manager
          committeeSize: 2
          buyingProcess: sales-assisted
          salesCycleDays: 18
        positioning:
          statement: Dispatchly schedules technicians automatically so HVAC contractors book every job the phone brings.
          promises:
            - {id: every-job-booked, claim: Every call booked into a technician's day}
          alternatives:
            - {name: Whiteboard and phone calls, kind: status-quo, whyWeWin: The schedule updates itself when a job runs late}
            - {name: Turning away jobs in the busy season, kind: do-nothing, whyWeWin: One more job a week pays for the tool}
        motion:
          primary: inside-sales
          playbook:
            repeatable: false
            evidence: {kind: customer-data, summary: The founders closed 45 of 60 demos; no hired rep has closed yet, figure: 45, sampleSize: 60}
        pricing:
          model: seat
          acv: {amount: 9000, currency: USD}
          plans:
            - {name: Crew, price: {amount: 750, currency: USD}, period: month}
        implementation:
          onboardingDays: 14
          servicesRequired: false
          servicesModel: light
          servicesPaid: false
          servicesPricing: free
        distribution:
          channels:
            - {id: outbound, name: Outbound calls to contractors, kind: outbound, evidence: {kind: experiment, summary: 9 % of cold calls booked a demo over 800 calls, figure: 9, sampleSize: 800}, stage: active}
            - {id: trade-shows, name: Regional HVAC trade shows, kind: events, evidence: {kind: interviews, summary: 14 of 20 owners attend one a year}, stage: testing}
        economics:
          acv: {amount: 9000, currency: USD}
          cac: {amount: 6000, currency: USD}
          paybackMonths: 11
          ltv: {amount: 27000, currency: USD}
          grossMarginPercent: 78
          servicesCostPercent: 6
        hiring: {salesReps: 2, playbookBased: false}
        sequence:
          - step: Two hired reps close without the founders.
            status: current
            evidence: {kind: customer-data, summary: Both reps at 80 % of quota by month six}
            unlocks: {kind: hiring, target: six more sales reps}
          - step: Enter plumbing contractors with the same playbook.
            status: next
            evidence: {kind: customer-data, summary: 150 HVAC customers with under 2 % monthly churn}
            unlocks: {kind: segment, target: plumbing-contractors}
        exclusions:
          - {id: facility-managers, what: Facility management companies with over 500 technicians, reason: They buy through procurement and need integrations we will not build this year.}
        experiments:
          - {id: rebate-webinar, hypothesis: A webinar on heat-pump rebates books demos at half the cost of calls, metric: cost per demo, threshold: above 150 USD per demo falsifies it, status: planned}
        metrics:
          - {name: arr, target: 2500000, unit: USD}
          - {name: acv, target: 9000, unit: USD}
          - {name: grr, stage: retention, target: 88, unit: percent}
          - {name: nrr, stage: expansion, target: 102, unit: percent}
          - {name: category-growth, stage: awareness, target: 12, unit: percent}
          - {name: pipeline, stage: pipeline, target: 120, unit: demos}
        coherence:
          - {choice: buyer, answer: Owner-operators buying with their office manager, evidence: {kind: customer-data, summary: 38 of 45 deals signed by the owner}}
        revenueArchitecture:
          revops: {reportsTo: ceo}
        growth:
          retention: Technicians use the app daily; the schedule history is hard to leave.
          nextSegments: [plumbing-contractors]
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: hvac-contractors
        name: Residential HVAC contractors
        firmographic:
          industries: [HVAC services]
          employees: {min: 10, max: 80}
          regions: [US]
        technographic:
          uses: [QuickBooks]
          avoids: [ServiceTitan]
        behavioural:
          signals: [A dispatcher job posting]
          triggers: [Heat-pump rebate programmes in their state]
        accounts: {estimated: 900, source: "State licensing boards, filtered by size"}
        market:
          tam: {accounts: 90000}
          trm: {accounts: 4000}
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: plumbing-contractors
        name: Residential plumbing contractors
        firmographic:
          industries: [plumbing services]
          employees: {min: 10, max: 80}
          regions: [US]
        technographic:
          uses: [QuickBooks]
        behavioural:
          signals: [A dispatcher job posting]
        accounts: {estimated: 1200}
        market:
          tam: {accounts: 110000}
          trm: {accounts: 5000}
        ---
        apiVersion: gtm/v2
        kind: SalesPlan
        id: sales-2027
        strategy: dispatchly
        segments: [hvac-contractors]
        motion: inside-sales
        targets:
          - {segment: hvac-contractors, accounts: 600, quota: {amount: 1500000, currency: USD}}
        hiring: {reps: 2, when: 2027-Q1}
        channels:
          - {channel: outbound}
        metrics:
          - {name: accounts-targeted, target: 600, unit: accounts}
          - {name: win-rate, target: 25, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: MarketingPlan
        id: marketing-2027
        strategy: dispatchly
        segments: [hvac-contractors]
        channels:
          - {channel: trade-shows, budget: {amount: 40000, currency: USD}}
        campaigns:
          - {name: Heat-pump season, segment: hvac-contractors, goal: 200 demos}
        metrics:
          - {name: pipeline, label: Demos booked, target: 200, unit: demos}
        ---
        apiVersion: gtm/v2
        kind: ProductPlan
        id: product-2027
        strategy: dispatchly
        segments: [hvac-contractors]
        capabilities:
          - {id: auto-schedule, name: Automatic scheduling from the phone line, supports: [every-job-booked], status: shipped}
        metrics:
          - {name: activation, label: Contractors dispatching from the app in week two, target: 70, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: SuccessPlan
        id: success-2027
        strategy: dispatchly
        segments: [hvac-contractors]
        onboardingDays: 14
        retentionTargets:
          - {metric: grr, target: 88}
        metrics:
          - {name: time-to-value, target: 2, unit: weeks}

        """

    /// The metrics of Dispatchly's strategy, replaced in the problem-solution-fit variant.
    static let dispatchlyMetrics = """
        metrics:
          - {name: arr, target: 2500000, unit: USD}
          - {name: acv, target: 9000, unit: USD}
          - {name: grr, stage: retention, target: 88, unit: percent}
          - {name: nrr, stage: expansion, target: 102, unit: percent}
          - {name: category-growth, stage: awareness, target: 12, unit: percent}
          - {name: pipeline, stage: pipeline, target: 120, unit: demos}

        """

    /// Data-residency compliance for regional banks sold by field sales at GTM fit, with an
    /// implementation customers pay for with a margin.
    static let vaultline = """
        apiVersion: gtm/v2
        kind: Strategy
        id: vaultline
        name: Vaultline go-to-market strategy
        owner: {role: executive-team, name: Vaultline executive team}
        stage: gtm-fit
        stageEvidence: {kind: customer-data, summary: Sellers hired last year reached quota within two quarters on the same playbook, sampleSize: 6}
        review: {cadence: quarterly, reviewed: 2026-10-01}
        beachhead: regional-banks
        problem:
          statement: Regional banks cannot prove where customer data is stored when regulators ask.
          whyNow: The new data-residency rules are examined from next year.
          costOfInaction: Findings in the examination and fines per breach.
        buyers:
          economicBuyer: CIO
          champion: head of data governance
          committeeSize: 9
          buyingProcess: procurement-led
          salesCycleDays: 200
          blocks: vendor risk management
        positioning:
          statement: Vaultline proves where customer data is stored, so regional banks answer regulators in hours.
          promises:
            - {id: residency-proof, claim: A residency report for every system on demand}
          alternatives:
            - {name: Consultants mapping data by hand, kind: agency, whyWeWin: The map stays current after they leave}
            - {name: Waiting for the first examination finding, kind: do-nothing, whyWeWin: A finding costs more than a year of Vaultline}
        motion:
          primary: field-sales
          playbook:
            repeatable: true
            evidence: {kind: customer-data, summary: Four hired account executives closed 9 banks without the founders, figure: 9, sampleSize: 4}
        pricing:
          model: quote-only
          quoteOnly: true
          acv: {amount: 180000, currency: USD}
        implementation:
          onboardingDays: 90
          servicesRequired: true
          servicesModel: heavy
          servicesPaid: true
          servicesPricing: with-margin
        distribution:
          advantage: Our founders ran data governance at two regional banks.
          channels:
            - {id: field, name: Account executives by region, kind: field-sales, evidence: {kind: customer-data, summary: 9 of 12 customers came from direct relationships}, stage: active}
            - {id: bank-forums, name: Regional banking forums, kind: events, evidence: {kind: interviews, summary: CIOs name two forums they attend every year}, stage: testing}
        economics:
          acv: {amount: 180000, currency: USD}
          cac: {amount: 150000, currency: USD}
          paybackMonths: 14
          ltv: {amount: 900000, currency: USD}
          grossMarginPercent: 75
          servicesCostPercent: 20
        hiring: {salesReps: 6, playbookBased: true}
        sequence:
          - step: Close twelve regional banks with the founding team.
            status: done
            evidence: {kind: customer-data, summary: "Twelve banks signed at an average of 180,000 USD"}
            unlocks: {kind: hiring, target: account executives}
          - step: Deploy in 90 days at every new bank.
            status: current
            evidence: {kind: customer-data, summary: Ten deployments in a row finished within 90 days}
            unlocks: {kind: segment, target: credit-unions}
        exclusions:
          - {id: community-banks, what: Banks under 1 billion USD in assets, reason: They cannot fund the implementation.}
        experiments:
          - {id: fixed-price-implementation, hypothesis: A fixed-price implementation shortens procurement, metric: days from verbal yes to signature, threshold: under 20 days saved falsifies it, status: running}
        metrics:
          - {name: arr, target: 6000000, unit: USD}
          - {name: acv, target: 180000, unit: USD}
          - {name: grr, stage: retention, target: 95, unit: percent}
          - {name: nrr, stage: expansion, target: 125, unit: percent}
          - {name: category-growth, stage: awareness, target: 25, unit: percent}
          - {name: pipeline, stage: pipeline, target: 12000000, unit: USD}
        coherence:
          - {choice: services-model, answer: Implementation sold with a 30 % margin, evidence: {kind: customer-data, summary: Services margin of 31 % over twelve projects}}
        revenueArchitecture:
          revops: {reportsTo: coo}
        growth:
          expansion: More systems and subsidiaries per bank.
          nextSegments: [credit-unions]
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: regional-banks
        name: Regional banks
        firmographic:
          industries: [banking]
          employees: {min: 500, max: 5000}
          regions: [US]
        technographic:
          uses: [Snowflake, ServiceNow]
        behavioural:
          signals: [A chief data officer hired]
          triggers: [An examination scheduled within a year]
        accounts: {estimated: 420, source: "Federal deposit data, banks of 1 to 50 billion USD in assets"}
        market:
          tam: {accounts: 4500}
          trm: {accounts: 420}
        buyers: {committeeSize: 9, buyingProcess: procurement-led, salesCycleDays: 200}
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: credit-unions
        name: Large credit unions
        firmographic:
          industries: [credit unions]
          employees: {min: 300}
          regions: [US]
        technographic:
          uses: [Snowflake]
        behavioural:
          signals: [A data governance team]
        accounts: {estimated: 350}
        market:
          tam: {accounts: 4800}
          trm: {accounts: 350}
        ---
        apiVersion: gtm/v2
        kind: SalesPlan
        id: sales-2027
        strategy: vaultline
        segments: [regional-banks]
        motion: field-sales
        targets:
          - {segment: regional-banks, accounts: 120, quota: {amount: 5400000, currency: USD}}
        hiring: {reps: 6, when: 2027-Q1}
        channels:
          - {channel: field}
        metrics:
          - {name: accounts-targeted, target: 120, unit: accounts}
          - {name: win-rate, target: 20, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: ProductPlan
        id: product-2027
        strategy: vaultline
        segments: [regional-banks]
        capabilities:
          - {id: residency-report, name: Residency report per system, supports: [residency-proof], status: shipped}
        metrics:
          - {name: activation, label: Systems mapped in the first 90 days, target: 80, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: SuccessPlan
        id: success-2027
        strategy: vaultline
        segments: [regional-banks]
        onboardingDays: 90
        metrics:
          - {name: grr, label: Gross revenue retention, target: 95, unit: percent}
          - {name: NRR, target: 125, unit: percent}
          - {name: time-to-value, target: 90, unit: days}

        """

    /// Scheduling and payroll for independent restaurants, sold through point-of-sale resellers
    /// once direct sales proved the playbook: partner-led at GTM fit.
    static let crewbook = """
        apiVersion: gtm/v2
        kind: Strategy
        id: crewbook
        name: Crewbook go-to-market strategy
        owner: {role: ceo, name: Inês Carvalho}
        stage: gtm-fit
        stageEvidence: {kind: customer-data, summary: Sellers hired last year reached quota within two quarters on the same playbook, sampleSize: 6}
        review: {cadence: quarterly, reviewed: 2026-10-20}
        beachhead: independent-restaurants
        problem:
          statement: Independent restaurants build staff schedules and payroll by hand every week.
          whyNow: New predictive-scheduling laws fine late schedule changes.
          costOfInaction: Four hours of the owner's week and fines for late changes.
        buyers:
          economicBuyer: restaurant owner
          committeeSize: 1
          buyingProcess: sales-assisted
          salesCycleDays: 10
        positioning:
          statement: Crewbook builds staff schedules and payroll from the point of sale, so independent restaurants stay within the scheduling laws.
          promises:
            - {id: compliant-schedules, claim: Schedules that follow the local scheduling law}
          alternatives:
            - {name: Paper schedules and a payroll bureau, kind: status-quo, whyWeWin: One tool instead of two and no retyping}
            - {name: Paying the fines, kind: do-nothing, whyWeWin: A year of Crewbook costs less than two fines}
        motion:
          primary: partner-led
          playbook:
            repeatable: true
            evidence: {kind: customer-data, summary: Resellers closed 70 % of new restaurants without our team last half-year, figure: 70, sampleSize: 410}
        pricing:
          model: subscription
          acv: {amount: 2400, currency: EUR}
          plans:
            - {name: Restaurant, price: {amount: 200, currency: EUR}, period: month}
        implementation:
          onboardingDays: 3
          servicesRequired: false
          servicesModel: light
          servicesPaid: true
          servicesPricing: with-margin
        distribution:
          advantage: Point-of-sale resellers already visit every restaurant we target.
          channels:
            - {id: pos-resellers, name: Point-of-sale resellers, kind: partner, evidence: {kind: customer-data, summary: 30 resellers sold 290 restaurants last half-year}, stage: active}
        economics:
          acv: {amount: 2400, currency: EUR}
          cac: {amount: 900, currency: EUR}
          paybackMonths: 6
          ltv: {amount: 8000, currency: EUR}
          grossMarginPercent: 80
          servicesCostPercent: 0
        sequence:
          - step: Sell directly to restaurants in Lisbon until the pitch repeats.
            status: done
            evidence: {kind: customer-data, summary: 120 restaurants signed from one script by three sellers}
            unlocks: {kind: channel, target: pos-resellers}
          - step: Reach 2,000 restaurants through resellers in Portugal and Spain.
            status: current
            evidence: {kind: customer-data, summary: "2,000 restaurants live with 90 % gross retention"}
            unlocks: {kind: segment, target: restaurant-groups}
        exclusions:
          - {id: chains, what: Chains with more than 20 sites, reason: They run central workforce systems we will not replace.}
        experiments:
          - {id: reseller-margin, hypothesis: A higher reseller margin doubles reseller activity, metric: restaurants sold per reseller per month, threshold: under 1.5 times falsifies it, status: running}
        metrics:
          - {name: arr, target: 4000000, unit: EUR}
          - {name: acv, target: 2400, unit: EUR}
          - {name: grr, stage: retention, target: 90, unit: percent}
          - {name: nrr, stage: expansion, target: 105, unit: percent}
          - {name: category-growth, stage: awareness, target: 15, unit: percent}
          - {name: pipeline, stage: pipeline, target: 600, unit: restaurants}
        coherence:
          - {choice: distribution, answer: Point-of-sale resellers, evidence: {kind: customer-data, summary: 70 % of new restaurants sold by resellers}}
        revenueArchitecture:
          revops: {reportsTo: ceo}
        growth:
          retention: Payroll history keeps restaurants on the tool.
          nextSegments: [restaurant-groups]
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: independent-restaurants
        name: Independent restaurants
        firmographic:
          industries: [restaurants]
          employees: {min: 8, max: 60}
          regions: [PT, ES]
        technographic:
          uses: [a cloud point of sale]
        behavioural:
          signals: [Hiring for weekend shifts]
          triggers: [A scheduling-law inspection in the city]
        accounts: {estimated: 800, source: "Reseller customer lists in Lisbon, Porto, Madrid and Barcelona"}
        market:
          tam: {accounts: 60000}
          trm: {accounts: 4000}
        ---
        apiVersion: gtm/v2
        kind: Segment
        id: restaurant-groups
        name: Restaurant groups of 3 to 20 sites
        firmographic:
          industries: [restaurants]
          employees: {min: 60, max: 600}
          regions: [PT, ES]
        technographic:
          uses: [a cloud point of sale]
        behavioural:
          signals: [A second site opened]
        accounts: {estimated: 900}
        market:
          tam: {accounts: 9000}
          trm: {accounts: 900}
        ---
        apiVersion: gtm/v2
        kind: MarketingPlan
        id: marketing-2027
        strategy: crewbook
        segments: [independent-restaurants]
        channels:
          - {channel: pos-resellers, budget: {amount: 60000, currency: EUR}, goal: Co-marketing kits for 30 resellers}
        metrics:
          - {name: accounts-targeted, label: Restaurants on reseller visit lists, target: 800, unit: accounts}
        ---
        apiVersion: gtm/v2
        kind: ProductPlan
        id: product-2027
        strategy: crewbook
        segments: [independent-restaurants]
        capabilities:
          - {id: law-rules, name: Scheduling-law rules per city, supports: [compliant-schedules], status: shipped}
        metrics:
          - {name: activation, label: Restaurants publishing a schedule in week one, target: 75, unit: percent}
        ---
        apiVersion: gtm/v2
        kind: SuccessPlan
        id: success-2027
        strategy: crewbook
        segments: [independent-restaurants]
        onboardingDays: 3
        metrics:
          - {name: Gross revenue retention, target: 90, unit: percent}
          - {name: time to value, target: 3, unit: days}

        """
}
