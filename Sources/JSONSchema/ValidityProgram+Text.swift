/// A validity program written out and read back (`ProgramText`): how the bundled schemas are
/// carried in the binary already compiled. Reading one back allocates the same flat arrays
/// the compiler makes, with no JSON parsed and no reference resolved; only the rare keywords
/// (`enum`, `const`, numbers, `pattern`) are rebuilt from their text.
extension ValidityProgram {
    /// Bumped whenever what is written changes, so text from another layout is refused.
    static let textVersion = 1

    func write(to out: inout ProgramTextWriter) {
        out.int(Self.textVersion)
        out.int(roots.count)
        for root in roots { out.int32(root) }
        out.int(ops.count)
        for op in ops { Self.write(op, to: &out) }
        out.int(lists.count)
        for v in lists { out.int32(v) }
        out.int(keys.count)
        for span in keys {
            let name = String(decoding: UnsafeBufferPointer(rebasing: keyBytes[Int(span.start) ..< Int(span.start + span.length)]), as: UTF8.self)
            out.string(name)
        }
        out.int(slots.count)
        for slot in slots { out.int32(slot.key); out.int32(slot.op) }
        out.int(tables.count)
        for table in tables { out.int32(table.start); out.int(Int(table.mask)) }
        out.int(patterns.count)
        for (regex, op) in patterns { out.string(regex.source); out.int32(op) }
        out.int(extras.count)
        for extra in extras { Self.write(extra, to: &out) }
    }

    /// The program `write` wrote, or nil when the text is not one (another version, cut short,
    /// an index out of range). Its patterns are compiled when first used.
    static func read(from input: inout ProgramTextReader) -> ValidityProgram? {
        guard input.int() == textVersion else { return nil }
        var roots: [Int32] = []
        for _ in 0 ..< input.index(below: 1 << 16) where !input.failed { roots.append(input.int32()) }
        let opCount = input.index(below: 1 << 24)
        var ops: [Op] = []
        ops.reserveCapacity(opCount)
        for _ in 0 ..< opCount where !input.failed { ops.append(readOp(&input)) }
        var lists: [Int32] = []
        let listCount = input.index(below: 1 << 24)
        lists.reserveCapacity(listCount)
        for _ in 0 ..< listCount where !input.failed { lists.append(input.int32()) }
        var names: [String] = []
        for _ in 0 ..< input.index(below: 1 << 24) where !input.failed { names.append(input.string()) }
        var slots: [Slot] = []
        for _ in 0 ..< input.index(below: 1 << 24) where !input.failed { slots.append(Slot(key: input.int32(), op: input.int32())) }
        var tables: [TableSpan] = []
        for _ in 0 ..< input.index(below: 1 << 24) where !input.failed {
            tables.append(TableSpan(start: input.int32(), mask: UInt32(truncatingIfNeeded: input.int())))
        }
        // Patterns are compiled when first used, each source once.
        var sources: [String: Pattern] = [:]
        func pattern(_ source: String) -> Pattern {
            if let known = sources[source] { return known }
            let made = Pattern(source: source)
            sources[source] = made
            return made
        }
        var patterns: [(Pattern, Int32)] = []
        for _ in 0 ..< input.index(below: 1 << 20) where !input.failed {
            patterns.append((pattern(input.string()), input.int32()))
        }
        var extras: [Extra] = []
        for _ in 0 ..< input.index(below: 1 << 24) where !input.failed {
            guard let extra = readExtra(&input, pattern: pattern) else { return nil }
            extras.append(extra)
        }
        guard !input.failed else { return nil }
        let bounds = Bounds(ops: ops.count, lists: lists.count, keys: names.count, slots: slots.count,
                            tables: tables.count, patterns: patterns.count, extras: extras.count)
        guard !roots.isEmpty, roots.allSatisfy({ bounds.op($0, optional: false) }), bounds.holds(ops: ops, lists: lists, slots: slots, tables: tables, patterns: patterns, extras: extras) else { return nil }
        return ValidityProgram(roots: roots, ops: ops, lists: lists, keys: names, slots: slots, tables: tables,
                               patterns: patterns, extras: extras)
    }

    private static func write(_ op: Op, to out: inout ProgramTextWriter) {
        out.int(op.always.map { $0 ? 2 : 1 } ?? 0)
        out.bool(op.declines)
        out.int(Int(op.typeMask))
        out.int32(op.ref)
        write(op.allOf, to: &out)
        write(op.anyOf, to: &out); out.bool(op.hasAnyOf)
        write(op.oneOf, to: &out); out.bool(op.hasOneOf)
        out.int32(op.not)
        out.int32(op.ifSchema); out.int32(op.thenSchema); out.int32(op.elseSchema)
        write(op.prefixItems, to: &out)
        out.int32(op.items)
        out.int32(op.contains)
        out.int(op.minContains); out.int(op.maxContains)
        out.int(op.minItems); out.int(op.maxItems); out.bool(op.uniqueItems)
        out.int(op.minLength); out.int(op.maxLength)
        out.int(op.minProperties); out.int(op.maxProperties)
        out.int32(op.properties)
        write(op.required, to: &out)
        out.int32(op.additionalProperties)
        out.int32(op.propertyNames)
        write(op.patternProperties, to: &out)
        out.int32(op.extra)
    }

    private static func readOp(_ input: inout ProgramTextReader) -> Op {
        var op = Op()
        switch input.int() {
        case 1: op.always = false
        case 2: op.always = true
        default: op.always = nil
        }
        op.declines = input.bool()
        op.typeMask = UInt8(truncatingIfNeeded: input.int())
        op.ref = input.int32()
        op.allOf = readSlice(&input)
        op.anyOf = readSlice(&input); op.hasAnyOf = input.bool()
        op.oneOf = readSlice(&input); op.hasOneOf = input.bool()
        op.not = input.int32()
        op.ifSchema = input.int32(); op.thenSchema = input.int32(); op.elseSchema = input.int32()
        op.prefixItems = readSlice(&input)
        op.items = input.int32()
        op.contains = input.int32()
        op.minContains = input.int(); op.maxContains = input.int()
        op.minItems = input.int(); op.maxItems = input.int(); op.uniqueItems = input.bool()
        op.minLength = input.int(); op.maxLength = input.int()
        op.minProperties = input.int(); op.maxProperties = input.int()
        op.properties = input.int32()
        op.required = readSlice(&input)
        op.additionalProperties = input.int32()
        op.propertyNames = input.int32()
        op.patternProperties = readSlice(&input)
        op.extra = input.int32()
        return op
    }

    private static func write(_ slice: Slice32, to out: inout ProgramTextWriter) {
        out.int32(slice.start)
        out.int32(slice.count)
    }

    private static func readSlice(_ input: inout ProgramTextReader) -> Slice32 {
        Slice32(start: input.int32(), count: input.int32())
    }

    private static func write(_ extra: Extra, to out: inout ProgramTextWriter) {
        out.optionalString(extra.enumValues.map { JSONValue.array($0).jsonText })
        out.int32(extra.enumStrings)
        out.optionalString(extra.constValue?.jsonText)
        for number in [extra.multipleOf, extra.maximum, extra.exclusiveMaximum, extra.minimum, extra.exclusiveMinimum] {
            out.optionalString(number?.description)
        }
        out.optionalString(extra.pattern?.source)
        out.optionalString(extra.format)
        out.int(extra.dependentRequired.count)
        for (name, needed) in extra.dependentRequired {
            out.int32(name)
            out.int(needed.count)
            for key in needed { out.int32(key) }
        }
        out.int(extra.dependentSchemas.count)
        for (name, op) in extra.dependentSchemas { out.int32(name); out.int32(op) }
    }

    private static func readExtra(_ input: inout ProgramTextReader, pattern: (String) -> Pattern) -> Extra? {
        let extra = Extra()
        if let text = input.optionalString() {
            guard let values = json(text)?.arrayValue else { return nil }
            extra.enumValues = values
        }
        extra.enumStrings = input.int32()
        if let text = input.optionalString() {
            guard let value = json(text) else { return nil }
            extra.constValue = value
        }
        var numbers: [JSONNumber?] = []
        for _ in 0 ..< 5 {
            guard let text = input.optionalString() else { numbers.append(nil); continue }
            guard let number = JSONNumber(literal: text) else { return nil }
            numbers.append(number)
        }
        (extra.multipleOf, extra.maximum, extra.exclusiveMaximum, extra.minimum, extra.exclusiveMinimum) =
            (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
        extra.pattern = input.optionalString().map(pattern)
        extra.format = input.optionalString()
        for _ in 0 ..< input.index(below: 1 << 20) where !input.failed {
            let name = input.int32()
            var needed: [Int32] = []
            for _ in 0 ..< input.index(below: 1 << 20) where !input.failed { needed.append(input.int32()) }
            extra.dependentRequired.append((name, needed))
        }
        for _ in 0 ..< input.index(below: 1 << 20) where !input.failed {
            extra.dependentSchemas.append((input.int32(), input.int32()))
        }
        return input.failed ? nil : extra
    }

    private static func json(_ text: String) -> JSONValue? {
        try? JSONParser.parse(Array(text.utf8), recordPositions: false).value
    }

    /// Every index a program read back holds points inside it, since running one reads its
    /// arrays without bounds checks. (Lists hold operations and keys both: each entry is held
    /// to the larger of the two.)
    private struct Bounds {
        let ops, lists, keys, slots, tables, patterns, extras: Int

        func op(_ i: Int32, optional: Bool = true) -> Bool { (optional && i == -1) || (i >= 0 && Int(i) < ops) }
        func slice(_ s: Slice32, within count: Int) -> Bool { s.start >= 0 && s.count >= 0 && Int(s.start) + Int(s.count) <= count }

        func holds(ops all: [Op], lists: [Int32], slots: [Slot], tables: [TableSpan],
                   patterns: [(Pattern, Int32)], extras: [Extra]) -> Bool {
            let entry = max(ops, keys)
            guard lists.allSatisfy({ $0 >= 0 && Int($0) < entry }) else { return false }
            guard slots.allSatisfy({ ($0.key == -1 && $0.op == -1) || ($0.key >= 0 && Int($0.key) < keys && op($0.op)) }) else { return false }
            // A table's slots run from its start through its mask.
            guard tables.allSatisfy({ $0.start >= 0 && Int($0.start) + Int($0.mask) < self.slots && ($0.mask + 1) & $0.mask == 0 }) else { return false }
            guard patterns.allSatisfy({ op($0.1, optional: false) }) else { return false }
            for extra in extras {
                guard extra.enumStrings == -1 || (extra.enumStrings >= 0 && Int(extra.enumStrings) < self.tables),
                      extra.dependentRequired.allSatisfy({ $0.0 >= 0 && Int($0.0) < keys && $0.1.allSatisfy { $0 >= 0 && Int($0) < keys } }),
                      extra.dependentSchemas.allSatisfy({ $0.0 >= 0 && Int($0.0) < keys && op($0.1, optional: false) })
                else { return false }
            }
            return all.allSatisfy { o in
                op(o.ref) && op(o.not) && op(o.ifSchema) && op(o.thenSchema) && op(o.elseSchema) && op(o.items)
                    && op(o.contains) && op(o.additionalProperties) && op(o.propertyNames)
                    && slice(o.allOf, within: lists.count) && slice(o.anyOf, within: lists.count)
                    && slice(o.oneOf, within: lists.count) && slice(o.prefixItems, within: lists.count)
                    && slice(o.required, within: lists.count) && slice(o.patternProperties, within: patterns.count)
                    && (o.properties == -1 || (o.properties >= 0 && Int(o.properties) < self.tables))
                    && (o.extra == -1 || (o.extra >= 0 && Int(o.extra) < self.extras))
            }
        }
    }
}
