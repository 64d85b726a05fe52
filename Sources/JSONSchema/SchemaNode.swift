/// One compiled schema object. Keywords are parsed and checked once; references are linked
/// to their targets when compilation ends, after which a node never changes and may be read
/// from any number of threads.
final class SchemaNode: @unchecked Sendable {
    /// `uri#pointer` of this schema, for absolute keyword locations.
    let location: String
    /// The schema resource (the nearest `$id`, or the document) this node belongs to.
    let resource: String
    var boolean: Bool?
    var validation = true  // false when the meta-schema leaves the validation vocabulary out

    var types: [String]?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var multipleOf: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var minimum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var maxLength: Int?
    var minLength: Int?
    var pattern: ECMARegex?
    var maxItems: Int?
    var minItems: Int?
    var uniqueItems = false
    var maxContains: Int?
    var minContains: Int?
    var maxProperties: Int?
    var minProperties: Int?
    var required: [String] = []
    var dependentRequired: [(String, [String])] = []
    var format: String?

    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode]?
    var oneOf: [SchemaNode]?
    var not: SchemaNode?
    var ifSchema: SchemaNode?
    var thenSchema: SchemaNode?
    var elseSchema: SchemaNode?
    var dependentSchemas: [(String, SchemaNode)] = []
    var prefixItems: [SchemaNode] = []
    var items: SchemaNode?
    var contains: SchemaNode?
    var properties: [String: SchemaNode] = [:]
    var propertyOrder: [String] = []
    var patternProperties: [(ECMARegex, SchemaNode)] = []
    var additionalProperties: SchemaNode?
    var propertyNames: SchemaNode?
    var unevaluatedItems: SchemaNode?
    var unevaluatedProperties: SchemaNode?

    /// `$ref`: the text as written, its absolute form, and the linked target.
    var refText: String?
    var refURI: String?
    var ref: SchemaNode?
    /// Why `$ref` could not be linked, when it could not: the values that reach it fail.
    var unresolvedRef: String?
    /// `$dynamicRef`: the linked initial target, and the anchor name when the target carries
    /// a matching `$dynamicAnchor` (then the dynamic scope decides).
    var dynamicRefText: String?
    var dynamicRefURI: String?
    var dynamicRef: SchemaNode?
    var dynamicAnchorName: String?
    /// The dynamic reference is 2019-09's `$recursiveRef` (its anchor is `$recursiveAnchor: true`).
    var recursiveRef = false
    /// `$dynamicAnchor` declared on this very node.
    var ownDynamicAnchor: String?

    init(location: String, resource: String) {
        self.location = location
        self.resource = resource
    }

    /// Drops every link to another node. Links make cycles (a recursive `$ref`, or a
    /// subschema whose `$id` names its ancestor), which reference counting never frees; the
    /// registry, which owns every node, cuts them when it goes. A new link field goes here too.
    func unlink() {
        allOf = []
        anyOf = nil
        oneOf = nil
        not = nil
        ifSchema = nil
        thenSchema = nil
        elseSchema = nil
        dependentSchemas = []
        prefixItems = []
        items = nil
        contains = nil
        properties = [:]
        patternProperties = []
        additionalProperties = nil
        propertyNames = nil
        unevaluatedItems = nil
        unevaluatedProperties = nil
        ref = nil
        dynamicRef = nil
    }
}
