import Synchronization

/// A compiled schema, ready to validate any number of instances from any number of threads.
public final class Schema: Sendable {
    let root: SchemaNode
    let registry: SchemaRegistry
    let options: ValidatorOptions
    /// The same schema as a validity program, for `isValid(_:)`: built on first use, since
    /// only `gtm validate` asks, and building it for every schema cost a tenth of `gtm check`.
    private let builtProgram = Mutex<ValidityProgram?>(nil)

    var program: ValidityProgram {
        builtProgram.withLock { built in
            if let built { return built }
            let made = ValidityProgram(root: root, options: options)
            built = made
            return made
        }
    }

    init(root: SchemaNode, registry: SchemaRegistry, options: ValidatorOptions) {
        self.root = root
        self.registry = registry
        self.options = options
    }

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
                    let valid = run.check(program.root, instance.root)
                    return run.declined ? nil : valid
                }
            }
        }
    }

    /// The `$ref`s nothing resolved: each fails the values that reach it.
    public var unresolvedReferences: [SchemaError] { registry.unresolved }

    /// `knownInvalid`: the validity program already said the instance fails (`isValid` gave
    /// false), so the cheap first pass would only say it again.
    public func validate(_ instance: JSONValue, knownInvalid: Bool = false) -> ValidationResult {
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
