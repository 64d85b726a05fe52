@testable import JSONSchema
import Testing

/// RFC 3986 reference resolution (section 5.4's examples, against its base), read from bytes.
@Suite("URI references")
struct URIReferenceTests {
    static let base = URIReference("http://a/b/c/d;p?q")

    @Test("resolved as RFC 3986 section 5.4 says", arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), (";x", "http://a/b/c/;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"), ("...", "http://a/b/c/..."), ("g:h", "g:h"),
        ("common.schema.json#/$defs/money", "http://a/b/c/common.schema.json#/$defs/money"),
    ])
    func resolves(_ reference: String, _ expected: String) {
        #expect(URIReference(reference).resolved(against: Self.base).text == expected)
    }

    @Test("dot segments found only where a segment is a dot or two", arguments: [
        ("/schemas/v1/common.schema.json", false), ("/a/./b", true), ("/a/../b", true), ("/a/...", false),
        (".", true), ("..", true), ("a/.", true), ("./a", true), ("", false), ("/.hidden/x", false), ("/x/..y", false),
    ])
    func dotSegments(_ path: String, _ expected: Bool) {
        #expect(URIReference.hasDotSegment(path) == expected)
    }

    @Test func partsAreSplitAsBytes() {
        let r = URIReference("HTTPS://Example.com/é/x.json?q=1#/a/b")
        #expect(r.scheme == "https")
        #expect(r.authority == "Example.com")
        #expect(r.path == "/é/x.json")
        #expect(r.query == "q=1")
        #expect(r.fragment == "/a/b")
        #expect(URIReference("urn:example:x").scheme == "urn")
        #expect(URIReference("1a:b").scheme == nil)
        #expect(URIReference("a/b:c").scheme == nil)
    }
}
