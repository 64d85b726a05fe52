import Testing
import GTMModel
import JSONSchema
import YAMLSource

/// A document's numbers reach validation as JSON reads them, whether their text is taken as it
/// is (an integer JSON writes the same way) or read and written again.
@Suite("Numbers in the flat documents validation reads")
struct FlatNumberTests {
    static let spellings = [
        "0", "7", "-7", "1415", "-0", "007", "+5", "0x1F", "0o17", "1e3", "1.5", "-0.0", "123456789012345678",
        "1234567890123456789", "99999999999999999999", ".inf", "-.inf", ".nan", "1_000", "0.0", "12.50",
    ]

    @Test(arguments: spellings)
    func readsAsJSONDoes(_ text: String) throws {
        let root = try #require(YAMLLoader.load(Array("v: \(text)\n".utf8), path: "n.yaml").documents.first).root
        let flat = root.flatInstance
        let object = flat.nodes[Int(flat.root)]
        let value = flat.nodes[Int(flat.children[Int(object.start) + 1])]
        let written = String(decoding: flat.bytes[Int(value.start)..<Int(value.start + value.length)], as: UTF8.self)
        // As the scalar's value says: a number JSON can read, in JSON's words, or its text.
        let scalar = try #require(root["v"]?.scalar)
        switch scalar.value {
        case .integer(let t), .float(let t):
            if let number = JSONNumber(literal: t) {
                #expect(value.kind == (number.isInteger ? .integer : .number) && written == number.description, "\(text)")
            } else {
                #expect(value.kind == .string && written == scalar.text, "\(text)")
            }
        case .nonFinite:
            #expect(written == scalar.text, "\(text)")
        default:
            #expect(value.kind == .string, "\(text)")
        }
    }
}
