import GTMCore
import YAMLSource

/// One change that brings a gtm/v1 document to gtm/v2: a scalar replaced by a new value, at
/// the scalar's position, with the reason a reader of `gtm migrate` is given.
public struct ModelRewrite: Sendable, Hashable {
    /// Where the scalar is.
    public var pointer: JSONPointer
    /// The scalar as written.
    public var original: YAMLNode
    /// What stands there in gtm/v2; every node of it carries the original's position, so a
    /// finding about an upgraded value points at the text the user wrote.
    public var replacement: YAMLNode
    public var reason: String
}

/// gtm/v1 → gtm/v2. What changed, and why:
/// - evidence is data (`{kind, summary, figure, sampleSize, date}`), not a sentence: a v1
///   sentence becomes the `summary`, its kind left for the author to state;
/// - `sales-led` and `enterprise` named no way of selling: inside sales and field sales have
///   different economics. A v1 `sales-led` becomes `field-sales` where the ACV is 50,000 or
///   more or buyers purchase through procurement, `inside-sales` otherwise; `enterprise`
///   becomes `field-sales`.
public enum ModelUpgrade {
    /// ACV from which a v1 `sales-led` motion is read as field sales.
    public static let fieldSalesACV = 50_000.0

    /// The rewrites a document of `version` needs to be current; none for a current one.
    public static func rewrites(_ root: YAMLNode, kind: DocumentKind, version: ModelVersion) -> [ModelRewrite] {
        guard version < .current else { return [] }
        var out: [ModelRewrite] = []
        if let (node, replacement) = newVersion(root) {
            out.append(ModelRewrite(pointer: JSONPointer(tokens: ["apiVersion"]), original: node, replacement: replacement,
                                    reason: "the document moves to \(ModelVersion.current.rawValue)"))
        }
        switch kind {
        case .strategy:
            let field = isFieldSales(root)
            if let primary = root["motion"]?["primary"] {
                out += motion(primary, ["motion", "primary"], field: field)
            }
            for (i, item) in (root["motion"]?["secondary"]?.sequence ?? []).enumerated() {
                out += motion(item, ["motion", "secondary", String(i)], field: field)
            }
            out += evidence(root, ["motion", "playbook", "evidence"])
            for (i, _) in (root["distribution"]?["channels"]?.sequence ?? []).enumerated() {
                out += evidence(root, ["distribution", "channels", String(i), "evidence"])
            }
            for (i, _) in (root["sequence"]?.sequence ?? []).enumerated() {
                out += evidence(root, ["sequence", String(i), "evidence"])
            }
            for (i, _) in (root["coherence"]?.sequence ?? []).enumerated() {
                out += evidence(root, ["coherence", String(i), "evidence"])
            }
        case .salesPlan:
            if let node = root["motion"] { out += motion(node, ["motion"], field: isFieldSales(root)) }
        case .segment, .marketingPlan, .productPlan, .successPlan:
            break
        }
        return out
    }

    /// The document as the current model reads it.
    public static func upgraded(_ root: YAMLNode, kind: DocumentKind, version: ModelVersion) -> YAMLNode {
        guard version < .current else { return root }
        switch kind {
        case .segment, .marketingPlan, .productPlan, .successPlan:
            // Only the version changes: no rewrite (nor its reason) is made for it. A history
            // reads every version of a segment written before gtm/v2.
            return root.replacingString(at: Self.versionPath, with: ModelVersion.current.rawValue)
        case .strategy, .salesPlan:
            return root.replacing(rewrites(root, kind: kind, version: version).map { ($0.pointer.tokens[...], $0.replacement) })
        }
    }

    static let versionPath: ArraySlice<String> = ["apiVersion"]

    /// The document's `apiVersion` node and the current version in its place.
    static func newVersion(_ root: YAMLNode) -> (YAMLNode, YAMLNode)? {
        root["apiVersion"].map { ($0, scalar(ModelVersion.current.rawValue, at: $0.mark)) }
    }

    static func motion(_ node: YAMLNode, _ tokens: [String], field: Bool) -> [ModelRewrite] {
        let new: String
        switch node.string {
        case "sales-led": new = field ? "field-sales" : "inside-sales"
        case "enterprise": new = "field-sales"
        default: return []
        }
        let why = node.string == "enterprise"
            ? "`enterprise` is sold by field sales"
            : field ? "`sales-led` at this ACV or through procurement is field sales" : "`sales-led` below a 50,000 ACV is inside sales"
        return [ModelRewrite(pointer: JSONPointer(tokens: tokens), original: node, replacement: scalar(new, at: node.mark), reason: why)]
    }

    static func evidence(_ root: YAMLNode, _ tokens: [String]) -> [ModelRewrite] {
        guard let node = root.node(at: tokens[...]), let text = node.string else { return [] }
        let summary = YAMLMappingEntry(key: scalar("summary", at: node.mark), value: node)
        return [ModelRewrite(pointer: JSONPointer(tokens: tokens), original: node,
                             replacement: YAMLNode(.mapping([summary]), mark: node.mark),
                             reason: text.isEmpty ? "evidence is a mapping" : "evidence is a mapping with a summary (say its kind)")]
    }

    /// Whether a v1 sales motion was field sales: a large ACV, or procurement.
    static func isFieldSales(_ root: YAMLNode) -> Bool {
        let acv = [root["pricing"]?["acv"]?["amount"], root["economics"]?["acv"]?["amount"]]
            .compactMap { $0?.number }.first
        if let acv, acv >= fieldSalesACV { return true }
        return root["buyers"]?["buyingProcess"]?.string == "procurement-led"
    }

    static func scalar(_ text: String, at mark: YAMLMark) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), mark: mark)
    }
}
