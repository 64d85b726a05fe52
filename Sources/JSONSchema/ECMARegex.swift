internal import CPCRE2

/// An ECMA-262 regular expression, as JSON Schema's `pattern` and `patternProperties` use:
/// read and rewritten in PCRE2's syntax once (`ECMARegexTranslator`), compiled by the system
/// PCRE2, and matched as a search (not a whole match) within a budget.
///
/// The budget is why PCRE2: a pattern that backtracks without end, `^(a+)+$` against
/// `aaaaaaaaaaaaaaaaaaaaa!`, took Swift's Regex more than a minute; PCRE2 counts its steps and
/// gives up after `stepBudget` of them, within milliseconds. Giving up is neither a match nor
/// a failure: the verdict is `undecided`, and the evaluator reports it as such.
struct ECMARegex: Sendable {
    let source: String
    private let code: PCRE2Code

    struct InvalidPattern: Error {
        var message: String
        /// The pattern is valid ECMA-262, but PCRE2 cannot run it: a lookbehind of variable
        /// width (`(?<=a+)`), which PCRE2 10.42 does not have, or a pattern past its size limits.
        /// `format: regex` counts such a pattern valid; `pattern` cannot use it.
        var beyondEngine = false
    }

    enum Verdict: Sendable, Equatable {
        case match
        case noMatch
        /// PCRE2 ran out of its budget (steps, depth or heap) before it knew.
        case undecided
    }

    /// UTF-8 with ECMA-262's anchors: `$` only at the very end (PCRE2 would also take it before
    /// a final newline); a backreference to a group that has not matched matches the empty
    /// string, as in ECMA-262; `\C` and `(*UCP)` never (the translator refuses them too).
    /// No PCRE2_UCP: it would make `\d`, `\w` and `\b` Unicode, where ECMA-262 keeps them ASCII.
    static let options = UInt32(PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_MATCH_UNSET_BACKREF | PCRE2_NEVER_BACKSLASH_C | PCRE2_NEVER_UCP)

    /// A lone surrogate escape (`\uD800`) compiles, and matches nothing, as in ECMA-262 against
    /// well-formed text.
    static let compileContext = PCRE2CompileContext(extraOptions: UInt32(PCRE2_EXTRA_ALLOW_SURROGATE_ESCAPES))

    /// JIT-compiled: validating a short string against a semantic-version pattern takes 0.3 µs
    /// instead of 0.6 µs interpreted (2.5 µs with Swift's Regex), for about 10 µs more per
    /// pattern compiled (`make bench-micro`), repaid within some thirty matches.
    static let jit = true

    /// Steps PCRE2 may take on one text: a hundred thousand, or twenty per byte of a longer
    /// text. A pattern that does not backtrack without end takes about two steps a byte; one that
    /// does spends the hundred thousand in a few milliseconds (`^(a|aa)+$` against 37 `a`s and
    /// a `!`). The interpreter counts afresh at each place an unanchored search starts from; the
    /// first place that spends the budget ends the search.
    static func stepBudget(bytes: Int) -> Int {
        max(100_000, 20 * bytes)
    }

    /// Sixty-four mebibytes of backtracking frames at most, whatever the text.
    static let heapKibibytes = 64 * 1024

    /// The context every text up to 5,000 bytes shares: its budget is the smallest one.
    static let standardContext = PCRE2MatchContext(steps: stepBudget(bytes: 0), heapKibibytes: heapKibibytes)

    init(_ pattern: String) throws(InvalidPattern) {
        source = pattern
        let translated = try ECMARegexTranslator.translate(pattern)
        do {
            code = try PCRE2Code(pattern: translated, options: Self.options, context: Self.compileContext, jit: Self.jit)
        } catch {
            guard Self.beyondEngine.contains(error.code) else { throw InvalidPattern(message: error.message) }
            throw InvalidPattern(message: "valid ECMA-262 that PCRE2 cannot run: \(error.message)", beyondEngine: true)
        }
    }

    /// PCRE2's refusals of what ECMA-262 allows: lookbehinds of variable width and the limits
    /// of its size (quantifier bounds, nesting, names, captures, the pattern itself).
    static let beyondEngine: Set<Int32> = [
        PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH, PCRE2_ERROR_LOOKBEHIND_TOO_COMPLICATED, PCRE2_ERROR_LOOKBEHIND_TOO_LONG,
        PCRE2_ERROR_QUANTIFIER_TOO_BIG, PCRE2_ERROR_PARENTHESES_NEST_TOO_DEEP, PCRE2_ERROR_PATTERN_TOO_LARGE,
        PCRE2_ERROR_PATTERN_TOO_COMPLICATED, PCRE2_ERROR_PATTERN_STRING_TOO_LONG, PCRE2_ERROR_SUBPATTERN_NAME_TOO_LONG,
        PCRE2_ERROR_TOO_MANY_NAMED_SUBPATTERNS, PCRE2_ERROR_SUBPATTERN_NUMBER_TOO_BIG, PCRE2_ERROR_TOO_MANY_CAPTURES,
    ]

    /// Whether a pattern is valid ECMA-262, for `format: regex`.
    static func isValid(_ pattern: String) -> Bool {
        do {
            _ = try ECMARegex(pattern)
            return true
        } catch {
            return error.beyondEngine
        }
    }

    /// Whether the pattern matches anywhere in `text`, or `undecided` when PCRE2 ran out of
    /// budget first.
    func evaluate(_ text: String) -> Verdict {
        var text = text
        // Swift strings are valid UTF-8: PCRE2 need not check each text again.
        return text.withUTF8 { evaluate(utf8: $0, data: PCRE2MatchData()) }
    }

    /// The same verdict on text already known to be valid UTF-8 (a flat document's bytes),
    /// with match data the caller keeps between matches on one thread.
    func evaluate(utf8 text: UnsafeBufferPointer<UInt8>, data: PCRE2MatchData) -> Verdict {
        let length = text.count
        let context = length * 20 <= Self.stepBudget(bytes: 0)
            ? Self.standardContext
            : PCRE2MatchContext(steps: Self.stepBudget(bytes: length), heapKibibytes: Self.heapKibibytes)
        // PCRE2 takes no null subject, even an empty one.
        let empty: UInt8 = 0
        return withUnsafePointer(to: empty) { nothing in
            let bytes = text.baseAddress ?? nothing
            var result = code.match(bytes, length, options: UInt32(PCRE2_NO_UTF_CHECK), data: data, context: context)
            if result == PCRE2_ERROR_JIT_STACKLIMIT {
                // JIT code keeps its backtracking on a small stack; the interpreter keeps it
                // on the heap, within the budget's heap limit.
                result = code.match(bytes, length, options: UInt32(PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT), data: data, context: context)
            }
            if result >= 0 { return .match }
            if result == PCRE2_ERROR_NOMATCH { return .noMatch }
            return .undecided
        }
    }
}
