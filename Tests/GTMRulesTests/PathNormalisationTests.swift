@testable import GTMSystem
import Testing

/// Paths are normalised the short way when they are normal already: a path the short way calls
/// normal is one the long way gives back unchanged, and both ways agree on every path.
@Suite("Normal paths")
struct PathNormalisationTests {
    @Test(arguments: [
        "", "/", ".", "..", "a", "/a", "a/b", "/a/b/c.yaml", "a/", "/a/", "//a", "a//b", "./a", "a/.", "a/./b",
        "a/..", "../a", "/..", "/.", "...", "a/...", ".a", "a.", "..a", "a..", "/a/.b/c", "strategy/segments/icp.yaml",
        "/work/main/strategy/-", "a/b/", "/a//", "é/ü", "/é/./x",
    ])
    func theShortWayAgreesWithTheLong(_ path: String) {
        // Normal paths do take the short way.
        if ["/", "a", "/a/b/c.yaml", "strategy/segments/icp.yaml", ".a", "..."].contains(path) { #expect(FileSystem.isNormal(path)) }
        if FileSystem.isNormal(path) { #expect(FileSystem.normalizedByParts(path) == path, "\(path)") }
        #expect(FileSystem.normalize(path) == FileSystem.normalizedByParts(path))
    }

    /// A YAML file by its name's end, in any case, and nothing that only looks like one.
    @Test(arguments: [
        ("icp.yaml", true), ("ICP.YAML", true), ("a/b.Yml", true), (".yml", true), ("x.yAmL", true), ("é.yaml", true),
        ("yaml", false), ("a.yaml.bak", false), ("a.json", false), ("a\u{0E}yaml", false), ("a.yam", false), ("", false),
        ("a.yam\u{301}l", false), ("a.yaml\u{301}", false),
    ] as [(String, Bool)])
    func yamlFilesAreToldByTheirNamesEnd(_ name: String, _ yaml: Bool) {
        #expect(FileSystem.isYAMLName(name) == yaml, "\(name)")
    }
}
