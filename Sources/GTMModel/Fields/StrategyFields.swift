/// Fields of the Strategy document that rules read.
extension Field {
    /// The strategy's id, the name plans use to say which strategy they execute.
    public static let strategyID = Field(.strategy, "id")
    /// How far the company has come: problem-solution fit, product-market fit, GTM fit, scale.
    public static let stage = Field(.strategy, "stage")

    /// Who owns the strategy.
    public static let owner = Field(.strategy, "owner")
    /// The role of the strategy's owner: the CEO or a cross-functional group.
    public static let ownerRole = Field(.strategy, "owner", "role")

    /// The motion that wins customers: self-serve, product-led, sales-led, enterprise, partner-led.
    public static let motionPrimary = Field(.strategy, "motion", "primary")
    /// Whether the direct sales playbook is repeatable by people other than the founders.
    public static let playbookRepeatable = Field(.strategy, "motion", "playbook", "repeatable")

    /// How buyers purchase: self-serve, procurement-led, …
    public static let buyingProcess = Field(.strategy, "buyers", "buyingProcess")
    /// How many people must agree before a deal closes.
    public static let committeeSize = Field(.strategy, "buyers", "committeeSize")

    /// The price list.
    public static let pricing = Field(.strategy, "pricing")
    /// The pricing model: per seat, usage-based, quote-only, …
    public static let pricingModel = Field(.strategy, "pricing", "model")
    /// Whether buyers can only get a price by asking for a quote.
    public static let pricingQuoteOnly = Field(.strategy, "pricing", "quoteOnly")
    /// The price list's annual contract value: the source of truth for ACV.
    public static let pricingACV = Field(.strategy, "pricing", "acv")
    /// The amount of the price list's annual contract value.
    public static let pricingACVAmount = Field(.strategy, "pricing", "acv", "amount")
    /// The currency of the price list's annual contract value.
    public static let pricingACVCurrency = Field(.strategy, "pricing", "acv", "currency")

    /// The unit economics: ACV, CAC, LTV, margin, payback.
    public static let economics = Field(.strategy, "economics")
    /// The ACV the economics assume, read when pricing states none.
    public static let economicsACV = Field(.strategy, "economics", "acv")
    /// The amount of the ACV the economics assume.
    public static let economicsACVAmount = Field(.strategy, "economics", "acv", "amount")
    /// The currency of the ACV the economics assume.
    public static let economicsACVCurrency = Field(.strategy, "economics", "acv", "currency")
    /// What it costs to win one customer.
    public static let cac = Field(.strategy, "economics", "cac")
    /// The amount it costs to win one customer.
    public static let cacAmount = Field(.strategy, "economics", "cac", "amount")
    /// The currency of the cost to win one customer.
    public static let cacCurrency = Field(.strategy, "economics", "cac", "currency")
    /// What one customer is worth over its life.
    public static let ltv = Field(.strategy, "economics", "ltv")
    /// The amount one customer is worth over its life.
    public static let ltvAmount = Field(.strategy, "economics", "ltv", "amount")
    /// The currency of a customer's lifetime value.
    public static let ltvCurrency = Field(.strategy, "economics", "ltv", "currency")
    /// The months it takes a customer's margin to pay back what winning it cost.
    public static let paybackMonths = Field(.strategy, "economics", "paybackMonths")
    /// The gross margin, in percent of revenue.
    public static let grossMarginPercent = Field(.strategy, "economics", "grossMarginPercent")
    /// What services cost, in percent of revenue.
    public static let servicesCostPercent = Field(.strategy, "economics", "servicesCostPercent")

    /// How long a new customer takes to be up and running, in days.
    public static let onboardingDays = Field(.strategy, "implementation", "onboardingDays")
    /// Whether customers cannot start without paid services.
    public static let servicesRequired = Field(.strategy, "implementation", "servicesRequired")
    /// How much services the product needs: none, light, heavy.
    public static let servicesModel = Field(.strategy, "implementation", "servicesModel")

    /// The sellers the strategy hires.
    public static let hiring = Field(.strategy, "hiring")
    /// How many sales reps the strategy hires.
    public static let hiringSalesReps = Field(.strategy, "hiring", "salesReps")
    /// Whether the sellers are hired to run a playbook.
    public static let hiringPlaybookBased = Field(.strategy, "hiring", "playbookBased")

    /// The channels that reach the ICP.
    public static let channels = Field(.strategy, "distribution", "channels")
    /// A channel's id, as plans name it.
    public static let channelID = Field(.strategy, "distribution", "channels", "*", "id")
    /// A channel's name.
    public static let channelName = Field(.strategy, "distribution", "channels", "*", "name")
    /// A channel's kind: content, paid, events, community, partner, …
    public static let channelKind = Field(.strategy, "distribution", "channels", "*", "kind")
    /// How far a channel has come: planned, testing, active, …
    public static let channelStage = Field(.strategy, "distribution", "channels", "*", "stage")
    /// The evidence that the ICP spends attention or trust in a channel.
    public static let channelEvidence = Field(.strategy, "distribution", "channels", "*", "evidence", "summary")

    /// The buyer problem urgent enough to create action.
    public static let problem = Field(.strategy, "problem")
    /// The problem, in the buyer's words.
    public static let problemStatement = Field(.strategy, "problem", "statement")
    /// Why the problem is urgent now.
    public static let problemWhyNow = Field(.strategy, "problem", "whyNow")

    /// How the product is placed against what buyers would do otherwise.
    public static let positioning = Field(.strategy, "positioning")
    /// The positioning statement.
    public static let positioningStatement = Field(.strategy, "positioning", "statement")
    /// What buyers would do instead, doing nothing included.
    public static let alternatives = Field(.strategy, "positioning", "alternatives")
    /// The kind of an alternative: competitor, do-nothing, status-quo, …
    public static let alternativeKind = Field(.strategy, "positioning", "alternatives", "*", "kind")
    /// The promises positioning makes to buyers.
    public static let promises = Field(.strategy, "positioning", "promises")
    /// A promise's id, as product capabilities name it.
    public static let promiseID = Field(.strategy, "positioning", "promises", "*", "id")
    /// What a promise claims, in the buyer's words.
    public static let promiseClaim = Field(.strategy, "positioning", "promises", "*", "claim")

    /// What the company refuses to chase.
    public static let exclusions = Field(.strategy, "exclusions")
    /// An exclusion's id.
    public static let exclusionID = Field(.strategy, "exclusions", "*", "id")
    /// What an exclusion refuses, in words.
    public static let exclusionWhat = Field(.strategy, "exclusions", "*", "what")
    /// Why an exclusion is refused.
    public static let exclusionReason = Field(.strategy, "exclusions", "*", "reason")

    /// The experiments that validate or falsify the strategy.
    public static let experiments = Field(.strategy, "experiments")
    /// An experiment's id.
    public static let experimentID = Field(.strategy, "experiments", "*", "id")
    /// What an experiment believes.
    public static let experimentHypothesis = Field(.strategy, "experiments", "*", "hypothesis")
    /// What an experiment measures.
    public static let experimentMetric = Field(.strategy, "experiments", "*", "metric")
    /// The result that would prove an experiment's hypothesis wrong.
    public static let experimentThreshold = Field(.strategy, "experiments", "*", "threshold")

    /// The order of moves, each earned by evidence.
    public static let sequence = Field(.strategy, "sequence")
    /// What a step of the sequence does.
    public static let sequenceStep = Field(.strategy, "sequence", "*", "step")
    /// The evidence that unlocks the step after this one.
    public static let sequenceEvidence = Field(.strategy, "sequence", "*", "evidence", "summary")

    /// The coherence table: each choice beside its answer and evidence.
    public static let coherence = Field(.strategy, "coherence")
    /// The choice a row of the coherence table is about: icp, motion, pricing, …
    public static let coherenceChoice = Field(.strategy, "coherence", "*", "choice")
    /// The evidence behind a choice of the coherence table.
    public static let coherenceEvidence = Field(.strategy, "coherence", "*", "evidence", "summary")
    /// A contradiction a row of the coherence table still has to resolve.
    public static let coherenceContradiction = Field(.strategy, "coherence", "*", "contradiction")

    /// The numbers the strategy is measured by.
    public static let metrics = Field(.strategy, "metrics")
    /// A metric's short name: arr, nrr, pipeline, …
    public static let metricName = Field(.strategy, "metrics", "*", "name")
    /// A metric's name for people.
    public static let metricLabel = Field(.strategy, "metrics", "*", "label")
    /// The funnel stage a metric measures: awareness, pipeline, conversion, retention, expansion.
    public static let metricStage = Field(.strategy, "metrics", "*", "stage")
    /// The number a metric must reach.
    public static let metricTarget = Field(.strategy, "metrics", "*", "target")

    /// Who RevOps reports to.
    public static let revopsReportsTo = Field(.strategy, "revenueArchitecture", "revops", "reportsTo")
    /// Revenue operations: process, data and measurement for every function.
    public static let revops = Field(.strategy, "revenueArchitecture", "revops")

    /// How the company grows beyond its customers' first purchase.
    public static let growthExpansion = Field(.strategy, "growth", "expansion")
    /// How the company keeps its customers.
    public static let growthRetention = Field(.strategy, "growth", "retention")

    /// When and how often the strategy is reviewed.
    public static let review = Field(.strategy, "review")
    /// How often the strategy is reviewed: monthly, quarterly, yearly.
    public static let reviewCadence = Field(.strategy, "review", "cadence")
    /// When the strategy was last reviewed.
    public static let reviewed = Field(.strategy, "review", "reviewed")

    /// Typical days from first contact to signature.
    public static let salesCycleDays = Field(.strategy, "buyers", "salesCycleDays")
    /// The published plans.
    public static let pricingPlans = Field(.strategy, "pricing", "plans")
    /// A plan's name.
    public static let pricingPlanName = Field(.strategy, "pricing", "plans", "*", "name")
    /// The motion that sells a plan, where it differs from the primary one.
    public static let pricingPlanMotion = Field(.strategy, "pricing", "plans", "*", "motion")
    /// Whether a plan is sold by quote only.
    public static let pricingPlanQuoteOnly = Field(.strategy, "pricing", "plans", "*", "quoteOnly")
    /// A plan's list price per period.
    public static let pricingPlanPriceAmount = Field(.strategy, "pricing", "plans", "*", "price", "amount")
    /// What a plan's price covers: a month or a year.
    public static let pricingPlanPeriod = Field(.strategy, "pricing", "plans", "*", "period")
    /// The average annual contract value of a plan's customers.
    public static let pricingPlanACVAmount = Field(.strategy, "pricing", "plans", "*", "acv", "amount")
    /// The segment a plan is for.
    public static let pricingPlanSegment = Field(.strategy, "pricing", "plans", "*", "segment")
}
