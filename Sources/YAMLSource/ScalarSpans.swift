/// Where each scalar of a YAML text lies, in bytes, by the mark where it starts: what a
/// rewrite of values in place (`gtm migrate`) replaces, leaving comments, order and layout of
/// everything else exactly as the author wrote them. The node tree keeps only start marks
/// (every node of every document is in memory during a check); this second pass is made only
/// when a file is rewritten.
public enum ScalarSpans {
    public static func scan(_ bytes: [UInt8]) throws(YAMLProblem) -> [YAMLMark: Range<Int>] {
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        /// libyaml counts columns in characters: walk the line's UTF-8 to the byte offset.
        func offset(line: Int, column: Int) -> Int {
            guard line < lineStarts.count else { return bytes.count }
            var i = lineStarts[line]
            var remaining = column
            while remaining > 0, i < bytes.count {
                let b = bytes[i]
                i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                remaining -= 1
            }
            return min(i, bytes.count)
        }
        var spans: [YAMLMark: Range<Int>] = [:]
        try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLProblem) in
            let parser = LibYAMLParser(bytes: buffer)
            while let extent = try parser.nextScalarExtent() {
                let start = offset(line: extent.start.line, column: extent.start.column)
                let end = offset(line: extent.end.line, column: extent.end.column)
                spans[YAMLMark(line: extent.start.line + 1, column: extent.start.column + 1)] = start..<max(start, end)
            }
        }
        return spans
    }
}
