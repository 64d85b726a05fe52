/// Runs a `ValidityProgram` on a `FlatInstance`: true or false, or `declined` set when the
/// answer is the full evaluator's to give (see `ValidityProgram`). After `declined` the
/// booleans mean nothing (a `not` would turn them round) and the caller ignores them.
struct ProgramRun {
    let program: ValidityProgram
    let ops: UnsafeMutableBufferPointer<ValidityProgram.Op>
    let lists: UnsafeMutableBufferPointer<Int32>
    let nodes: UnsafeBufferPointer<FlatInstance.Node>
    let children: UnsafeBufferPointer<Int32>
    let bytes: UnsafeBufferPointer<UInt8>
    var steps = 0
    let stepBudget: Int
    var depth = 0
    var declined = false
    /// PCRE2's match data, made at the first pattern and kept for every match of this run.
    private var matchData: PCRE2MatchData?

    /// The match data for the next match.
    mutating func data() -> PCRE2MatchData {
        if let matchData { return matchData }
        let made = PCRE2MatchData()
        matchData = made
        return made
    }

    init(program: ValidityProgram, nodes: UnsafeBufferPointer<FlatInstance.Node>, children: UnsafeBufferPointer<Int32>,
         bytes: UnsafeBufferPointer<UInt8>, stepBudget: Int) {
        self.program = program
        self.ops = program.ops
        self.lists = program.lists
        self.nodes = nodes
        self.children = children
        self.bytes = bytes
        self.stepBudget = stepBudget
    }

    /// Byte equality, eight at a time.
    @inline(__always)
    static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// Whether an instance text node holds exactly the bytes of a program key.
    @inline(__always)
    func textIs(_ node: FlatInstance.Node, key: Int32) -> Bool {
        let span = program.keys[Int(key)]
        return node.length == span.length
            && Self.same(bytes.baseAddress! + Int(node.start), program.keyBytes.baseAddress! + Int(span.start), Int(span.length))
    }

    @inline(__always)
    func text(_ node: FlatInstance.Node) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(node.start) ..< Int(node.start) + Int(node.length)])
    }

    @inline(__always)
    func string(_ node: FlatInstance.Node) -> String {
        String(decoding: text(node), as: UTF8.self)
    }

    mutating func check(_ opIndex: Int32, _ at: Int32) -> Bool {
        if declined { return false }
        let op = UnsafePointer(ops.baseAddress! + Int(opIndex))
        if let always = op.pointee.always { return always }
        if op.pointee.declines { declined = true; return false }
        steps += 1
        depth += 1
        defer { depth -= 1 }
        if steps > stepBudget || depth > 256 { declined = true; return false }
        let node = nodes[Int(at)]
        if op.pointee.typeMask != 0, op.pointee.typeMask & ValidityProgram.bits(node.kind) == 0 { return false }
        if op.pointee.ref >= 0, !check(op.pointee.ref, at) { return false }
        if op.pointee.extra >= 0, !checkExtra(program.extras[Int(op.pointee.extra)], node, at) { return false }
        switch node.kind {
        case .string:
            if op.pointee.minLength >= 0 || op.pointee.maxLength >= 0 {
                // Characters are code points: UTF-8 bytes that do not continue one.
                let t = text(node)
                var length = t.count
                if (op.pointee.maxLength >= 0 && length > op.pointee.maxLength) || length < op.pointee.minLength * 4 {
                    length = 0
                    for b in t where b & 0xC0 != 0x80 { length += 1 }
                }
                if op.pointee.maxLength >= 0, length > op.pointee.maxLength { return false }
                if length < op.pointee.minLength { return false }
            }
        case .array:
            if !checkArray(op, node) { return false }
        case .object:
            if !checkObject(op, node, at) { return false }
        default:
            break
        }
        for i in 0 ..< Int(op.pointee.allOf.count) where !check(lists[Int(op.pointee.allOf.start) + i], at) { return false }
        if op.pointee.hasAnyOf {
            var matched = false
            for i in 0 ..< Int(op.pointee.anyOf.count) where check(lists[Int(op.pointee.anyOf.start) + i], at) {
                matched = true
                break
            }
            if !matched { return false }
        }
        if op.pointee.hasOneOf {
            var matches = 0
            for i in 0 ..< Int(op.pointee.oneOf.count) where check(lists[Int(op.pointee.oneOf.start) + i], at) {
                matches += 1
                if matches > 1 { return false }
            }
            if matches != 1 { return false }
        }
        if op.pointee.not >= 0, check(op.pointee.not, at) { return false }
        if op.pointee.ifSchema >= 0 {
            if check(op.pointee.ifSchema, at) {
                if op.pointee.thenSchema >= 0, !check(op.pointee.thenSchema, at) { return false }
            } else if op.pointee.elseSchema >= 0, !check(op.pointee.elseSchema, at) { return false }
        }
        return !declined
    }

    mutating func checkArray(_ opPointer: UnsafePointer<ValidityProgram.Op>, _ node: FlatInstance.Node) -> Bool {
        let op = opPointer.pointee
        let count = Int(node.length)
        let first = Int(node.start)
        if op.maxItems >= 0, count > op.maxItems { return false }
        if count < op.minItems { return false }
        let prefix = min(Int(op.prefixItems.count), count)
        for i in 0 ..< prefix where !check(lists[Int(op.prefixItems.start) + i], children[first + i]) { return false }
        if op.items >= 0 {
            for i in prefix ..< count where !check(op.items, children[first + i]) { return false }
        }
        if op.contains >= 0 {
            var matched = 0
            for i in 0 ..< count where check(op.contains, children[first + i]) { matched += 1 }
            if matched < op.minContains { return false }
            if op.maxContains >= 0, matched > op.maxContains { return false }
        }
        if op.uniqueItems, count > 1 {
            for i in 1 ..< count {
                steps += i
                if steps > stepBudget { declined = true; return false }
                for j in 0 ..< i where equal(children[first + i], children[first + j]) { return false }
            }
        }
        return true
    }

    mutating func checkObject(_ opPointer: UnsafePointer<ValidityProgram.Op>, _ node: FlatInstance.Node, _ at: Int32) -> Bool {
        let op = opPointer.pointee
        let members = Int(node.length) / 2
        let first = Int(node.start)
        if op.maxProperties >= 0, members > op.maxProperties { return false }
        if members < op.minProperties { return false }
        for r in 0 ..< Int(op.required.count) where find(lists[Int(op.required.start) + r], in: node) < 0 { return false }
        let checksEach = op.properties >= 0 || op.patternProperties.count > 0 || op.additionalProperties >= 0 || op.propertyNames >= 0
        guard checksEach else { return true }
        for m in 0 ..< members {
            let keyNode = children[first + 2 * m]
            let value = children[first + 2 * m + 1]
            var known = false
            if op.properties >= 0, let sub = lookup(nodes[Int(keyNode)], in: op.properties) {
                known = true
                if !check(sub, value) { return false }
            }
            if op.patternProperties.count > 0 {
                let name = text(nodes[Int(keyNode)])
                let data = data()
                for p in 0 ..< Int(op.patternProperties.count) {
                    let (regex, sub) = program.patterns[Int(op.patternProperties.start) + p]
                    switch regex.evaluate(utf8: name, data: data) {
                    case .match:
                        known = true
                        if !check(sub, value) { return false }
                    case .noMatch:
                        continue
                    case .undecided:
                        declined = true
                        return false
                    }
                }
            }
            if !known, op.additionalProperties >= 0, !check(op.additionalProperties, value) { return false }
            if op.propertyNames >= 0, !check(op.propertyNames, keyNode) { return false }
        }
        return true
    }

    /// A plain integer's value (`-` and up to 18 digits), or nil for any other text (`1.0`,
    /// `1e2`, a longer one), which is read as a `JSONNumber`.
    @inline(__always)
    static func smallInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { i = 1 }
        let digits = text.count - i
        guard digits > 0, digits <= 18 else { return nil }
        var v = 0
        while i < text.count {
            let d = text[i] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
            i += 1
        }
        return negative ? -v : v
    }

    /// Enum, const, numbers, pattern, format and dependencies: rarer, kept apart.
    mutating func checkExtra(_ extra: ValidityProgram.Extra, _ node: FlatInstance.Node, _ at: Int32) -> Bool {
        if extra.enumStrings >= 0 {
            if node.kind != .string || lookup(node, in: extra.enumStrings) == nil { return false }
        } else if let values = extra.enumValues, !values.contains(where: { equal(at, $0) }) {
            return false
        }
        if let value = extra.constValue, !equal(at, value) { return false }
        switch node.kind {
        case .integer, .number:
            guard extra.needsNumber else { break }
            if node.kind == .integer, let limits = extra.integerLimits, let v = Self.smallInteger(text(node)) {
                if !limits.admit(v) { return false }
                break
            }
            guard let n = JSONNumber(literal: string(node)) else { declined = true; return false }
            if let m = extra.multipleOf, !n.isMultiple(of: m) { return false }
            if let limit = extra.maximum, limit < n { return false }
            if let limit = extra.exclusiveMaximum, !(n < limit) { return false }
            if let limit = extra.minimum, n < limit { return false }
            if let limit = extra.exclusiveMinimum, !(limit < n) { return false }
        case .string:
            if let regex = extra.pattern {
                switch regex.evaluate(utf8: text(node), data: data()) {
                case .match: break
                case .noMatch: return false
                case .undecided: declined = true; return false
                }
            }
            if let format = extra.format, !Formats.isValid(string(node), format: format) { return false }
        case .object:
            for (name, needed) in extra.dependentRequired where find(name, in: node) >= 0 {
                for other in needed where find(other, in: node) < 0 { return false }
            }
            for (name, sub) in extra.dependentSchemas where find(name, in: node) >= 0 {
                if !check(sub, at) { return false }
            }
        default:
            break
        }
        return true
    }

    // MARK: - Keys and equality

    /// The member index of a key in an object, or -1.
    func find(_ key: Int32, in node: FlatInstance.Node) -> Int {
        let first = Int(node.start)
        for m in 0 ..< Int(node.length) / 2 where textIs(nodes[Int(children[first + 2 * m])], key: key) { return m }
        return -1
    }

    /// The operation a `properties` table gives a key, or nil.
    func lookup(_ keyNode: FlatInstance.Node, in table: Int32) -> Int32? {
        let span = program.tables[Int(table)]
        let key = UnsafeBufferPointer(rebasing: bytes[Int(keyNode.start) ..< Int(keyNode.start) + Int(keyNode.length)])
        var i = KeyText.hash(key) & span.mask
        while true {
            let slot = program.slots[Int(span.start) + Int(i)]
            if slot.key < 0 { return nil }
            if textIs(keyNode, key: slot.key) { return slot.op }
            i = (i + 1) & span.mask
        }
    }

    /// JSON Schema equality of two instance nodes (numbers by value, objects in any order).
    func equal(_ a: Int32, _ b: Int32) -> Bool {
        let x = nodes[Int(a)], y = nodes[Int(b)]
        switch (x.kind, y.kind) {
        case (.null, .null): return true
        case (.bool, .bool): return x.flag == y.flag
        case (.string, .string):
            return x.length == y.length && Self.same(bytes.baseAddress! + Int(x.start), bytes.baseAddress! + Int(y.start), Int(x.length))
        case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
            return JSONNumber(literal: string(x)) == JSONNumber(literal: string(y))
        case (.array, .array):
            guard x.length == y.length else { return false }
            for i in 0 ..< Int(x.length) where !equal(children[Int(x.start) + i], children[Int(y.start) + i]) { return false }
            return true
        case (.object, .object):
            guard x.length == y.length else { return false }
            for m in 0 ..< Int(x.length) / 2 {
                let key = text(nodes[Int(children[Int(x.start) + 2 * m])])
                var found = false
                for n in 0 ..< Int(y.length) / 2 where text(nodes[Int(children[Int(y.start) + 2 * n])]).elementsEqual(key) {
                    found = equal(children[Int(x.start) + 2 * m + 1], children[Int(y.start) + 2 * n + 1])
                    break
                }
                if !found { return false }
            }
            return true
        default:
            return false
        }
    }

    /// Equality of an instance node and a schema's value (`enum`, `const`).
    func equal(_ at: Int32, _ value: JSONValue) -> Bool {
        let x = nodes[Int(at)]
        switch (x.kind, value) {
        case (.null, .null): return true
        case (.bool, .bool(let b)): return x.flag == b
        case (.string, .string(let s)): return text(x).elementsEqual(s.utf8)
        case (.integer, .number(let n)), (.number, .number(let n)): return JSONNumber(literal: string(x)) == n
        case (.array, .array(let items)):
            guard Int(x.length) == items.count else { return false }
            for (i, item) in items.enumerated() where !equal(children[Int(x.start) + i], item) { return false }
            return true
        case (.object, .object(let object)):
            guard Int(x.length) / 2 == object.count else { return false }
            for m in 0 ..< Int(x.length) / 2 {
                let key = string(nodes[Int(children[Int(x.start) + 2 * m])])
                guard let member = object[key], equal(children[Int(x.start) + 2 * m + 1], member) else { return false }
            }
            return true
        default:
            return false
        }
    }
}
