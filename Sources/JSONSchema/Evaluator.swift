/// Applies a compiled schema to an instance. Returns the annotations of a successful
/// evaluation, or nil when the instance fails (errors are appended to `errors`).
struct Evaluator {
    let registry: SchemaRegistry
    let options: ValidatorOptions
    /// Schema resources entered so far, outermost first: the dynamic scope of `$dynamicRef`.
    var scope: [String] = []
    var depth = 0
    /// Evaluation steps taken, against a budget: `anyOf` and `oneOf` that branch through
    /// recursive references are exponential in the depth of a document, and any document must
    /// get an answer in bounded time.
    var steps = 0
    /// A hundred thousand steps, and twenty more for each value of the document: far more
    /// than any reasonable schema takes (a 500-value strategy takes a few thousand).
    var stepBudget = 100_000
    /// What the budget grows by, asked the first time it is spent (`Schema.validate`: twenty
    /// steps per value of the document); nil once added, or when the budget is fixed.
    var lateBudget: (@Sendable () -> Int)?
    /// The error said when the budget ran out, or a pattern's own match budget did (see
    /// `undecided`), kept apart: `anyOf` keeps only the closest branch's errors, and `not`
    /// turns a failure into a success; this one must reach the report whatever the branch.
    var exhausted: ValidationError?
    /// Build locations and messages. A first pass runs without them: most documents are
    /// valid, and a valid document then costs no string building at all.
    let collect: Bool
    /// Keep the property names `unevaluatedProperties` needs; off when no schema uses it.
    let trackProperties: Bool

    init(registry: SchemaRegistry, options: ValidatorOptions, collect: Bool) {
        self.registry = registry
        self.options = options
        self.collect = collect
        self.trackProperties = registry.usesUnevaluatedProperties
    }

    /// The instance path one step down, built only when errors are collected.
    @inline(__always) func down(_ path: [String], _ token: String) -> [String] {
        collect ? path + [token] : path
    }

    /// The keyword path one step down, built only when errors are collected.
    @inline(__always) func step(_ kw: String, _ suffix: @autoclosure () -> String) -> String {
        collect ? kw + suffix() : kw
    }

    mutating func evaluate(_ node: SchemaNode, _ instance: JSONValue, _ path: [String], _ kw: String, _ errors: inout [ValidationError]) -> Annotations? {
        if let b = node.boolean {
            if b { return Annotations() }
            errors.append(error(node, "", path, kw, "no value is allowed here, got \(instance.shortDescription)"))
            return nil
        }
        steps += 1
        if steps > stepBudget, let late = lateBudget {
            lateBudget = nil
            stepBudget += late()
        }
        if steps > stepBudget {
            if exhausted == nil {
                exhausted = error(node, "", path, kw, "judging this value takes more than \(stepBudget) steps through the schema (its anyOf or oneOf branch without end); gtm stopped here")
            }
            return nil
        }
        let pushed = scope.last != node.resource
        if pushed { scope.append(node.resource) }
        depth += 1
        defer {
            depth -= 1
            if pushed { scope.removeLast() }
        }
        if depth > 256 {
            errors.append(error(node, "$ref", path, kw, "the schema refers to itself more than 256 levels deep at this value"))
            return nil
        }
        var annotations = Annotations()
        var valid = true

        if let target = node.ref {
            if let a = evaluate(target, instance, path, step(kw, "/$ref"), &errors) { annotations.merge(a) } else { valid = false }
        } else if let reason = node.unresolvedRef {
            errors.append(error(node, "$ref", path, kw, "this value cannot be judged: \(reason)"))
            valid = false
        }
        if var target = node.dynamicRef {
            if let name = node.dynamicAnchorName {
                for resource in scope {
                    if let anchored = registry.dynamicAnchors[resource]?[name] { target = anchored; break }
                }
            }
            if let a = evaluate(target, instance, path, step(kw, "/$dynamicRef"), &errors) { annotations.merge(a) } else { valid = false }
        }
        if node.validation && !checkValidation(node, instance, path, kw, &errors) { valid = false }
        if let format = node.format, options.formatAssertion, case .string(let s) = instance, !Formats.isValid(s, format: format) {
            errors.append(error(node, "format", path, kw, "\(JSONText.quote(s)) is not a valid \(format)"))
            valid = false
        }
        if !applyInPlace(node, instance, path, kw, &annotations, &errors) { valid = false }
        switch instance {
        case .array(let items):
            if !applyItems(node, items, path, kw, &annotations, &errors) { valid = false }
        case .object(let object):
            if !applyProperties(node, object, path, kw, &annotations, &errors) { valid = false }
        default:
            break
        }
        return valid ? annotations : nil
    }

    // MARK: - Applicators on the same value

    mutating func applyInPlace(_ node: SchemaNode, _ instance: JSONValue, _ path: [String], _ kw: String, _ annotations: inout Annotations, _ errors: inout [ValidationError]) -> Bool {
        var valid = true
        for (i, sub) in node.allOf.enumerated() {
            if let a = evaluate(sub, instance, path, step(kw, "/allOf/\(i)"), &errors) { annotations.merge(a) } else { valid = false }
        }
        if let branches = node.anyOf {
            var matched = false
            var attempts: [[ValidationError]] = []
            for (i, sub) in branches.enumerated() {
                var branchErrors: [ValidationError] = []
                if let a = evaluate(sub, instance, path, step(kw, "/anyOf/\(i)"), &branchErrors) {
                    annotations.merge(a)
                    matched = true
                } else {
                    attempts.append(branchErrors)
                }
            }
            if !matched {
                if collect { errors += Self.closest(attempts, at: path) }
                valid = false
            }
        }
        if let branches = node.oneOf {
            var matches: [Int] = []
            var matchedAnnotations = Annotations()
            var attempts: [[ValidationError]] = []
            for (i, sub) in branches.enumerated() {
                var branchErrors: [ValidationError] = []
                if let a = evaluate(sub, instance, path, step(kw, "/oneOf/\(i)"), &branchErrors) {
                    matches.append(i)
                    matchedAnnotations = a
                } else {
                    attempts.append(branchErrors)
                }
            }
            if matches.count == 1 {
                annotations.merge(matchedAnnotations)
            } else if matches.isEmpty {
                if collect { errors += Self.closest(attempts, at: path) }
                valid = false
            } else {
                errors.append(error(node, "oneOf", path, kw, "matches \(matches.count) of the alternatives (\(matches.map(String.init).joined(separator: ", "))); it must match exactly one"))
                valid = false
            }
        }
        if let sub = node.not {
            var ignored: [ValidationError] = []
            if evaluate(sub, instance, path, step(kw, "/not"), &ignored) != nil {
                errors.append(error(node, "not", path, kw, "\(instance.shortDescription) matches a schema it must not match"))
                valid = false
            }
        }
        if let condition = node.ifSchema {
            var ignored: [ValidationError] = []
            if let a = evaluate(condition, instance, path, step(kw, "/if"), &ignored) {
                annotations.merge(a)
                if let then = node.thenSchema {
                    if let b = evaluate(then, instance, path, step(kw, "/then"), &errors) { annotations.merge(b) } else { valid = false }
                }
            } else if let otherwise = node.elseSchema {
                if let b = evaluate(otherwise, instance, path, step(kw, "/else"), &errors) { annotations.merge(b) } else { valid = false }
            }
        }
        if case .object(let object) = instance {
            for (name, sub) in node.dependentSchemas where object[name] != nil {
                if let a = evaluate(sub, instance, path, step(kw, "/dependentSchemas/" + Pointer.escape(name)), &errors) { annotations.merge(a) } else { valid = false }
            }
        }
        return valid
    }

    /// The failed branch that came closest, so that the one report shown is about what the
    /// author meant: first a branch whose kind of value fits (no `type`, `const` or `enum`
    /// failure at the value itself), then the one that knows the most of the value's
    /// properties (fewest unknown ones: a job with `steps` but no `runs-on` is a job that
    /// lacks `runs-on`, not a reusable-workflow call with an unknown `steps`), then the one
    /// whose errors reach deepest (it matched the most structure), then the fewest errors.
    static func closest(_ attempts: [[ValidationError]], at path: [String]) -> [ValidationError] {
        let here = path.map { "/" + Pointer.escape($0) }.joined()
        func depth(_ e: ValidationError) -> Int { e.instanceLocation.reduce(0) { $0 + ($1 == "/" ? 1 : 0) } }
        func score(_ errors: [ValidationError]) -> (Int, Int, Int, Int) {
            let wrongKind = errors.contains { $0.instanceLocation == here && ["type", "const", "enum", "false"].contains($0.keyword) }
            let unknown = errors.count { $0.keyword == "additionalProperties" || $0.keyword == "unevaluatedProperties" }
            return (wrongKind ? 1 : 0, unknown, -(errors.map(depth).max() ?? 0), errors.count)
        }
        return attempts.map { ($0, score($0)) }.min { $0.1 < $1.1 }?.0 ?? []
    }

    // MARK: - Arrays

    mutating func applyItems(_ node: SchemaNode, _ items: [JSONValue], _ path: [String], _ kw: String, _ annotations: inout Annotations, _ errors: inout [ValidationError]) -> Bool {
        var valid = true
        let prefix = min(node.prefixItems.count, items.count)
        for i in 0..<prefix {
            if evaluate(node.prefixItems[i], items[i], down(path, String(i)), step(kw, "/prefixItems/\(i)"), &errors) == nil { valid = false }
        }
        annotations.items = max(annotations.items, prefix)
        if let sub = node.items {
            for i in node.prefixItems.count..<max(items.count, node.prefixItems.count) {
                if evaluate(sub, items[i], down(path, String(i)), step(kw, "/items"), &errors) == nil { valid = false }
            }
            annotations.allItems = true
        }
        if let sub = node.contains {
            var matched: Set<Int> = []
            for (i, item) in items.enumerated() {
                var ignored: [ValidationError] = []
                if evaluate(sub, item, down(path, String(i)), step(kw, "/contains"), &ignored) != nil { matched.insert(i) }
            }
            annotations.containsIndexes.formUnion(matched)
            let minimum = node.validation ? (node.minContains ?? 1) : 1
            if matched.count < minimum {
                errors.append(error(node, "contains", path, kw, minimum == 1
                    ? "expected at least one item to match the contains schema, none does"
                    : "expected at least \(minimum) items to match the contains schema, got \(matched.count)"))
                valid = false
            }
            if node.validation, let maximum = node.maxContains, matched.count > maximum {
                errors.append(error(node, "maxContains", path, kw, "expected at most \(maximum) items to match the contains schema, got \(matched.count)"))
                valid = false
            }
        }
        if let sub = node.unevaluatedItems, !annotations.allItems {
            for i in annotations.items..<max(items.count, annotations.items) where !annotations.containsIndexes.contains(i) {
                if evaluate(sub, items[i], down(path, String(i)), step(kw, "/unevaluatedItems"), &errors) == nil {
                    if sub.boolean == false { rewriteLast(&errors, "unexpected item at index \(i): no schema describes it", keyword: "unevaluatedItems") }
                    valid = false
                }
            }
            annotations.allItems = true
        }
        return valid
    }

    // MARK: - Objects

    mutating func applyProperties(_ node: SchemaNode, _ object: JSONObject, _ path: [String], _ kw: String, _ annotations: inout Annotations, _ errors: inout [ValidationError]) -> Bool {
        var valid = true
        for (key, value) in object {
            var known = false
            if let sub = node.properties[key] {
                known = true
                if evaluate(sub, value, down(path, key), step(kw, "/properties/" + Pointer.escape(key)), &errors) == nil { valid = false }
                if trackProperties { annotations.properties.insert(key) }
            }
            for (regex, sub) in node.patternProperties {
                switch regex.evaluate(key) {
                case .match: break
                case .noMatch: continue
                case .undecided:
                    // Known or not, nobody can say: no "unknown property" on top of this error.
                    known = true
                    undecided(regex, key, node, "patternProperties", down(path, key), kw)
                    valid = false
                    continue
                }
                known = true
                if evaluate(sub, value, down(path, key), step(kw, "/patternProperties/" + Pointer.escape(regex.source)), &errors) == nil { valid = false }
                if trackProperties { annotations.properties.insert(key) }
            }
            if !known, let sub = node.additionalProperties {
                if evaluate(sub, value, down(path, key), step(kw, "/additionalProperties"), &errors) == nil {
                    if sub.boolean == false { unknown(key, node, path, keyword: "additionalProperties", &errors) }
                    valid = false
                }
                if trackProperties { annotations.properties.insert(key) }
            }
            if let sub = node.propertyNames {
                if evaluate(sub, .string(key), down(path, key), step(kw, "/propertyNames"), &errors) == nil { valid = false }
            }
        }
        if let sub = node.unevaluatedProperties {
            for (key, value) in object where !annotations.properties.contains(key) {
                if evaluate(sub, value, down(path, key), step(kw, "/unevaluatedProperties"), &errors) == nil {
                    if sub.boolean == false { unknown(key, node, path, keyword: "unevaluatedProperties", &errors) }
                    valid = false
                }
                if trackProperties { annotations.properties.insert(key) }
            }
        }
        return valid
    }

    /// An unknown property, said with the declared one it most likely misspells (worked out
    /// once per key: the edit distances are most of the cost of a document full of typos).
    func unknown(_ key: String, _ node: SchemaNode, _ path: [String], keyword: String, _ errors: inout [ValidationError]) {
        let suggestion = closestProperty(key, node)
        let intended = suggestion.map { (path + [$0]).map { "/" + Pointer.escape($0) }.joined() }
        rewriteLast(&errors, unknownProperty(key, suggestion: suggestion), keyword: keyword, intended: intended)
    }

    func unknownProperty(_ key: String, suggestion: String?) -> String {
        if let suggestion {
            return "unknown property \(JSONText.quote(key)); did you mean \(JSONText.quote(suggestion))?"
        }
        return "unknown property \(JSONText.quote(key))"
    }

    /// Replaces the generic "no value is allowed" of a `false` subschema with what it means
    /// where it stands (an unknown property, an unexpected item), naming the keyword.
    func rewriteLast(_ errors: inout [ValidationError], _ message: String, keyword: String, intended: String? = nil) {
        guard !errors.isEmpty else { return }
        errors[errors.count - 1].message = message
        errors[errors.count - 1].keyword = keyword
        errors[errors.count - 1].intendedLocation = intended
    }

    /// The declared property an unknown key most likely misspells.
    func closestProperty(_ key: String, _ node: SchemaNode) -> String? {
        var candidates = node.propertyOrder
        for sub in node.allOf + (node.ref.map { [$0] } ?? []) { candidates += sub.propertyOrder }
        return NameDistance.closest(to: key, in: candidates)
    }


    func error(_ node: SchemaNode, _ keyword: String, _ path: [String], _ kw: String, _ message: String) -> ValidationError {
        let suffix = keyword.isEmpty ? "" : "/" + keyword
        return ValidationError(
            instanceLocation: path.map { "/" + Pointer.escape($0) }.joined(),
            keywordLocation: kw + suffix,
            absoluteKeywordLocation: node.location + suffix,
            keyword: keyword.isEmpty ? "false" : keyword,
            message: message
        )
    }
}

/// Edit distance for "did you mean" hints on unknown properties (and, through GTMCore's
/// `Suggestion`, on every misspelt name gtm reports).
public enum NameDistance {
    /// Close by edit distance (a third of the word), or sharing a long prefix
    /// (`excludes` → `exclusions`).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        let limit = max(1, w.count / 3)
        var best: (String, Int)?
        for c in candidates {
            let x = Array(c.lowercased().unicodeScalars)
            let d = distance(w, x)
            let prefix = zip(w, x).prefix { $0 == $1 }.count
            let close = d <= limit || (prefix >= 4 && prefix * 2 >= max(w.count, x.count))
            if close, d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }

    /// Edits between two words, a swap of neighbours counting as one (`stpes` → `steps`): the
    /// optimal-string-alignment distance, since swapped letters are the commonest typo.
    public static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    row[j] = min(row[j], before[j - 2] + 1)
                }
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[y.count]
    }
}
