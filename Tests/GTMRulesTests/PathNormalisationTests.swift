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
}
