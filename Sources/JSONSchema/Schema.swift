import Synchronization

/// A compiled schema, ready to validate any number of instances from any number of threads.
///
/// Either compiled from its JSON (a root node and the registry of every node), or read back
/// from a validity program compiled when gtm was built (`read(programText:options:wholes:)`):
/// then only `isValid` is answered from the program, and the first `validate`, which says
/// where and why, compiles the schema itself through its `whole`.
public final class Schema: Sendable {
    private let compiled: Compiled?
    private let deferred: Deferred?
    let options: ValidatorOptions
    /// The same schema as a validity program, for `isValid(_:)`: built on first use, since
    /// most schemas are only ever applied through `validate`, and building the program for
    /// every schema cost a tenth of `gtm check`.
    private let builtProgram = Mutex<ValidityProgram?>(nil)
    /// Where this schema starts in a program shared with others; nil: the program's root.
    private let programRoot: Int32?

    /// A compiled schema's root and the registry that owns its nodes.
    private struct Compiled: Sendable {
        let root: SchemaNode
        let registry: SchemaRegistry
    }

    /// The whole schema behind a program read back from text, compiled at most once.
    private final class Deferred: Sendable {
        let make: @Sendable () -> Schema
        let made = Mutex<Schema?>(nil)

        init(make: @escaping @Sendable () -> Schema) { self.make = make }

        var schema: Schema {
            made.withLock { made in
                if let made { return made }
                let schema = make()
                made = schema
                return schema
            }
        }
    }

    /// The compiled root and registry; nil for a schema read back from a program.
    var root: SchemaNode? { compiled?.root }
    var registry: SchemaRegistry? { compiled?.registry }

    var program: ValidityProgram {
        builtProgram.withLock { built in
            if let built { return built }
            // A schema read from text always has its program; only a compiled one gets here.
            let made = ValidityProgram(root: compiled!.root, options: options)
            built = made
            return made
        }
    }

    init(root: SchemaNode, registry: SchemaRegistry, options: ValidatorOptions) {
        compiled = Compiled(root: root, registry: registry)
        deferred = nil
        programRoot = nil
        self.options = options
    }

    /// One program's schema: the program and the operation this schema starts at.
    private init(program: ValidityProgram, root: Int32, options: ValidatorOptions, whole: @escaping @Sendable () -> Schema) {
        compiled = nil
        deferred = Deferred(make: whole)
        programRoot = root
        self.options = options
        builtProgram.withLock { $0 = program }
    }

    /// The validity program of several schemas as printable text, what they share written
    /// once, to be read back by `read(programText:options:wholes:)`. The schemas are compiled
    /// from their JSON, with `options`.
    public static func programText(of schemas: [Schema], options: ValidatorOptions) -> [UInt8] {
        precondition(schemas.allSatisfy { $0.compiled != nil && $0.options == options },
                     "a program is written from schemas compiled from their JSON with the options named")
        var out = ProgramTextWriter()
        out.int(options.formatAssertion ? 1 : 0)
        out.string(options.defaultDraft.rawValue)
        ValidityProgram(roots: schemas.map { $0.compiled!.root }, options: options).write(to: &out)
        return out.bytes
    }

    /// The schemas `programText(of:options:)` wrote, in order, or nil when the text is not a
    /// program written with these options by this build, or does not hold one schema for
    /// each of `wholes`. `wholes[i]` compiles schema `i` from its JSON: it runs the first
    /// time an instance needs to be told where and why it fails.
    public static func read(programText text: UnsafeBufferPointer<UInt8>, options: ValidatorOptions,
                            wholes: [@Sendable () -> Schema]) -> [Schema]? {
        var input = ProgramTextReader(text)
        guard input.int() == (options.formatAssertion ? 1 : 0), input.string() == options.defaultDraft.rawValue,
              let program = ValidityProgram.read(from: &input), input.isAtEnd, program.roots.count == wholes.count
        else { return nil }
        return zip(program.roots, wholes).map { Schema(program: program, root: $0, options: options, whole: $1) }
    }

    /// Whether this schema was read back from a program compiled ahead.
    public var isPrecompiled: Bool { deferred != nil }

    /// Whether a flat document is valid, when the validity program can say: true or false, or
    /// nil when only `validate` can (see `ValidityProgram`). A caller that gets anything but
    /// true calls `validate` for the errors; true means `validate` would find none.
    public func isValid(_ instance: FlatInstance) -> Bool? {
        instance.nodes.withUnsafeBufferPointer { nodes in
            instance.children.withUnsafeBufferPointer { children in
                instance.bytes.withUnsafeBufferPointer { bytes in
                    let program = self.program
                    var run = ProgramRun(program: program, nodes: nodes, children: children, bytes: bytes,
                                         stepBudget: 100_000 + 20 * nodes.count)
                    let valid = run.check(self.programRoot ?? program.root, instance.root)
                    return run.declined ? nil : valid
                }
            }
        }
    }

    /// The `$ref`s nothing resolved: each fails the values that reach it. A program compiled
    /// ahead is written only for schemas that resolve every reference.
    public var unresolvedReferences: [SchemaError] { compiled?.registry.unresolved ?? [] }

    /// `knownInvalid`: the validity program already said the instance fails (`isValid` gave
    /// false), so the cheap first pass would only say it again.
    public func validate(_ instance: JSONValue, knownInvalid: Bool = false) -> ValidationResult {
        guard let compiled else { return deferred!.schema.validate(instance, knownInvalid: knownInvalid) }
        let (root, registry) = (compiled.root, compiled.registry)
        // First the cheap pass, without locations; only an invalid instance pays for the
        // second pass that says where and why.
        // The budget grows with the document, counted only once the first 100,000 steps are
        // spent: counting every value of every document cost more than a tenth of validating it.
        let perValue: @Sendable () -> Int = { 20 * instance.valueCount }
        var quick = Evaluator(registry: registry, options: options, collect: false)
        quick.lateBudget = perValue
        var ignored: [ValidationError] = []
        // A spent budget is never a success, even where `not` made one of it.
        if !knownInvalid, quick.evaluate(root, instance, [], "", &ignored) != nil && quick.exhausted == nil {
            return ValidationResult(isValid: true, errors: [])
        }
        var full = Evaluator(registry: registry, options: options, collect: true)
        full.stepBudget = quick.stepBudget
        full.lateBudget = quick.lateBudget
        var errors: [ValidationError] = []
        let valid = full.evaluate(root, instance, [], "", &errors) != nil
        if let exhausted = full.exhausted ?? quick.exhausted {
            return ValidationResult(isValid: false, errors: [exhausted])
        }
        return ValidationResult(isValid: valid, errors: valid ? [] : errors)
    }
}

/// What an evaluation learned about which properties and items were looked at, for
/// `unevaluatedProperties` and `unevaluatedItems`.
struct Annotations {
    var properties: Set<String> = []
    /// Items before this index were evaluated (`prefixItems`).
    var items = 0
    /// Every item was evaluated (`items`, `unevaluatedItems`).
    var allItems = false
    /// Items `contains` matched.
    var containsIndexes: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        properties.formUnion(other.properties)
        items = max(items, other.items)
        allItems = allItems || other.allItems
        containsIndexes.formUnion(other.containsIndexes)
    }
}

extension JSONValue {
    /// How many values the document holds, itself included.
    var valueCount: Int {
        switch self {
        case .array(let items): 1 + items.reduce(0) { $0 + $1.valueCount }
        case .object(let object): 1 + object.reduce(0) { $0 + $1.value.valueCount }
        default: 1
        }
    }
}
