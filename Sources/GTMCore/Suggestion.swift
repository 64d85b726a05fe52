import JSONSchema

/// "Did you mean …?" for misspelt keys, kinds and rule ids: the same judgement of closeness
/// as the schema validator's unknown properties (`NameDistance`), so a typo is recognised
/// alike wherever it is made.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a typo (at most a third
    /// of the word's length in edits, or a long shared beginning).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        NameDistance.closest(to: word, in: Array(candidates))
    }

    /// Edits between two words, a swap of neighbours counting as one.
    public static func distance(_ a: String, _ b: String) -> Int {
        NameDistance.distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
}
