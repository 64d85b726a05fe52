// In-process benchmarks of the hot paths, in a release build: `make bench-micro`.
// Reports the median of many runs, so one noisy run does not move the figure.
import GTMLint
import GTMSchemas
import GTMModel
import JSONSchema
import YAMLSource
import GTMSystem
#if canImport(Glibc)
import Glibc
#endif

func median(_ runs: Int, _ body: () -> Void) -> Duration {
    if repeatWhat != nil { return .zero }  // only the repeated thing runs
    let clock = ContinuousClock()
    var times: [Duration] = []
    times.reserveCapacity(runs)
    for _ in 0..<runs { times.append(clock.measure(body)) }
    return times.sorted()[runs / 2]
}

func show(_ d: Duration) -> String {
    let micros = Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
    return micros >= 1000 ? "\((micros / 10).rounded() / 100) ms" : "\((micros * 10).rounded() / 10) µs"
}

// `gtm-bench [ROOT] [--write-instance FILE] [--only validate]`: FILE receives the strategy as
// JSON, so that bench/jsonschema_rs_validate.py times its reference on the same values.
var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
let instanceOutput = option("--write-instance")
// `--repeat WHAT --count N`: after the setup, N times one thing and nothing else (WHAT: `validate`,
// the full evaluator on the JSON value; `program`, the validity program on the flat document;
// `flat`, reading the file flat); two runs under callgrind (N = 1 and N = 101) give the
// instructions of one.
let repeatWhat = option("--repeat")
let repeatCount = option("--count").flatMap { Int($0) } ?? 1
let root = arguments.first ?? "."
guard case .bytes(let strategyBytes)? = try? FileSystem.read(root + "/strategy/strategy.yaml") else {
    fatalError("run from the repository root, or pass it as the first argument")
}
let lines = strategyBytes.filter { $0 == 10 }.count

var rows: [(String, String)] = []

let compile = median(200) {
    var compiler = SchemaCompiler()
    for file in BundledSchemas.files {
        _ = try? compiler.register(try JSONParser.parse(file.bytes, recordPositions: false))
    }
    for kind in DocumentKind.allCases {
        _ = try? compiler.compile(uri: "https://gtm.tools/schemas/v1/\(kind.schemaFileName)")
    }
}
rows.append(("compile the \(BundledSchemas.files.count) bundled schemas", show(compile)))

let parse = median(2000) { _ = YAMLLoader.load(strategyBytes, path: "strategy.yaml") }
rows.append(("parse strategy.yaml (\(lines) lines) with libyaml", show(parse)))

var compiler = SchemaCompiler()
for file in BundledSchemas.files { try compiler.register(try JSONParser.parse(file.bytes)) }
let schema = try compiler.compile(uri: "https://gtm.tools/schemas/v1/Strategy.schema.json")
let document = YAMLLoader.load(strategyBytes, path: "strategy.yaml").documents[0].root
let instance = document.jsonValue
precondition(schema.validate(instance).isValid, "the bundled strategy should be valid")
if let instanceOutput { try FileSystem.write(Array(instance.jsonText.utf8), to: instanceOutput) }
guard let flat = FlatLoader.load(strategyBytes)?.first else { fatalError("strategy.yaml should read flat") }
precondition(schema.isValid(flat) == true, "the validity program should prove the strategy valid")
if let repeatWhat {
    var valid = 0
    for _ in 0..<repeatCount {
        switch repeatWhat {
        case "validate": if schema.validate(instance).isValid { valid += 1 }
        case "program": if schema.isValid(flat) == true { valid += 1 }
        default: if FlatLoader.load(strategyBytes) != nil { valid += 1 }
        }
    }
    print("\(valid) of \(repeatCount)")
    exit(0)
}
let validate = median(20000) { _ = schema.validate(instance) }
rows.append(("validate strategy.yaml against its schema", show(validate)))
let convert = median(20000) { _ = document.jsonValue }
rows.append(("turn its YAML nodes into a JSON value", show(convert)))
let flatParse = median(2000) { _ = FlatLoader.load(strategyBytes) }
rows.append(("read strategy.yaml flat (libyaml events into one node array)", show(flatParse)))
let program = median(20000) { _ = schema.isValid(flat) }
rows.append(("validity program on the flat strategy (what gtm validate runs)", show(program)))

// Patterns: compiling one, and matching it against a short string (the evaluator's overhead
// included), the path every `pattern` and `patternProperties` takes.
let semver = #"{"pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?$"}"#
let semverDocument = try JSONParser.parse(semver)
let compilePattern = median(2000) {
    var compiler = SchemaCompiler()
    _ = try? compiler.compile(semverDocument)
}
rows.append(("compile a schema of one pattern (semantic version)", show(compilePattern)))
var patternCompiler = SchemaCompiler()
let patternSchema = try patternCompiler.compile(semverDocument)
let version = JSONValue.string("12.30.199-beta.2001")
precondition(patternSchema.validate(version).isValid)
let matchPattern = median(20000) { _ = patternSchema.validate(version) }
rows.append(("validate a string against that pattern", show(matchPattern)))

print("| operation | median |\n|---|---:|")
for (name, value) in rows { print("| \(name) | \(value) |") }
