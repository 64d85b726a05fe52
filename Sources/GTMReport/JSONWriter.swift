import JSONSchema

/// A small JSON writer that keeps keys in the order given, so output is stable and diffable
/// without a Foundation dependency in the command's start-up path.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    public init(pretty: Bool = false) { self.pretty = pretty }

    public mutating func beginObject() { value("{"); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); newline(); output += "}" }
    public mutating func beginArray() { value("["); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); newline(); output += "]" }

    public mutating func key(_ name: String) {
        separator()
        output += Self.quote(name)
        output += pretty ? ": " : ":"
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    public mutating func string(_ s: String) { value(Self.quote(s)) }
    public mutating func int(_ n: Int) { value(String(n)) }
    public mutating func bool(_ b: Bool) { value(b ? "true" : "false") }
    public mutating func null() { value("null") }
    /// A number already in JSON syntax.
    public mutating func raw(_ text: String) { value(text) }

    public mutating func field(_ name: String, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: String, _ n: Int) { key(name); int(n) }
    public mutating func field(_ name: String, _ b: Bool) { key(name); bool(b) }
    public mutating func field(_ name: String, _ s: String?) {
        key(name)
        if let s { string(s) } else { null() }
    }

    private var pendingKey = false

    private mutating func value(_ text: String) {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
        output += text
        needsComma[needsComma.count - 1] = true
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        if needsComma.count > 1 { newline() }
    }

    private mutating func newline() {
        guard pretty else { return }
        output += "\n" + String(repeating: "  ", count: needsComma.count - 1)
    }

    /// JSON string syntax, shared with the validator's own rendering of values.
    public static func quote(_ s: String) -> String { JSONValue.quote(s) }
}
