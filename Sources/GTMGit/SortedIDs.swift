/// The binary search of a table of ids stored in order, as pack indexes and commit-graph files
/// keep them: each probe is decided by the first eight bytes, read as one big-endian word, and
/// only a probe that shares them with the id sought is read whole. A history looks up tens of
/// thousands of ids, about nine probes each; making an `ObjectID` of every probe was a tenth of
/// the lookup, the rest the memory it reads.
extension ObjectID {
    /// Where this id is among the ids of its size stored in order at `start` of `table`,
    /// looked for at places `low..<high`; nil when it is not there or a probe falls outside
    /// the table (a damaged file).
    func place(in table: UnsafeRawBufferPointer, at start: Int, from low: Int, to high: Int) -> Int? {
        let size = Int(count)
        guard size >= 8, low >= 0, start >= 0 else { return nil }
        let key = leadingWord
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            let at = start + middle * size
            guard at + size <= table.count else { return nil }
            let lead = UInt64(bigEndian: table.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            if lead < key {
                low = middle + 1
            } else if lead > key {
                high = middle
            } else {
                let here = ObjectID(bytes: UnsafeRawBufferPointer(rebasing: table[at..<(at + size)]))
                if here == self { return middle }
                if here < self { low = middle + 1 } else { high = middle }
            }
        }
        return nil
    }
}
