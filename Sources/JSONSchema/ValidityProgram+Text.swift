/// A validity program written out and read back (`ProgramText`): how the bundled schemas are
/// carried in the binary already compiled. Reading one back allocates the same flat arrays
/// the compiler makes, with no JSON parsed and no reference resolved; only the rare keywords
/// (`enum`, `const`, numbers, `pattern`) are rebuilt from their text.
extension ValidityProgram {
    /// Bumped whenever what is written changes, so text from another layout is refused.
    static let textVersion = 3

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
        guard !input.failed, Parts(roots: roots, ops: ops, lists: lists, keys: names.count, slots: slots, tables: tables,
                                   patterns: patterns, extras: extras).indexesHold
        else { return nil }
        return ValidityProgram(roots: roots, ops: ops, lists: lists, keys: names.map(KeyText.init), slots: slots, tables: tables,
                               patterns: patterns, extras: extras)
    }

    /// An operation's fields in a fixed order, each with its value when absent. A program is
    /// mostly absent fields: an operation is written as a mask of the fields it sets, then
    /// those fields' values.
    private static func fields(_ op: Op) -> [(value: Int, absent: Int)] {
        [
            (op.always.map { $0 ? 2 : 1 } ?? 0, 0), (op.declines ? 1 : 0, 0), (Int(op.typeMask), 0), (Int(op.ref), -1),
            (Int(op.allOf.start), 0), (Int(op.allOf.count), 0),
            (Int(op.anyOf.start), 0), (Int(op.anyOf.count), 0), (op.hasAnyOf ? 1 : 0, 0),
            (Int(op.oneOf.start), 0), (Int(op.oneOf.count), 0), (op.hasOneOf ? 1 : 0, 0),
            (Int(op.not), -1), (Int(op.ifSchema), -1), (Int(op.thenSchema), -1), (Int(op.elseSchema), -1),
            (Int(op.prefixItems.start), 0), (Int(op.prefixItems.count), 0), (Int(op.items), -1), (Int(op.contains), -1),
            (op.minContains, 1), (op.maxContains, -1), (op.minItems, -1), (op.maxItems, -1), (op.uniqueItems ? 1 : 0, 0),
            (op.minLength, -1), (op.maxLength, -1), (op.minProperties, -1), (op.maxProperties, -1),
            (Int(op.properties), -1), (Int(op.required.start), 0), (Int(op.required.count), 0),
            (Int(op.additionalProperties), -1), (Int(op.propertyNames), -1),
            (Int(op.patternProperties.start), 0), (Int(op.patternProperties.count), 0), (Int(op.extra), -1),
        ]
    }

    private static func write(_ op: Op, to out: inout ProgramTextWriter) {
        let all = fields(op)
        var mask = 0
        for (bit, field) in all.enumerated() where field.value != field.absent { mask |= 1 << bit }
        out.int(mask)
        for field in all where field.value != field.absent { out.int(field.value) }
    }

    /// Each field's value when absent, in the order of `fields`.
    private static let absent: [Int] = fields(Op()).map(\.absent)

    private static func readOp(_ input: inout ProgramTextReader) -> Op {
        var mask = input.int()
        return absent.withUnsafeBufferPointer { absent in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: absent.count) { v in
                _ = v.initialize(from: absent)
                // Only the fields the mask names are in the text, lowest bit first.
                while mask != 0, !input.failed {
                    let bit = mask.trailingZeroBitCount
                    mask &= mask - 1
                    guard bit < v.count else { input.fail(); break }
                    v[bit] = input.int()
                }
                func i32(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: v[i]) }
                var op = Op()
                op.always = v[0] == 0 ? nil : v[0] == 2
                op.declines = v[1] != 0
                op.typeMask = UInt8(truncatingIfNeeded: v[2])
                op.ref = i32(3)
                op.allOf = Slice32(start: i32(4), count: i32(5))
                op.anyOf = Slice32(start: i32(6), count: i32(7)); op.hasAnyOf = v[8] != 0
                op.oneOf = Slice32(start: i32(9), count: i32(10)); op.hasOneOf = v[11] != 0
                op.not = i32(12)
                op.ifSchema = i32(13); op.thenSchema = i32(14); op.elseSchema = i32(15)
                op.prefixItems = Slice32(start: i32(16), count: i32(17))
                op.items = i32(18)
                op.contains = i32(19)
                op.minContains = v[20]; op.maxContains = v[21]
                op.minItems = v[22]; op.maxItems = v[23]; op.uniqueItems = v[24] != 0
                op.minLength = v[25]; op.maxLength = v[26]
                op.minProperties = v[27]; op.maxProperties = v[28]
                op.properties = i32(29)
                op.required = Slice32(start: i32(30), count: i32(31))
                op.additionalProperties = i32(32)
                op.propertyNames = i32(33)
                op.patternProperties = Slice32(start: i32(34), count: i32(35))
                op.extra = i32(36)
                return op
            }
        }
    }

    private static func write(_ extra: Extra, to out: inout ProgramTextWriter) {
        // An enum of strings (nearly every enum) as its strings; any other as JSON text.
        if let values = extra.enumValues, values.allSatisfy({ $0.stringValue != nil }) {
            out.int(2)
            out.int(values.count)
            for value in values { out.string(value.stringValue!) }
        } else {
            out.int(extra.enumValues == nil ? 0 : 1)
            if let values = extra.enumValues { out.string(JSONValue.array(values).jsonText) }
        }
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
        switch input.int() {
        case 0: break
        case 1:
            guard let values = json(input.string())?.arrayValue else { return nil }
            extra.enumValues = values
        case 2:
            var values: [JSONValue] = []
            for _ in 0 ..< input.index(below: 1 << 20) where !input.failed { values.append(.string(input.string())) }
            extra.enumValues = values
        default: return nil
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

    /// The parts of a program read back, held to every index they hold pointing inside them,
    /// since running a program reads its arrays without bounds checks.
    private struct Parts {
        let roots: [Int32], ops: [Op], lists: [Int32], keys: Int, slots: [Slot], tables: [TableSpan]
        let patterns: [(Pattern, Int32)], extras: [Extra]

        /// Whether `i` indexes one of `count` things, or is -1 where absence is allowed.
        func index(_ i: Int32, below count: Int, absent: Bool = false) -> Bool { (absent && i == -1) || (i >= 0 && Int(i) < count) }
        func op(_ i: Int32, absent: Bool = true) -> Bool { index(i, below: ops.count, absent: absent) }
        /// A slice of the lists whose entries each index one of `count` things (operations, or
        /// keys for `required`).
        func entries(_ s: Slice32, below count: Int) -> Bool {
            s.start >= 0 && s.count >= 0 && Int(s.start) + Int(s.count) <= lists.count
                && lists[Int(s.start) ..< Int(s.start) + Int(s.count)].allSatisfy { index($0, below: count) }
        }

        var indexesHold: Bool {
            guard !roots.isEmpty, roots.allSatisfy({ op($0, absent: false) }) else { return false }
            guard slots.allSatisfy({ ($0.key == -1 && $0.op == -1) || (index($0.key, below: keys) && op($0.op)) }) else { return false }
            // A table's slots run from its start through its mask, and one at least is empty,
            // where a look-up for a key the table lacks ends.
            for table in tables {
                guard table.start >= 0, Int(table.start) + Int(table.mask) < slots.count, (table.mask &+ 1) & table.mask == 0,
                      slots[Int(table.start) ... Int(table.start) + Int(table.mask)].contains(where: { $0.key == -1 })
                else { return false }
            }
            guard patterns.allSatisfy({ op($0.1, absent: false) }) else { return false }
            for extra in extras {
                guard index(extra.enumStrings, below: tables.count, absent: true),
                      extra.dependentRequired.allSatisfy({ index($0.0, below: keys) && $0.1.allSatisfy { index($0, below: keys) } }),
                      extra.dependentSchemas.allSatisfy({ index($0.0, below: keys) && op($0.1, absent: false) })
                else { return false }
            }
            let patternSlice = { (s: Slice32) in s.start >= 0 && s.count >= 0 && Int(s.start) + Int(s.count) <= patterns.count }
            return ops.allSatisfy { o in
                op(o.ref) && op(o.not) && op(o.ifSchema) && op(o.thenSchema) && op(o.elseSchema) && op(o.items)
                    && op(o.contains) && op(o.additionalProperties) && op(o.propertyNames)
                    && entries(o.allOf, below: ops.count) && entries(o.anyOf, below: ops.count)
                    && entries(o.oneOf, below: ops.count) && entries(o.prefixItems, below: ops.count)
                    && entries(o.required, below: keys) && patternSlice(o.patternProperties)
                    && index(o.properties, below: tables.count, absent: true) && index(o.extra, below: extras.count, absent: true)
            }
        }
    }
}
