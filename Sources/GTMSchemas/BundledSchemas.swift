/// The schemas built into the binary: the fallback for a repository with no `schemas/` folder.
/// `files` is a link to the repository's `schemas/`, embedded by SwiftPM (`.embedInCode`), so
/// the binary always carries exactly the schemas in the tree and there is nothing to regenerate.
/// Their validity programs (`program`, `programSchemas`) are compiled from the same files while
/// gtm is built, by the SchemaPrograms plugin, so they cannot fall behind either.
public enum BundledSchemas {
    /// File name and bytes of each bundled schema, in name order.
    public static let files: [(name: String, bytes: [UInt8])] = [
        ("MarketingPlan.schema.json", PackageResources.MarketingPlan_schema_json),
        ("ProductPlan.schema.json", PackageResources.ProductPlan_schema_json),
        ("SalesPlan.schema.json", PackageResources.SalesPlan_schema_json),
        ("Segment.schema.json", PackageResources.Segment_schema_json),
        ("Strategy.schema.json", PackageResources.Strategy_schema_json),
        ("SuccessPlan.schema.json", PackageResources.SuccessPlan_schema_json),
        ("common.schema.json", PackageResources.common_schema_json),
    ]
}
