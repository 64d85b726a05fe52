import Synchronization

/// The validity program: a compiled schema flattened into an array of operations, one per
/// schema node, that answers only "is this document valid?" on a `FlatInstance`. It builds no
/// location, message or annotation, retains nothing per value, looks properties up by their
/// bytes in open-addressed tables, and tests types as bit sets. Most documents are valid, and
/// for them this is the whole cost of validation.
///
/// It may decline to answer (`nil`): a keyword it leaves to the full evaluator
/// (`unevaluated*`, `$dynamicRef`, an unresolved `$ref`, a vocabulary switched off), a pattern
/// past its budget, too many steps or too deep. A document it cannot prove valid, invalid
/// ones included, then goes through `Schema.validate`, so every finding is the full
/// evaluator's: this program can only ever say "valid" sooner.
final class ValidityProgram: @unchecked Sendable {
    /// One schema node. Lists live in `lists`, as `start`/`count` pairs; -1 means absent.
    struct Op: Sendable {
        var always: Bool?  // a boolean schema
        var declines = false
        var typeMask: UInt8 = 0  // 0: any type
        var ref: Int32 = -1
        var allOf = Slice32()
        var anyOf = Slice32(), hasAnyOf = false
        var oneOf = Slice32(), hasOneOf = false
        var not: Int32 = -1
        var ifSchema: Int32 = -1, thenSchema: Int32 = -1, elseSchema: Int32 = -1
        var prefixItems = Slice32()
        var items: Int32 = -1
        var contains: Int32 = -1
        var minContains = 1, maxContains = -1
        var minItems = -1, maxItems = -1, uniqueItems = false
        var minLength = -1, maxLength = -1
        var minProperties = -1, maxProperties = -1
        var properties: Int32 = -1  // index in `tables`
        var required = Slice32()  // indexes in `keys`
        var additionalProperties: Int32 = -1
        var propertyNames: Int32 = -1
        var patternProperties = Slice32()  // indexes in `patterns`, each with its schema in `lists`
        /// Rare keywords (enum, const, numbers, pattern, format, dependencies): index in `extras`.
        var extra: Int32 = -1
    }

    struct Slice32: Sendable {
        var start: Int32 = 0
        var count: Int32 = 0
    }

    /// Immutable once compiled; a class so that reading one costs one reference, not a copy.
    final class Extra: @unchecked Sendable {
        var enumValues: [JSONValue]?
        /// An enum of strings only: its strings as keys, for one hashed look-up.
        var enumStrings: Int32 = -1
        var constValue: JSONValue?
        var multipleOf: JSONNumber?
        var maximum: JSONNumber?
        var exclusiveMaximum: JSONNumber?
        var minimum: JSONNumber?
        var exclusiveMinimum: JSONNumber?
        var pattern: Pattern?
        var format: String?
        var dependentRequired: [(Int32, [Int32])] = []  // key indexes
        var dependentSchemas: [(Int32, Int32)] = []  // key index, op
        var needsNumber: Bool {
            multipleOf != nil || maximum != nil || exclusiveMaximum != nil || minimum != nil || exclusiveMinimum != nil
        }
        /// The numeric keywords as machine integers, when every one present is a whole number
        /// of at most 18 digits (set by `finish`): an integer value is then judged without
        /// reading its decimal text into a `JSONNumber`.
        private(set) var integerLimits: IntegerLimits?

        struct IntegerLimits {
            var multipleOf: Int?, maximum: Int?, exclusiveMaximum: Int?, minimum: Int?, exclusiveMinimum: Int?

            func admit(_ v: Int) -> Bool {
                if let m = multipleOf, v % m != 0 { return false }
                if let limit = maximum, v > limit { return false }
                if let limit = exclusiveMaximum, v >= limit { return false }
                if let limit = minimum, v < limit { return false }
                if let limit = exclusiveMinimum, v <= limit { return false }
                return true
            }
        }

        /// Called by the program's initialiser, once the keywords are set and before the
        /// program is shared.
        func finish() {
            let all = [multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum]
            let whole = all.map { $0?.intValue }
            // Every limit present must have its integer form; a zero multipleOf never does.
            guard zip(all, whole).allSatisfy({ $0 == nil || $1 != nil }), whole[0] != 0 else { return }
            integerLimits = IntegerLimits(multipleOf: whole[0], maximum: whole[1], exclusiveMaximum: whole[2],
                                          minimum: whole[3], exclusiveMinimum: whole[4])
        }
    }

    /// A pattern as a program holds it: compiled, or (read back from text) only its source,
    /// compiled by PCRE2 the first time a value reaches it. Most patterns of the built-in
    /// schemas never meet a value in a run, and compiling them all cost more than reading
    /// the rest of the programs.
    final class Pattern: Sendable {
        let source: String
        private let compiled: Mutex<ECMARegex??>

        init(_ regex: ECMARegex) {
            source = regex.source
            compiled = Mutex(.some(regex))
        }

        init(source: String) {
            self.source = source
            compiled = Mutex(nil)
        }

        /// The verdict on `text`; undecided when the source does not compile (never for text
        /// gtm wrote), so that the full evaluator judges. `text` is valid UTF-8.
        func evaluate(utf8 text: UnsafeBufferPointer<UInt8>, data: PCRE2MatchData) -> ECMARegex.Verdict {
            let regex = compiled.withLock { compiled in
                if let compiled { return compiled }
                let made = try? ECMARegex(source)
                compiled = .some(made)
                return made
            }
            return regex?.evaluate(utf8: text, data: data) ?? .undecided
        }
    }

    /// Flat storage, allocated once and read through pointers: no reference counting while
    /// a document is checked.
    let ops: UnsafeMutableBufferPointer<Op>
    let lists: UnsafeMutableBufferPointer<Int32>
    /// Every property name's bytes, one after the other; `keys` says where each is.
    let keyBytes: UnsafeMutableBufferPointer<UInt8>
    let keys: UnsafeMutableBufferPointer<KeySpan>
    /// The slots of every `properties` table; `tables` says where each table starts.
    let slots: UnsafeMutableBufferPointer<Slot>
    let tables: UnsafeMutableBufferPointer<TableSpan>
    let patterns: [(Pattern, Int32)]
    let extras: [Extra]
    /// Each schema's first operation (one, unless the program was made for several).
    let roots: [Int32]
    var root: Int32 { roots[0] }

    struct KeySpan {
        var start: Int32
        var length: Int32
        var hash: UInt32
    }

    struct Slot {
        var key: Int32
        var op: Int32
    }

    struct TableSpan {
        var start: Int32
        var mask: UInt32
    }

    deinit {
        ops.deallocate()
        lists.deallocate()
        keyBytes.deallocate()
        keys.deallocate()
        slots.deallocate()
        tables.deallocate()
    }

    /// The array's elements in a buffer of exactly their count, whose address is never nil
    /// (one element is allocated for an empty array, and never counted or read).
    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(start: buffer.baseAddress, count: array.count)
    }

    // MARK: - Compiling

    convenience init(root node: SchemaNode, options: ValidatorOptions) {
        self.init(roots: [node], options: options)
    }

    /// One program for several schemas: what they share (a common schema they refer to) is
    /// compiled once. `roots` has each schema's operation, in order.
    convenience init(roots nodes: [SchemaNode], options: ValidatorOptions) {
        var builder = Builder(options: options)
        let roots = nodes.map { builder.compile($0) }
        var allSlots: [Slot] = []
        var spansOfTables: [TableSpan] = []
        for table in builder.tables {
            spansOfTables.append(TableSpan(start: Int32(allSlots.count), mask: table.mask))
            allSlots += table.slots.map { Slot(key: $0.key, op: $0.op) }
        }
        self.init(roots: roots, ops: builder.ops, lists: builder.lists, keys: builder.keys,
                  slots: allSlots, tables: spansOfTables, patterns: builder.patterns, extras: builder.extras)
    }

    /// A program from its parts: compiled here, or read back from text (`ProgramText`).
    init(roots: [Int32], ops: [Op], lists: [Int32], keys: [KeyText], slots: [Slot], tables: [TableSpan],
         patterns: [(Pattern, Int32)], extras: [Extra]) {
        self.roots = roots
        self.ops = Self.copy(ops)
        self.lists = Self.copy(lists)
        var bytes: [UInt8] = []
        var spans: [KeySpan] = []
        for key in keys {
            spans.append(KeySpan(start: Int32(bytes.count), length: Int32(key.bytes.count), hash: key.hash))
            bytes += key.bytes
        }
        keyBytes = Self.copy(bytes)
        self.keys = Self.copy(spans)
        self.slots = Self.copy(slots)
        self.tables = Self.copy(tables)
        self.patterns = patterns
        self.extras = extras
        for extra in extras { extra.finish() }
    }

    private struct Builder {
        let options: ValidatorOptions
        var ops: [Op] = []
        var lists: [Int32] = []
        var keys: [KeyText] = []
        var keyIndex: [String: Int32] = [:]
        var tables: [KeyTable] = []
        var patterns: [(Pattern, Int32)] = []
        var extras: [Extra] = []
        var compiled: [ObjectIdentifier: Int32] = [:]

        init(options: ValidatorOptions) { self.options = options }

        mutating func key(_ name: String) -> Int32 {
            if let k = keyIndex[name] { return k }
            keys.append(KeyText(name))
            keyIndex[name] = Int32(keys.count - 1)
            return Int32(keys.count - 1)
        }

        mutating func list(_ nodes: [SchemaNode]) -> Slice32 {
            let ids = nodes.map { compile($0) }
            let start = Int32(lists.count)
            lists += ids
            return Slice32(start: start, count: Int32(ids.count))
        }

        mutating func optional(_ node: SchemaNode?) -> Int32 {
            node.map { compile($0) } ?? -1
        }

        /// The operation of a node, compiled once (references make the graph cyclic).
        mutating func compile(_ node: SchemaNode) -> Int32 {
            if let done = compiled[ObjectIdentifier(node)] { return done }
            let me = Int32(ops.count)
            compiled[ObjectIdentifier(node)] = me
            ops.append(Op())
            var op = Op()
            if let b = node.boolean {
                op.always = b
                ops[Int(me)] = op
                return me
            }
            // Left to the full evaluator wherever a value reaches them.
            if node.dynamicRef != nil || node.unresolvedRef != nil || node.unevaluatedItems != nil
                || node.unevaluatedProperties != nil || !node.validation {
                op.declines = true
                ops[Int(me)] = op
                return me
            }
            if let types = node.types {
                for t in types { op.typeMask |= ValidityProgram.mask(forType: t) }
                if op.typeMask == 0 { op.typeMask = 0x80 }  // no known type: nothing matches
            }
            op.ref = optional(node.ref)
            op.allOf = list(node.allOf)
            if let anyOf = node.anyOf { op.anyOf = list(anyOf); op.hasAnyOf = true }
            if let oneOf = node.oneOf { op.oneOf = list(oneOf); op.hasOneOf = true }
            op.not = optional(node.not)
            op.ifSchema = optional(node.ifSchema)
            op.thenSchema = optional(node.thenSchema)
            op.elseSchema = optional(node.elseSchema)
            op.prefixItems = list(node.prefixItems)
            op.items = optional(node.items)
            op.contains = optional(node.contains)
            op.minContains = node.minContains ?? 1
            op.maxContains = node.maxContains ?? -1
            op.minItems = node.minItems ?? -1
            op.maxItems = node.maxItems ?? -1
            op.uniqueItems = node.uniqueItems
            op.minLength = node.minLength ?? -1
            op.maxLength = node.maxLength ?? -1
            op.minProperties = node.minProperties ?? -1
            op.maxProperties = node.maxProperties ?? -1
            if !node.properties.isEmpty {
                var entries: [(Int32, Int32)] = []
                // In the schema's order, so that the program is the same from one build to the next.
                for name in node.propertyOrder { entries.append((key(name), compile(node.properties[name]!))) }
                tables.append(KeyTable(entries, keys: keys))
                op.properties = Int32(tables.count - 1)
            }
            let required = node.required.map { key($0) }
            op.required = Slice32(start: Int32(lists.count), count: Int32(required.count))
            lists += required
            op.additionalProperties = optional(node.additionalProperties)
            op.propertyNames = optional(node.propertyNames)
            if !node.patternProperties.isEmpty {
                let start = Int32(patterns.count)
                for (regex, sub) in node.patternProperties {
                    let target = compile(sub)
                    patterns.append((Pattern(regex), target))
                }
                op.patternProperties = Slice32(start: start, count: Int32(node.patternProperties.count))
            }
            let extra = Extra()
            extra.enumValues = node.enumValues
            if let values = node.enumValues, !values.isEmpty, values.allSatisfy({ $0.stringValue != nil }) {
                tables.append(KeyTable(values.map { (key($0.stringValue!), Int32(0)) }, keys: keys))
                extra.enumStrings = Int32(tables.count - 1)
            }
            extra.constValue = node.constValue
            extra.multipleOf = node.multipleOf
            extra.maximum = node.maximum
            extra.exclusiveMaximum = node.exclusiveMaximum
            extra.minimum = node.minimum
            extra.exclusiveMinimum = node.exclusiveMinimum
            extra.pattern = node.pattern.map(Pattern.init)
            extra.format = options.formatAssertion ? node.format : nil
            extra.dependentRequired = node.dependentRequired.map { (key($0.0), $0.1.map { key($0) }) }
            for (name, sub) in node.dependentSchemas { extra.dependentSchemas.append((key(name), compile(sub))) }
            if extra.enumValues != nil || extra.constValue != nil || extra.needsNumber || extra.pattern != nil
                || extra.format != nil || !extra.dependentRequired.isEmpty || !extra.dependentSchemas.isEmpty {
                extras.append(extra)
                op.extra = Int32(extras.count - 1)
            }
            ops[Int(me)] = op
            return me
        }
    }

    static let nullBit: UInt8 = 1, boolBit: UInt8 = 2, objectBit: UInt8 = 4, arrayBit: UInt8 = 8
    static let numberBit: UInt8 = 16, stringBit: UInt8 = 32, integerBit: UInt8 = 64

    static func mask(forType name: String) -> UInt8 {
        switch name {
        case "null": nullBit
        case "boolean": boolBit
        case "object": objectBit
        case "array": arrayBit
        case "number": numberBit
        case "string": stringBit
        case "integer": integerBit
        default: 0
        }
    }

    /// The type bits a node has (an integer is a number too).
    @inline(__always)
    static func bits(_ kind: FlatInstance.Kind) -> UInt8 {
        switch kind {
        case .null: nullBit
        case .bool: boolBit
        case .integer: numberBit | integerBit
        case .number: numberBit
        case .string: stringBit
        case .array: arrayBit
        case .object: objectBit
        }
    }
}

/// A property name's bytes, kept once per program.
struct KeyText: Sendable {
    let bytes: [UInt8]
    let hash: UInt32
    let text: String

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        hash = bytes.withUnsafeBufferPointer { KeyText.hash($0) }
    }

    /// The length and four bytes (first, last, middle, a third in), mixed: property names
    /// of one schema differ there, and a collision costs one more probe, never a wrong answer
    /// (every probe compares the whole key). No loop over the key: most lookups are one hash
    /// and one comparison.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let n = bytes.count
        guard n > 0 else { return 0 }
        var h = UInt32(truncatingIfNeeded: n) &* 0x9E37_79B1
        h ^= UInt32(bytes[0]) | UInt32(bytes[n - 1]) << 8 | UInt32(bytes[n / 2]) << 16 | UInt32(bytes[n / 3]) << 24
        h ^= h >> 15
        h &*= 0x2C1B_3C6D
        h ^= h >> 12
        return h
    }
}

/// The `properties` of one schema: open addressing over key bytes, twice as many slots as keys.
struct KeyTable: Sendable {
    /// Per slot: the key index and the operation, or -1.
    var slots: [(key: Int32, op: Int32)]
    let mask: UInt32

    init(_ entries: [(key: Int32, op: Int32)], keys: [KeyText]) {
        var size = 4
        while size < entries.count * 2 { size *= 2 }
        slots = Array(repeating: (-1, -1), count: size)
        mask = UInt32(size - 1)
        for e in entries {
            var i = keys[Int(e.key)].hash & mask
            while slots[Int(i)].key >= 0 { i = (i + 1) & mask }
            slots[Int(i)] = e
        }
    }
}
