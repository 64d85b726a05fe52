import GTMSystem
import JSONSchema

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
            guard let real = FileSystem.realPath(path) else {
                throw SchemaError(message: "cannot resolve \"\(uri)\": no file at \(path) (mapped from \(prefix))", uri: uri, pointer: "")
            }
            if let root, let realRoot = FileSystem.realPath(root), !(real == realRoot || real.hasPrefix(realRoot + "/")) {
                throw SchemaError(message: "cannot resolve \"\(uri)\": \(path) lies outside the repository", uri: uri, pointer: "")
            }
            guard case .bytes(let bytes)? = try? FileSystem.read(real, limit: 64 << 20) else {
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
