import GTMCore
import GTMModel

/// Positioning that does not speak to the urgent problem sells something else.
struct PositioningMissesProblemRule: Rule {
    static let description = RuleDescription(
        id: "GTM216",
        name: "positioning-misses-problem",
        severity: .warning,
        summary: "The urgent problem is not stated, or the positioning does not answer it.",
        rationale: """
            Seed 003 starts from the buyer problem urgent enough to create action, with why it \
            matters now; positioning must answer that problem. A statement that shares no words \
            with the problem usually answers a different one.
            """,
        seeds: ["003"],
        settings: [RuleSetting("min-word-length", .number(5), "Shortest word counted when comparing positioning and problem.")],
        passing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nproblem: {statement: Invoices are reconciled by hand every month., whyNow: New tax rules.}\npositioning: {statement: Reconciles invoices automatically.}\n"),
        ],
        failing: [
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nproblem: {statement: ⤷Invoices are reconciled by hand., whyNow: New rules.}\npositioning: {statement: ↓The best collaboration platform.}\n"),
            RuleExample("apiVersion: gtm/v1\nkind: Strategy\nid: s\nowner: {role: ceo, name: Dana Reyes}\nstage: product-market-fit\nproblem: ↓{statement: Invoices are reconciled by hand.}\npositioning: {statement: Reconciles invoices.}\n"),
        ]
    )

    static let stopWords: Set = ["about", "their", "there", "these", "those", "which", "while", "would", "could", "should", "other", "every", "where", "being", "after", "before", "without", "because"]

    func check(_ context: RuleContext) -> [Finding] {
        guard let strategy = context.strategy else { return [] }
        let problem = strategy[.problem], positioning = strategy[.positioning]
        guard positioning.exists || problem.exists else { return [] }
        let statement = strategy[.problemStatement]
        guard let problemText = statement.string, !problemText.trimmingSpaces.isEmpty else {
            return [context.finding("the urgent problem is not stated; say which buyer problem is urgent enough to create action", at: problem)]
        }
        if !strategy[.problemWhyNow].isPresent {
            return [context.finding("the problem does not say why it is urgent now (whyNow)", at: problem)]
        }
        let answer = strategy[.positioningStatement]
        guard let answerText = answer.string else { return [] }
        let minimum = whole(context.number("min-word-length"))
        // The strategy rarely changes between the commits a replay judges: its words are kept
        // with the document, under the text they come from.
        let problemWords = strategy.remembered("GTM216 \(minimum) " + problemText) { words(problemText, minimum) }
        let answerWords = strategy.remembered("GTM216 \(minimum) " + answerText) { words(answerText, minimum) }
        guard problemWords.isDisjoint(with: answerWords) else { return [] }
        return [context.finding(
            "the positioning statement shares no words with the urgent problem: either answer that problem in the positioning, or, if the positioning is right, state the problem it answers",
            at: answer, related: [(statement, "the urgent problem is stated here")])]
    }

    /// Lower-cased words of at least `minimum` letters, with a plural "s" dropped and the
    /// stem cut to its first six letters, so "reconciles" meets "reconciled".
    func words(_ text: String, _ minimum: Int) -> Set<Substring> {
        Self.asciiWords(text, minimum) ?? graphemeWords(text, minimum)
    }

    /// The words of any text, by `Character`.
    func graphemeWords(_ text: String, _ minimum: Int) -> Set<Substring> {
        // ASCII letters are told apart by their byte: `Character.isLetter` is costly, and `gtm
        // bugs` and `gtm report` run this rule at every commit of the strategy's history.
        Set(text.lowercased().split { ch in ch.asciiValue.map { !(97...122).contains($0) } ?? !ch.isLetter }
            .filter { $0.count >= minimum && !Self.stopWords.contains(String($0)) }.map { $0.prefix(6) })
    }

    /// The same words for ASCII text, read from its bytes without making a `Character` (nil
    /// for any other text): `gtm bugs` replays this rule on every commit of the history, and
    /// splitting the unchanged problem and positioning into graphemes was a sixth of its time.
    static func asciiWords(_ text: String, _ minimum: Int) -> Set<Substring>? {
        var text = text
        return text.withUTF8 { bytes -> Set<Substring>? in
            var result = Set<Substring>()
            var word: [UInt8] = []
            func flush(_ word: inout [UInt8], into result: inout Set<Substring>) {
                defer { word.removeAll(keepingCapacity: true) }
                guard !word.isEmpty, word.count >= minimum else { return }
                let found = String(decoding: word, as: UTF8.self)
                if !stopWords.contains(found) { result.insert(found.prefix(6)) }
            }
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                if (0x61...0x7A).contains(lower) { word.append(lower) } else { flush(&word, into: &result) }
            }
            flush(&word, into: &result)
            return result
        }
    }
}
