/// One fuzz input, run through what gtm does with untrusted bytes. The first byte chooses
/// what the rest is read as, so one corpus covers every entry point and libFuzzer can carry a
/// finding from one to another (`make fuzz` writes each seed with its byte in front):
///
/// - `0` (any byte ≡ 0 mod 3): a strategy file, as `gtm check` reads it;
/// - `1` (≡ 1): a JSON Schema, as `gtm validate --schema` and a repository's `schemas/` read it
///   (the byte's top bit asserts `format`; the next one loads every bundled schema around it);
/// - `2` (≡ 2): the settings, `.gtm.yaml`.
///
/// Every path must end in findings, never in a crash, a hang or a sanitizer report; the
/// results are thrown away.
public enum FuzzInput {
    public enum Mode: UInt8, Sendable, CaseIterable {
        case strategy = 0, schema = 1, settings = 2
    }

    /// The mode a first byte selects: its value modulo 3.
    public static func mode(_ first: UInt8) -> Mode {
        Mode(rawValue: first % 3)!
    }

    /// Makes what every input shares (compiled schemas, rules, meta-schemas) before the first
    /// input, so that allocations made once per process are not taken for a leak of that input.
    public static func prepare() {
        _ = FuzzWorld.linter
        _ = MetaSchemas.schema
    }

    public static func run(_ input: [UInt8]) {
        guard let first = input.first else { return }
        let body = Array(input.dropFirst())
        switch mode(first) {
        case .strategy: StrategyFuzzing.run(body)
        case .schema: SchemaFuzzing.run(body, formatAssertion: first & 0x80 != 0, deep: first & 0x40 != 0)
        case .settings: SettingsFuzzing.run(body)
        }
    }
}
