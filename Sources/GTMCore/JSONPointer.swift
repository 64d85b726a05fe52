import JSONSchema

/// An RFC 6901 JSON Pointer. Findings carry one so that they can be matched across revisions
/// by *where in the document* they are, not by line number.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }

    public static let root = JSONPointer()

    /// Parses `/a/b~1c`; returns nil when the text is not a pointer.
    public init?(parsing text: String) {
        if text.isEmpty { self.tokens = []; return }
        guard text.hasPrefix("/") else { return nil }
        self.tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            JSONPointer.unescape(String($0))
        }
    }

    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// Whether this pointer is `other` or one of its ancestors.
    public func isPrefix(of other: JSONPointer) -> Bool {
        tokens.count <= other.tokens.count && zip(tokens, other.tokens).allSatisfy { $0 == $1 }
    }

    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    public var description: String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    /// `~` → `~0`, `/` → `~1` (RFC 6901).
    public static func escape(_ token: String) -> String { Pointer.escape(token) }

    public static func unescape(_ token: String) -> String { Pointer.unescape(token) }

    public static func < (a: JSONPointer, b: JSONPointer) -> Bool {
        a.tokens.lexicographicallyPrecedes(b.tokens)
    }
}
