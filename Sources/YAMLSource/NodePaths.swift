extension NodeTree {
    /// The place reached from `start` by a path of mapping keys (the first entry with the key,
    /// compared in place) and list indexes (from 0); nil where the path leads nowhere. Rules
    /// and replays look values up by path hundreds of thousands of times over a history.
    func place(from start: UInt32, at path: ArraySlice<String>) -> UInt32? {
        var current = start
        for token in path {
            let collection = body(records[Int(current)])
            switch collection.kind {
            case .mapping:
                guard let found = entry(withKey: token, from: collection.payload, count: collection.count) else { return nil }
                current = collection.payload + UInt32(2 * found + 1)
            case .sequence:
                guard let i = Int(token), i >= 0, i < collection.count else { return nil }
                current = collection.payload + UInt32(i)
            case .scalar, .extra:
                return nil
            }
        }
        return current
    }

    /// The place, among the `count` entries of a mapping starting at `start`, of the first whose
    /// key is the scalar `key`: each key compared in place, its length first, without making a
    /// string of it. Rules, pointers and diffs look keys up all the time.
    func entry(withKey key: String, from start: UInt32, count: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            records.withUnsafeBufferPointer { records in
                let first = Int(start)
                for i in 0..<count where text(of: records[first + 2 * i], is: wanted) { return i }
                return nil
            }
        }
    }
}
