/// How a schema is applied.
public struct ValidatorOptions: Sendable {
    /// Treat `format` as an assertion (draft 2020-12 makes it an annotation by default).
    public var formatAssertion: Bool

    public init(formatAssertion: Bool = false) {
        self.formatAssertion = formatAssertion
    }
}

/// Resolves a URI that no loaded schema has as its `$id`. Never touches the network: gtm maps
/// URI prefixes to local folders (`SchemaFileMap`). Returns nil when the URI is unknown.
public typealias SchemaResourceLoader = @Sendable (_ absoluteURI: String) throws(SchemaError) -> JSONDocument?

/// A schema that cannot be compiled, with the position of the offending keyword.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The URI of the schema resource that holds the problem.
    public var uri: String
    /// JSON Pointer of the keyword inside that document.
    public var pointer: String
    public var line: Int?
    public var column: Int?

    public init(message: String, uri: String, pointer: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.uri = uri
        self.pointer = pointer
        self.line = line
        self.column = column
    }

    public var description: String {
        let place = line.map { "\($0):\(column ?? 1): " } ?? ""
        return "\(place)\(message) (\(uri)#\(pointer))"
    }
}

/// One reason an instance does not match.
public struct ValidationError: Sendable, Hashable {
    /// JSON Pointer into the instance.
    public var instanceLocation: String
    /// The path through the schema, `$ref`s included.
    public var keywordLocation: String
    /// Schema URI and pointer of the keyword that failed.
    public var absoluteKeywordLocation: String
    public var keyword: String
    /// What was expected, in a person's words.
    public var message: String

    public init(instanceLocation: String, keywordLocation: String, absoluteKeywordLocation: String, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
    }
}

public struct ValidationResult: Sendable {
    public var isValid: Bool
    public var errors: [ValidationError]
}

/// `PREFIX=DIR` mappings: a URI that starts with PREFIX reads the file at the rest of its path
/// under DIR, `.json` added when the rest has no extension. Files may not escape `root`.
public struct SchemaFileMap: Sendable {
    public var mappings: [(prefix: String, directory: String)]
    public var root: String?

    public init(mappings: [(prefix: String, directory: String)], root: String? = nil) {
        self.mappings = mappings
        self.root = root
    }

    public var loader: SchemaResourceLoader {
        let map = self
        return { uri throws(SchemaError) in try map.load(uri) }
    }

    public func load(_ uri: String) throws(SchemaError) -> JSONDocument? {
        let bare = uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
        for (prefix, directory) in mappings where bare.hasPrefix(prefix) {
            var rest = String(bare.dropFirst(prefix.count))
            if rest.hasPrefix("/") { rest.removeFirst() }
            let last = rest.split(separator: "/").last ?? ""
            if !last.contains(".") { rest += ".json" }
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + rest
            guard let real = FileAccess.realPath(path) else {
                throw SchemaError(message: "cannot resolve \"\(uri)\": no file at \(path) (mapped from \(prefix))", uri: uri, pointer: "")
            }
            if let root, let realRoot = FileAccess.realPath(root), !(real == realRoot || real.hasPrefix(realRoot + "/")) {
                throw SchemaError(message: "cannot resolve \"\(uri)\": \(path) lies outside the repository", uri: uri, pointer: "")
            }
            guard let bytes = FileAccess.read(real) else {
                throw SchemaError(message: "cannot read \(path) for \"\(uri)\"", uri: uri, pointer: "")
            }
            do {
                return try JSONParser.parse(bytes)
            } catch {
                throw SchemaError(message: "\(path) is not valid JSON: \(error.message)", uri: uri, pointer: "", line: error.line, column: error.column)
            }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FileAccess {
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n > 0 { out.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        return out
    }
}
