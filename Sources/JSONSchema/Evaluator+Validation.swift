/// The validation vocabulary: assertions on one value, each failure in a person's words.
extension Evaluator {
    mutating func checkValidation(_ node: SchemaNode, _ instance: JSONValue, _ path: [String], _ kw: String, _ errors: inout [ValidationError]) -> Bool {
        var valid = true
        func fail(_ keyword: String, _ message: String) {
            errors.append(error(node, keyword, path, kw, message))
            valid = false
        }
        if let types = node.types, !types.contains(where: { Self.matches(instance, type: $0) }) {
            fail("type", "expected \(Self.describe(types)), got \(instance.shortDescription)")
        }
        if let values = node.enumValues, !values.contains(instance) {
            let shown = values.prefix(8).map(\.jsonText).joined(separator: ", ") + (values.count > 8 ? ", …" : "")
            fail("enum", "expected one of \(shown), got \(instance.shortDescription)")
        }
        if let value = node.constValue, value != instance {
            fail("const", "expected \(value.jsonText), got \(instance.shortDescription)")
        }
        switch instance {
        case .number(let n):
            if let m = node.multipleOf, !n.isMultiple(of: m) { fail("multipleOf", "expected a multiple of \(m), got \(n)") }
            if let limit = node.maximum, limit < n { fail("maximum", "expected at most \(limit), got \(n)") }
            if let limit = node.exclusiveMaximum, !(n < limit) { fail("exclusiveMaximum", "expected less than \(limit), got \(n)") }
            if let limit = node.minimum, n < limit { fail("minimum", "expected at least \(limit), got \(n)") }
            if let limit = node.exclusiveMinimum, !(limit < n) { fail("exclusiveMinimum", "expected more than \(limit), got \(n)") }
        case .string(let s):
            if node.maxLength != nil || node.minLength != nil {
                let length = s.unicodeScalars.count
                if let limit = node.maxLength, length > limit { fail("maxLength", "expected at most \(Self.plural(limit, "character")), got \(length)") }
                if let limit = node.minLength, length < limit {
                    fail("minLength", limit == 1 ? "expected a non-empty string" : "expected at least \(Self.plural(limit, "character")), got \(length)")
                }
            }
            if let regex = node.pattern {
                switch regex.evaluate(s) {
                case .match: break
                case .noMatch: fail("pattern", "\(JSONText.quote(s)) does not match the pattern \(regex.source)")
                case .undecided:
                    undecided(regex, s, node, "pattern", path, kw)
                    valid = false
                }
            }
        case .array(let items):
            if let limit = node.maxItems, items.count > limit { fail("maxItems", "expected at most \(Self.plural(limit, "item")), got \(items.count)") }
            if let limit = node.minItems, items.count < limit { fail("minItems", "expected at least \(Self.plural(limit, "item")), got \(items.count)") }
            if node.uniqueItems, let (a, b) = Self.firstDuplicate(items) {
                fail("uniqueItems", "items \(a) and \(b) are equal; items must be unique")
            }
        case .object(let object):
            if let limit = node.maxProperties, object.count > limit { fail("maxProperties", "expected at most \(Self.plural(limit, "property")), got \(object.count)") }
            if let limit = node.minProperties, object.count < limit { fail("minProperties", "expected at least \(Self.plural(limit, "property")), got \(object.count)") }
            for name in node.required where object[name] == nil {
                fail("required", "missing required property \(JSONText.quote(name))")
            }
            for (name, needed) in node.dependentRequired where object[name] != nil {
                for other in needed where object[other] == nil {
                    fail("dependentRequired", "property \(JSONText.quote(name)) requires \(JSONText.quote(other)) as well")
                }
            }
        default:
            break
        }
        return valid
    }

    /// A pattern PCRE2 gave up on: neither a match nor a failure, so the one error of the
    /// evaluation, kept apart as a spent step budget is (`exhausted`), whatever `not` or `anyOf`
    /// make of the branch it stands in.
    mutating func undecided(_ regex: ECMARegex, _ text: String, _ node: SchemaNode, _ keyword: String, _ path: [String], _ kw: String) {
        guard exhausted == nil else { return }
        let budget = ECMARegex.stepBudget(bytes: text.utf8.count)
        exhausted = error(node, keyword, path, kw, "the pattern \(regex.source) could not be evaluated on \(JSONValue.string(text).shortDescription) within its budget of \(budget) backtracking steps (it backtracks without end on this text); gtm stopped here")
    }

    static func matches(_ v: JSONValue, type: String) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let n)): n.isInteger
        default: false
        }
    }

    static func describe(_ types: [String]) -> String {
        let words = types.map { t -> String in
            switch t {
            case "integer": "an integer"
            case "object": "an object"
            case "array": "an array"
            case "null": "null"
            case "boolean": "true or false"
            default: "a \(t)"
            }
        }
        if words.count <= 1 { return words.first ?? "nothing" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    static func plural(_ n: Int, _ word: String) -> String {
        n == 1 ? "1 \(word)" : "\(n) \(word == "property" ? "properties" : word + "s")"
    }

    static func firstDuplicate(_ items: [JSONValue]) -> (Int, Int)? {
        var seen: [JSONValue: Int] = [:]
        for (i, item) in items.enumerated() {
            if let j = seen[item] { return (j, i) }
            seen[item] = i
        }
        return nil
    }
}
