import Foundation
import Testing

/// Issue #15: from a strategy in a document to a clean check in fifteen minutes.
@Suite("The first hour")
struct FirstHourTests {
    /// The findings of `gtm check --format json` as (rule, path, message).
    static func findings(_ result: CommandResult) throws -> [(rule: String, path: String, message: String)] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let list = object?["findings"] as? [[String: Any]] ?? []
        return list.map { ($0["rule"] as? String ?? "", $0["path"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    static func isInputProblem(_ rule: String) -> Bool {
        rule == "schema" || rule.hasPrefix("yaml-") || rule.hasPrefix("document-") || rule == "config" || rule == "duplicate-id"
    }

    // MARK: Start

    @Test func initYesInAnEmptyRepositoryGivesACheckWithNoSchemaFinding() throws {
        let repo = try GitFixture()
        let initialised = try repo.gtm("init", "--yes")
        #expect(initialised.status == 0, "\(initialised.stderr)")
        for file in [".gtm.yaml", "strategy/strategy.yaml", "strategy/segments/beachhead-segment.yaml"] {
            #expect(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(file).path), "\(file) was not written")
        }
        let check = try repo.gtm("check", "--format", "json")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        let findings = try Self.findings(check)
        #expect(!findings.isEmpty)
        #expect(!findings.contains { Self.isInputProblem($0.rule) }, "\(findings)")
        // Each unanswered question is a finding that says what to add.
        let open = findings.filter { $0.rule == "GTM221" }.map(\.message)
        for needed in ["add motion.primary", "add pricing.model", "add buyers", "add distribution.channels", "add problem.statement"] {
            #expect(open.contains { $0.contains(needed) }, "no finding asks to \(needed): \(open)")
        }
        #expect(findings.contains { $0.rule == "GTM212" })  // what we will not do
        #expect(findings.contains { $0.rule == "GTM218" })  // what would prove us wrong
    }

    @Test func initNeverOverwritesAFile() throws {
        let repo = try GitFixture()
        try repo.write(".gtm.yaml", "strategy: gtm\n")
        let first = try repo.gtm("init", "--yes")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("kept .gtm.yaml"))
        #expect(try String(contentsOf: repo.root.appendingPathComponent(".gtm.yaml"), encoding: .utf8) == "strategy: gtm\n")
        // The folder the settings name is the one written.
        let strategy = repo.root.appendingPathComponent("gtm/strategy.yaml")
        #expect(FileManager.default.fileExists(atPath: strategy.path))
        try repo.write("gtm/strategy.yaml", "# mine\n")
        let again = try repo.gtm("init", "--yes")
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists; gtm init never overwrites a file"), "\(again.stderr)")
        #expect(try String(contentsOf: strategy, encoding: .utf8) == "# mine\n")
    }

    @Test func initWithHookInstallsThePreCommitHook() throws {
        let repo = try GitFixture()
        let result = try repo.gtm("init", "--yes", "--hook")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("installed .githooks/pre-commit"), "\(result.stdout)")
        #expect(FileManager.default.isExecutableFile(atPath: repo.root.appendingPathComponent(".githooks/pre-commit").path))
    }

    @Test func checkWithoutAStrategyFolderSuggestsInit() throws {
        let repo = try GitFixture()
        let result = try repo.gtm("check")
        #expect(result.status == 2)
        #expect(result.stderr.contains("there is no strategy folder here: strategy does not exist. Run `gtm init`"), "\(result.stderr)")
    }

    /// `gtm init` on a terminal, driven through a pseudo-terminal by python3's `pty` module.
    @Test func initOnATerminalWritesTheAnswers() throws {
        let repo = try GitFixture()
        let answers = [
            "Acme", "2", "", "RevOps teams at B2B software companies", "Forecasts are wrong every quarter",
            "The board asks for a forecast they can trust", "Head of RevOps", "RevOps engineer", "three", "3",
            "team-purchase", "prodcut-led", "product-led", "usage", "lots", "12000 usd", "RevOps community, Founder network",
            "community", "8", "Agencies, Enterprise deals that need custom roadmap",
            "RevOps teams adopt without a sales call", "Fewer than 5 of 50 trial teams active after 30 days",
        ]
        let driver = """
            import os, pty, sys, time
            answers = sys.argv[2:]
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], [sys.argv[1], "init"])
            out = b""
            def read_until_prompt():
                global out
                while True:
                    try:
                        chunk = os.read(fd, 4096)
                    except OSError:
                        return False
                    if not chunk:
                        return False
                    out += chunk
                    if out.endswith(b"> "):
                        return True
            for answer in answers:
                if not read_until_prompt():
                    break
                os.write(fd, answer.encode() + b"\\n")
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode(errors="replace"))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        var environment = GitFixture.environment
        environment["NO_COLOR"] = "1"
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"),
                             ["python3", "-c", driver, Paths.products.appendingPathComponent("gtm").path] + answers,
                             in: repo.root, environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Who do we sell to first?"))
        #expect(result.stdout.contains("did you mean product-led?"), "a misspelt choice is answered with the close one")
        #expect(result.stdout.contains("that is not a number of people"))
        #expect(result.stdout.contains("wrote strategy/segments/revops-teams-at-b2b-software-companies.yaml"), "\(result.stdout)")
        let strategy = try String(contentsOf: repo.root.appendingPathComponent("strategy/strategy.yaml"), encoding: .utf8)
        for expected in [
            "id: acme", "stage: product-market-fit", "beachhead: revops-teams-at-b2b-software-companies",
            "whyNow: \"The board asks for a forecast they can trust\"", "economicBuyer: \"Head of RevOps\"", "committeeSize: 3",
            "buyingProcess: team-purchase", "motion: {primary: product-led}", "model: usage", "acv: {amount: 12000, currency: USD}",
            "{id: revops-community, name: \"RevOps community\", kind: community}", "{id: founder-network, name: \"Founder network\", kind: referral}",
            "{id: agencies, what: \"Agencies\"}", "hypothesis: \"RevOps teams adopt without a sales call\"",
        ] {
            #expect(strategy.contains(expected), "strategy.yaml lacks \(expected):\n\(strategy)")
        }
        let check = try repo.gtm("check", "--format", "json")
        let findings = try Self.findings(check)
        #expect(!findings.contains { Self.isInputProblem($0.rule) }, "\(findings)")
        #expect(!findings.contains { $0.rule == "GTM221" }, "every coherence row was answered: \(findings)")
        #expect(findings.contains { $0.rule == "GTM209" }, "channels still need their evidence")
    }

    // MARK: Know what to write

    @Test func referenceFileIsCurrent() throws {
        let result = try gtm(["schema", "--format", "markdown"])
        #expect(result.status == 0)
        let file = try String(contentsOf: Paths.packageRoot.appendingPathComponent("schemas/REFERENCE.md"), encoding: .utf8)
        #expect(result.stdout == file, "schemas/REFERENCE.md is stale; regenerate it with: gtm schema --format markdown > schemas/REFERENCE.md")
    }

    @Test func schemaDescribesAFieldAndRefusesAnUnknownOne() throws {
        let field = try gtm(["schema", "Strategy.pricing.model"])
        #expect(field.status == 0)
        #expect(field.stdout.contains("allowed: subscription, seat, usage, flat, tiered, quote-only, freemium"))
        #expect(field.stdout.contains("example: model: subscription"))
        let money = try gtm(["schema", "Strategy.economics.cac"])
        #expect(money.stdout.contains("amount (number, required)"), "\(money.stdout)")
        let unknown = try gtm(["schema", "Segmnet"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean Segment?"))
    }

    /// One document, checked alone, and the schema findings it gives.
    static func schemaMessages(_ yaml: String) throws -> [String] {
        let result = try gtm(["check", "--format", "json", "-"], stdin: Data(yaml.utf8))
        return try findings(result).filter { $0.rule == "schema" || $0.rule == "yaml-syntax" }.map(\.message)
    }

    static let header = "apiVersion: gtm/v1\nkind: Strategy\nid: acme\nowner: {role: ceo}\nstage: product-market-fit\n"

    @Test func aKnownKeyAtTheWrongLevelSaysWhereItBelongs() throws {
        let messages = try Self.schemaMessages(Self.header + "nextSegments: [data-teams]\ngrowth: {expansion: seats, stage: scale}\n")
        #expect(messages.contains("unknown property \"nextSegments\" here: `nextSegments` belongs under `growth`"), "\(messages)")
        #expect(messages.contains("unknown property \"stage\" here: `stage` belongs at the top level of the Strategy"), "\(messages)")
    }

    @Test func anEnumValueInTheWrongCaseOrCloseGetsASuggestion() throws {
        let messages = try Self.schemaMessages(Self.header + "metrics:\n  - {name: ARR, target: 1}\nmotion: {primary: prodcut-led}\n")
        #expect(messages.contains { $0.hasSuffix("got the string \"ARR\"; did you mean `arr`? (the values are lower case)") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("got the string \"prodcut-led\"; did you mean `product-led`?") }, "\(messages)")
    }

    @Test func aStringWhereAnObjectIsExpectedListsItsKeys() throws {
        let messages = try Self.schemaMessages(Self.header + "pricing: enterprise\neconomics: {cac: 5000}\n")
        #expect(messages.contains("expected an object, got the string \"enterprise\": `pricing` takes the keys model, acv, quoteOnly, freeTier, plans, for example `pricing: {model: subscription, acv: {amount: 12000, currency: USD}}`"), "\(messages)")
        #expect(messages.contains("expected an object, got the integer 5000: `cac` takes the keys amount, currency, for example `cac: {amount: 12000, currency: USD}`"), "\(messages)")
    }

    @Test func aCommaOrColonInsideAFlowMappingSaysToQuote() throws {
        let comma = try Self.schemaMessages(Self.header + "buyers: {economicBuyer: CFO, champion: signs, approves}\n")
        #expect(comma.contains("unknown property \"approves\": the comma before it ended the value of `champion`; inside `{…}` a comma separates entries, so quote a value that holds one: `champion: \"signs, approves\"`"), "\(comma)")
        let colon = try Self.schemaMessages(Self.header + "buyers: {economicBuyer: CFO, champion: signs: approves}\n")
        #expect(colon.contains { $0.hasSuffix("inside `{…}` a colon followed by a space ends a key, so quote a value that holds one: `champion: \"signs: approves\"`") }, "\(colon)")
    }

    @Test func aFileIsCheckedWithinItsWorkspace() throws {
        let repo = try GitFixture()
        #expect(try repo.gtm("init", "--yes").status == 0)
        try repo.write("strategy/plans/sales.yaml", """
            apiVersion: gtm/v1
            kind: SalesPlan
            id: sales-2027
            name: Sales 2027
            strategy: \(try Self.strategyID(repo))
            segments: [beachhead-segment, nowhere]

            """)
        let result = try repo.gtm("check", "--format", "json", "strategy/plans/sales.yaml")
        let findings = try Self.findings(result)
        #expect(!findings.contains { $0.rule == "GTM002" }, "the strategy beside the plan was not read: \(findings)")
        #expect(findings.allSatisfy { $0.path == "strategy/plans/sales.yaml" }, "\(findings)")
        #expect(findings.contains { $0.rule == "GTM001" && $0.message.contains("nowhere") }, "\(findings)")
        // A folder outside the strategy folder that holds a Strategy is a workspace too.
        let example = try gtm(["check", "--format", "json", "examples/sales-targets-excluded/plans/sales.yaml"])
        let exampleFindings = try Self.findings(example)
        #expect(!exampleFindings.contains { $0.rule == "GTM002" }, "\(exampleFindings)")
        #expect(exampleFindings.allSatisfy { $0.path == "examples/sales-targets-excluded/plans/sales.yaml" })
    }

    static func strategyID(_ repo: GitFixture) throws -> String {
        let text = try String(contentsOf: repo.root.appendingPathComponent("strategy/strategy.yaml"), encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) } ?? ""
    }

    // MARK: Install and run anywhere

    @Test func checkReadsStandardInput() throws {
        let result = try gtm(["check", "-"], stdin: Data("apiVersion: gtm/v1\nkind: Segment\nid: x\naccounts: {estimated: many}\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("-:4:23: error: expected an integer, got the string \"many\" [schema]"), "\(result.stdout)")
    }

    @Test func colourFollowsTheFlagOverNoColor() throws {
        let broken = "Tests/GTMCommandLineTests/Fixtures/broken"
        let always = try gtm(["check", "--color", "always", broken], environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}["))
        let never = try gtm(["check", "--color", "never", broken])
        #expect(!never.stdout.contains("\u{1B}["))
        let auto = try gtm(["check", broken])  // not a terminal
        #expect(!auto.stdout.contains("\u{1B}["))
        let bad = try gtm(["check", "--color", "sometimes", broken])
        #expect(bad.status == 2)
    }

    @Test func everyCommandsHelpEndsWithExamples() throws {
        let commands: [[String]] = [[], ["init"], ["check"], ["schema"], ["validate"], ["rules"], ["diff"], ["log"], ["bugs"], ["review"], ["hook"], ["hook", "install"]]
        for command in commands {
            let result = try gtm(command + ["--help"])
            let sections = result.stdout.components(separatedBy: "\n\n")
            let last = sections.last { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
            #expect(last.hasPrefix("EXAMPLES:\n  gtm"), "gtm \(command.joined(separator: " ")) --help does not end with examples:\n\(result.stdout)")
        }
        let viaHelp = try gtm(["help", "hook", "install"])
        #expect(viaHelp.stdout.contains("EXAMPLES:\n  gtm hook install"))
    }

    @Test func makeInstallPutsBinariesCompletionsAndTheManPageUnderThePrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"),
                             ["make", "-s", "install", "PREFIX=\(prefix.path)", "BUILT=\(Paths.products.path)"], in: Paths.packageRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for file in ["bin/gtm", "bin/gtm-log", "share/bash-completion/completions/gtm", "share/zsh/site-functions/_gtm",
                     "share/fish/vendor_completions.d/gtm.fish", "share/man/man1/gtm.1", "share/man/man1/gtm-log.1"] {
            let path = prefix.appendingPathComponent(file).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 0, "make install wrote no \(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/gtm").path))
        let version = try run(prefix.appendingPathComponent("bin/gtm"), ["--version"], in: prefix)
        #expect(version.status == 0)
        let page = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/gtm.1"), encoding: .utf8)
        #expect(page.hasPrefix(".TH GTM 1"))
        for command in ["init", "check", "schema", "review", "hook install"] {
            #expect(page.contains(".SS gtm \(command)\n"), "the man page lacks gtm \(command)")
        }
        #expect(!page.contains("generate-manual"), "the hidden command is not documented")
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_gtm"), encoding: .utf8)
        #expect(zsh.contains("#compdef gtm"))
    }

    @Test func preCommitHooksOfferASwiftHookBesideTheSystemOne() throws {
        let text = try String(contentsOf: Paths.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = text.components(separatedBy: "\n- ").dropFirst()
        let system = hooks.first { $0.hasPrefix("id: gtm\n") } ?? ""
        let swift = hooks.first { $0.hasPrefix("id: gtm-swift\n") } ?? ""
        #expect(system.contains("language: system") && system.contains("always_run: true") && !system.contains("files:"))
        #expect(swift.contains("language: swift") && swift.contains("always_run: true") && !swift.contains("files:"))
        #expect(text.hasPrefix("# For the pre-commit framework"), "the comment on the system hook stays")
    }

    /// The framework builds this package itself for the `language: swift` hook; that needs
    /// SwiftPM to resolve swift-argument-parser from the network.
    @Test func thePreCommitFrameworkRunsTheSwiftHook() throws {
        let framework = Paths.packageRoot.appendingPathComponent(".build/test-tools/bin/pre-commit")
        guard FileManager.default.isExecutableFile(atPath: framework.path) else {
            print("skipped: the pre-commit framework is not installed (.build/test-tools); make test installs it from PyPI")
            return
        }
        // The framework clones a repository at a commit: a copy of this package's committed tree.
        let source = try GitFixture()
        let copy = try run(URL(fileURLWithPath: "/usr/bin/env"), ["sh", "-c", "git -C \"$0\" archive HEAD | tar -x -C \"$1\"", Paths.packageRoot.path, source.root.path], in: Paths.packageRoot)
        #expect(copy.status == 0, "\(copy.stderr)")
        try source.git("add", "-A")
        try source.git("commit", "-q", "-m", "gtm")
        let rev = try source.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let repo = try GitFixture()
        #expect(try repo.gtm("init", "--yes").status == 0)
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(source.root.path)
                rev: \(rev)
                hooks:
                  - id: gtm-swift

            """)
        try repo.write("strategy/segments/beachhead-segment.yaml", "apiVersion: gtm/v1\nkind: Segment\nid: beachhead-segment\naccounts: {estimated: lots}\n")
        try repo.git("add", "-A")
        var environment = GitFixture.environment
        // Its own home: the framework's clones and SwiftPM's cache, removed afterwards.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gtm-pre-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        environment["HOME"] = home.path
        environment["PRE_COMMIT_HOME"] = home.appendingPathComponent("pre-commit").path
        let result = try run(framework, ["run", "gtm-swift"], in: repo.root, environment: environment)
        let said = result.stdout + result.stderr
        if result.status != 0, said.contains("Fetching https://github.com/apple/swift-argument-parser"), !said.contains("got the string") {
            print("skipped: SwiftPM cannot resolve swift-argument-parser here (no network), so the framework could not build the language: swift hook")
            return
        }
        #expect(result.status != 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("got the string \"lots\""), "\(result.stdout)\(result.stderr)")
    }
}
