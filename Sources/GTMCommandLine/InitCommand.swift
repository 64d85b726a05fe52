import ArgumentParser
import GTMCore
import GTMLint
import GTMReport
import GTMSystem

struct InitCommand: ParsableCommand, Exemplified {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a strategy folder: a Strategy, its beachhead Segment and .gtm.yaml.",
        discussion: """
            On a terminal, asks the questions a one-page strategy answers (who do we sell to first, why do they buy now, who buys and who blocks, how they buy, which motion, what price, through which channels, what we will not do, what would prove us wrong) and writes the answers. Enter skips a question. With no terminal, or with --yes, writes a commented skeleton.
            What is not answered is left as a comment, and `gtm check` then reports it as a finding that says what to add. Never overwrites a file: an existing .gtm.yaml is kept, and existing strategy files stop the command before anything is written.
            """
    )

    static let examples = """
        gtm init                 answer the questions on a terminal
        gtm init --yes           write the skeleton without asking
        gtm init --yes --hook    and install the pre-commit hook
        gtm init && gtm check    see what the strategy still has to answer
        """

    @Flag(name: [.customShort("y"), .long], help: "Ask nothing: write the commented skeleton.")
    var yes = false

    @Flag(name: .long, help: "Install the pre-commit hook as well (what `gtm hook install` does).")
    var hook = false

    func run() throws {
        let session = try Session.openWorkingTree()
        let today = try LinterFactory.today(nil)
        let interactive = !yes && ProcessServices.isTerminal(0)
        var answers = StrategyAnswers(fallbackName: Self.folderName(session.root))
        let settingsPath = session.root + "/" + Configuration.fileName
        let folder = session.resolve(session.configuration.strategyFolder)
        let strategyPath = folder + "/strategy.yaml"
        if FileSystem.exists(strategyPath) {
            throw CommandFailure(message: "\(FileSystem.relative(strategyPath, to: FileSystem.currentDirectory())) already exists; gtm init never overwrites a file. `gtm check` judges the strategy that is there")
        }
        if interactive {
            Output.write("""
                A go-to-market strategy answers a few hard questions. Answer in a few words; Enter skips a question, and `gtm check` will ask for what was skipped.\n
                """)
            answers.ask(Prompter())
        }
        let segmentPath = folder + "/segments/" + answers.segmentID + ".yaml"
        if FileSystem.exists(segmentPath) {
            throw CommandFailure(message: "\(FileSystem.relative(segmentPath, to: FileSystem.currentDirectory())) already exists; gtm init never overwrites a file")
        }
        var files: [(path: String, text: String)] = []
        let writesSettings = !FileSystem.exists(settingsPath)
        if writesSettings { files.append((settingsPath, StrategySkeleton.settings(strategyFolder: session.configuration.strategyFolder))) }
        files.append((strategyPath, StrategySkeleton.strategy(answers, today: today.description)))
        files.append((segmentPath, StrategySkeleton.segment(answers)))
        var report = writesSettings ? "" : "kept \(Configuration.fileName) (it exists)\n"
        for file in files {
            do throws(FileError) {
                try Self.makeFolders(for: file.path, below: session.root)
                try FileSystem.create(Array(file.text.utf8), at: file.path)
            } catch {
                throw CommandFailure(message: "cannot write \(error.description); gtm init never overwrites a file")
            }
            report += "wrote \(SafeText.line(FileSystem.relative(file.path, to: FileSystem.currentDirectory())))\n"
        }
        Output.write(report)
        if hook {
            let install = try HookInstallCommand.parse([])
            try install.run()
        }
        Output.write("next: `gtm check` says what the strategy still has to answer; `gtm schema Strategy` lists every field\n")
    }

    /// Creates the folders between the repository root and a file.
    static func makeFolders(for path: String, below root: String) throws(FileError) {
        var folder = root
        for part in path.dropFirst(root.count + 1).split(separator: "/").dropLast() {
            folder += "/" + part
            try FileSystem.makeDirectory(folder)
        }
    }

    static func folderName(_ root: String) -> String {
        String(root.split(separator: "/").last ?? "our company")
    }
}

/// Reads answers from the terminal, one line each.
struct Prompter {
    func ask(_ question: String, hint: String? = nil) -> String? {
        Output.write("\n" + question + (hint.map { "\n  (" + $0 + ")" } ?? "") + "\n> ")
        guard let line = ProcessServices.readLine() else { return nil }
        let answer = line.trimmingSpaces
        return answer.isEmpty ? nil : answer
    }

    /// One of a list, by number or by name; Enter skips. Asks again after an answer that is
    /// neither, up to three times.
    func choose(_ question: String, _ options: [String], default fallback: String? = nil) -> String? {
        let list = options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  ")
        let hint = "  " + list + (fallback.map { "\n  (Enter keeps \($0))" } ?? "\n  (a number or a name; Enter skips)")
        for _ in 0..<3 {
            Output.write("\n" + question + "\n" + hint + "\n> ")
            guard let line = ProcessServices.readLine() else { return fallback }
            let answer = line.trimmingSpaces.lowercased()
            if answer.isEmpty { return fallback }
            if let n = Int(answer), options.indices.contains(n - 1) { return options[n - 1] }
            if options.contains(answer) { return answer }
            let close = Suggestion.closest(to: answer, in: options)
            Output.write("\"\(SafeText.line(answer))\" is not one of them" + (close.map { "; did you mean \($0)?" } ?? "") + " Answer with a number or a name.\n")
        }
        return fallback
    }
}

/// What the strategist answered; nil (or empty) where a question was skipped.
struct StrategyAnswers {
    var name: String
    var stage = "problem-solution-fit"
    var owner = "ceo"
    var segment: String?
    var problem: String?
    var whyNow: String?
    var economicBuyer: String?
    var champion: String?
    var committeeSize: Int?
    var buyingProcess: String?
    var motion: String?
    var pricingModel: String?
    var acv: (amount: String, currency: String)?
    var channels: [(name: String, kind: String?)] = []
    var exclusions: [String] = []
    var hypothesis: String?
    var threshold: String?

    init(fallbackName: String) { name = fallbackName }

    var strategyID: String { Self.id(name, fallback: "strategy") }
    var segmentID: String { Self.id(segment ?? "", fallback: "beachhead-segment") }

    static let stages = ["problem-solution-fit", "product-market-fit", "gtm-fit", "scale"]
    static let owners = ["ceo", "founders", "executive-team", "gtm-council"]
    static let buyingProcesses = ["self-serve", "team-purchase", "sales-assisted", "procurement-led"]
    static let motions = ["founder-led", "product-led", "self-serve", "sales-assisted", "inside-sales", "field-sales", "partner-led", "hybrid"]
    static let pricingModels = ["subscription", "seat", "usage", "flat", "tiered", "quote-only", "freemium"]
    static let channelKinds = ["content", "community", "outbound", "paid", "partner", "marketplace", "events", "referral", "seo", "product", "field-sales", "inside-sales"]

    mutating func ask(_ p: Prompter) {
        name = p.ask("What is the company (or the product line this strategy is for) called?", hint: "Enter keeps \"\(name)\"") ?? name
        stage = p.choose("Where is the company now?", Self.stages, default: stage) ?? stage
        owner = p.choose("Who owns this strategy? (the CEO or a group across functions, not one function)", Self.owners, default: owner) ?? owner
        segment = p.ask("Who do we sell to first? Name the beachhead: one narrow segment.", hint: "for example: RevOps teams at B2B software companies of 50 to 500 people")
        problem = p.ask("What problem do they have that is urgent enough to act on? In their words.")
        whyNow = p.ask("Why do they buy now? What makes it urgent today?")
        economicBuyer = p.ask("Who buys: which role signs and owns the budget?")
        champion = p.ask("Who pushes for it inside the account?")
        while let text = p.ask("How many people take part in the decision, the ones who can block it included?", hint: "a number") {
            if let n = Int(text), n >= 1 { committeeSize = n; break }
            Output.write("that is not a number of people; answer with a whole number such as 3, or press Enter to skip\n")
        }
        buyingProcess = p.choose("How do they buy?", Self.buyingProcesses)
        motion = p.choose("Which motion reaches them profitably?", Self.motions)
        pricingModel = p.choose("How do we charge?", Self.pricingModels)
        while let text = p.ask("What does an average customer pay a year (the ACV), with its currency?", hint: "for example: 12000 USD") {
            let parts = text.split(separator: " ").map(String.init)
            let amount = parts.first?.replacing(",", with: "") ?? ""
            if parts.count == 2, Self.isAmount(amount),
               parts[1].count == 3, parts[1].allSatisfy({ $0.isLetter && $0.isASCII }) {
                acv = (amount, parts[1].uppercased())
                break
            }
            Output.write("write the amount and the currency, such as 12000 USD, or press Enter to skip\n")
        }
        if let list = p.ask("Through which channels do we reach them?", hint: "separate them with commas: for example: RevOps community, founder network") {
            for channel in Self.list(list) {
                channels.append((channel, p.choose("What kind of channel is \"\(SafeText.line(channel))\"?", Self.channelKinds)))
            }
        }
        if let list = p.ask("What will we not do, even if it looks attractive this quarter?", hint: "separate them with commas: for example: enterprise deals that need custom roadmap, agencies") {
            exclusions = Self.list(list)
        }
        hypothesis = p.ask("What would prove us wrong? First, the bet the strategy rests on.", hint: "for example: RevOps teams adopt without a sales call")
        if hypothesis != nil {
            threshold = p.ask("And the result that would prove that bet wrong?", hint: "for example: fewer than 5 of 50 trial teams active after 30 days")
        }
    }

    /// Digits, with an optional decimal part: `12000`, `99.5`.
    static func isAmount(_ text: String) -> Bool {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(pieces.count) && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// A kebab-case id from a name: `RevOps teams` → `revops-teams`.
    static func id(_ name: String, fallback: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        out = String(out.prefix(60))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }
}

/// The files `gtm init` writes. Every value typed by the strategist is written as a quoted
/// YAML string, so that no answer can change the structure of the file.
enum StrategySkeleton {
    /// A YAML double-quoted string: backslash, quote and every control or line-separating
    /// character escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0xFEFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func settings(strategyFolder: String) -> String {
        """
        # gtm settings. Every key is checked; a misspelt one is an error at its position.
        # Thresholds, severities and waivers: see `gtm rules` and the README's Configuration.
        strategy: \(strategyFolder.isEmpty ? "." : strategyFolder)
        # rules:
        #   GTM102: {max-accounts: 1500}
        # hook: {only-new: true}

        """
    }

    static func strategy(_ a: StrategyAnswers, today: String) -> String {
        var out = """
            # The go-to-market strategy on one page: choices that must reinforce each other.
            # `gtm check` judges it; `gtm schema Strategy` lists every field it may hold.
            # A commented section is a question still open: fill it in and remove the `#`.
            apiVersion: gtm/v2
            kind: Strategy
            id: \(a.strategyID)
            name: \(quoted(a.name))
            owner: {role: \(a.owner)}
            stage: \(a.stage)
            review: {cadence: quarterly, reviewed: \(today)}

            # Who do we sell to first? The beachhead: the narrow segment where proof concentrates.
            # It is described in segments/\(a.segmentID).yaml.
            beachhead: \(a.segmentID)

            # Why do they buy now? The problem in the buyer's words and the trigger that makes it urgent.

            """
        if a.problem != nil || a.whyNow != nil {
            out += "problem:\n"
            out += a.problem.map { "  statement: \(quoted($0))\n" } ?? "  # statement: the problem in the buyer's words\n"
            out += a.whyNow.map { "  whyNow: \(quoted($0))\n" } ?? "  # whyNow: what makes it urgent today\n"
        } else {
            out += "# problem:\n#   statement: the problem in the buyer's words\n#   whyNow: what makes it urgent today\n"
        }
        out += "\n# Who buys and who blocks, and how they buy: the motion is designed around it.\n"
        var buyers: [String] = []
        buyers.append(a.economicBuyer.map { "  economicBuyer: \(quoted($0))" } ?? "  # economicBuyer: the role that signs and owns the budget")
        buyers.append(a.champion.map { "  champion: \(quoted($0))" } ?? "  # champion: the role that pushes for it inside the account")
        buyers.append(a.committeeSize.map { "  committeeSize: \($0)" } ?? "  # committeeSize: how many people take part, blockers included")
        buyers.append(a.buyingProcess.map { "  buyingProcess: \($0)" } ?? "  # buyingProcess: \(StrategyAnswers.buyingProcesses.joined(separator: " | "))")
        let answeredBuyers = [a.economicBuyer, a.champion, a.buyingProcess].contains { $0 != nil } || a.committeeSize != nil
        out += (answeredBuyers ? "buyers:\n" : "# buyers:\n") + buyers.map { answeredBuyers ? $0 : "#" + $0.replacing("  # ", with: "   ") }.joined(separator: "\n") + "\n"
        out += "\n# Which motion reaches them profitably?\n"
        out += a.motion.map { "motion: {primary: \($0)}\n" } ?? "# motion: {primary: \(StrategyAnswers.motions.joined(separator: " | "))}\n"
        out += "\n# What price, and how it is packaged: it must fit the motion.\n"
        if a.pricingModel != nil || a.acv != nil {
            out += "pricing:\n"
            out += a.pricingModel.map { "  model: \($0)\n" } ?? "  # model: \(StrategyAnswers.pricingModels.joined(separator: " | "))\n"
            out += a.acv.map { "  acv: {amount: \($0.amount), currency: \($0.currency)}\n" } ?? "  # acv: {amount: 12000, currency: USD}\n"
        } else {
            out += "# pricing:\n#   model: \(StrategyAnswers.pricingModels.joined(separator: " | "))\n#   acv: {amount: 12000, currency: USD}\n"
        }
        out += "\n# Through which channels? Each with the evidence that the segment spends attention or trust there.\n"
        let channels = a.channels.filter { $0.kind != nil }
        if channels.isEmpty {
            out += "# distribution:\n#   channels:\n#     - {id: founder-network, name: Founder network, kind: referral, evidence: {kind: customer-data, summary: where the data shows buyers are}}\n"
        } else {
            out += "distribution:\n  channels:\n"
            var used = Set<String>()
            for channel in channels {
                let id = unique(StrategyAnswers.id(channel.name, fallback: "channel"), &used)
                out += "    - {id: \(id), name: \(quoted(channel.name)), kind: \(channel.kind!)}\n"
            }
        }
        for channel in a.channels where channel.kind == nil {
            out += "    # - {name: \(quoted(channel.name)), kind: which kind of channel?}\n"
        }
        out += "\n# What will we not do this cycle? Strategy includes subtraction: each with its reason.\n"
        if a.exclusions.isEmpty {
            out += "# exclusions:\n#   - {id: enterprise-custom-roadmap, what: Enterprise deals that need custom roadmap commitments, reason: why we refuse it}\n"
        } else {
            out += "exclusions:\n"
            var used = Set<String>()
            for exclusion in a.exclusions {
                out += "  - {id: \(unique(StrategyAnswers.id(exclusion, fallback: "exclusion"), &used)), what: \(quoted(exclusion))}\n"
            }
        }
        out += "\n# What would prove us wrong? Experiments that can falsify the strategy's bets.\n"
        out += "experiments:\n  - id: first-bet\n    status: planned\n"
        out += a.hypothesis.map { "    hypothesis: \(quoted($0))\n" } ?? "    # hypothesis: the bet the strategy rests on\n"
        out += "    # metric: what is measured\n"
        out += a.threshold.map { "    threshold: \(quoted($0))\n" } ?? "    # threshold: the result that would prove it wrong\n"
        out += """

            # The coherence check: each choice, its current answer, the evidence for it, and what is
            # still open. An unanswered question stays open here until it is answered above.
            coherence:

            """
        let segmentAnswer = a.segment.map { "\($0) (segments/\(a.segmentID).yaml)" }
        let buyer = [a.economicBuyer.map { "\($0) signs" }, a.champion.map { "\($0) champions" }, a.committeeSize.map { "\($0) decide" }, a.buyingProcess]
            .compactMap { $0 }.joined(separator: ", ")
        let pricing = [a.pricingModel, a.acv.map { "ACV \($0.amount) \($0.currency)" }].compactMap { $0 }.joined(separator: ", ")
        let rows: [(choice: String, answer: String?, open: String)] = [
            ("icp", segmentAnswer, "who we sell to first: describe the beachhead segment"),
            ("urgent-problem", [a.problem, a.whyNow].compactMap { $0 }.first, "why they buy now: add problem.statement and problem.whyNow"),
            ("buyer", buyer.isEmpty ? nil : buyer, "who buys and who blocks: add buyers"),
            ("motion", a.motion, "which motion reaches them: add motion.primary"),
            ("pricing", pricing.isEmpty ? nil : pricing, "what price: add pricing.model and pricing.acv"),
            ("distribution", channels.isEmpty ? nil : channels.map(\.name).joined(separator: ", "), "through which channels: add distribution.channels"),
        ]
        for row in rows {
            if let answer = row.answer {
                out += "  - {choice: \(row.choice), answer: \(quoted(answer))}\n"
            } else {
                out += "  - {choice: \(row.choice), contradiction: \(quoted("not answered: " + row.open))}\n"
            }
        }
        out += """

            # Still to answer when the above holds (`gtm schema Strategy` describes each):
            # positioning (alternatives, including doing nothing), economics (CAC, payback, margin),
            # sequence (what evidence unlocks the next step), metrics, revenueArchitecture, growth.

            """
        return out
    }

    static func segment(_ a: StrategyAnswers) -> String {
        """
        # The beachhead segment: who we sell to first. An ICP names who they are (firmographic),
        # what they run (technographic) and what they do (behavioural); a first target list holds
        # fewer than 1,000 accounts. `gtm schema Segment` lists every field.
        apiVersion: gtm/v2
        kind: Segment
        id: \(a.segmentID)
        name: \(quoted(a.segment ?? "Our beachhead segment"))
        # firmographic:
        #   industries: [B2B software]
        #   employees: {min: 50, max: 500}
        #   regions: [US]
        # technographic:
        #   uses: [the tools they run]
        # behavioural:
        #   signals: [what they do that shows the problem]
        # accounts:
        #   estimated: 800

        """
    }

    static func unique(_ id: String, _ used: inout Set<String>) -> String {
        var candidate = id, n = 2
        while !used.insert(candidate).inserted { candidate = "\(id)-\(n)"; n += 1 }
        return candidate
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
