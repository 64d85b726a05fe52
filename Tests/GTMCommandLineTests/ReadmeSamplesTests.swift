import Foundation
import Testing

/// The README's sample outputs are golden files: a code block right after a line
/// `<!-- golden: CASE -->` must be exactly `Golden/CASE.out` (the `$ command` line, then the
/// output), so the tour never drifts from what gtm prints.
@Suite("README samples are golden outputs")
struct ReadmeGoldenSamplesTests {
    struct Sample { var name: String; var line: Int; var text: String? }

    /// Every marked block of the README: its case name, the marker's line, the block's text
    /// (nil when no fenced block follows the marker).
    static func samples(in readme: String) -> [Sample] {
        let lines = readme.components(separatedBy: "\n")
        var samples: [Sample] = []
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            let markerLine = i
            guard line.hasPrefix("<!-- golden:"), line.hasSuffix("-->") else { continue }
            let name = line.dropFirst("<!-- golden:".count).dropLast("-->".count).trimmingCharacters(in: .whitespaces)
            let open = i < lines.count ? lines[i] : ""
            let fence = String(open.prefix { $0 == "`" })
            guard fence.count >= 3 else { samples.append(Sample(name: name, line: markerLine, text: nil)); continue }
            var body: [String] = []
            i += 1
            while i < lines.count, lines[i] != fence { body.append(lines[i]); i += 1 }
            i += 1
            samples.append(Sample(name: name, line: markerLine, text: body.joined(separator: "\n") + "\n"))
        }
        return samples
    }

    @Test func everyMarkedBlockIsItsGoldenFile() throws {
        let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let samples = Self.samples(in: readme)
        #expect(samples.count >= 5, "the README's tour has lost its <!-- golden: CASE --> markers")
        let names = Set(Golden.cases.map(\.name))
        for sample in samples {
            #expect(names.contains(sample.name), "README.md line \(sample.line): no golden case named \(sample.name)")
            guard let text = sample.text else {
                Issue.record("README.md line \(sample.line): the marker for \(sample.name) is not followed by a fenced code block")
                continue
            }
            guard let data = try? Data(contentsOf: Golden.file("\(sample.name).out")) else {
                Issue.record("README.md line \(sample.line): no golden file Golden/\(sample.name).out; \(Golden.recordHint)")
                continue
            }
            let golden = String(decoding: data, as: UTF8.self)
            #expect(text == golden, """
                README.md: the block after <!-- golden: \(sample.name) --> is not Golden/\(sample.name).out; \
                \(Golden.firstDifference(expected: golden, actual: text))
                Copy the golden file into the README block.
                """)
        }
    }
}
