extension RandomAccessCollection {
    /// The first place whose element is not `before` the one looked for, in a collection sorted
    /// so that every element `before` it comes first: where a key is, or would go, found by
    /// halving. Histories look documents and ids up this way in sorted arrays, where a
    /// dictionary's hashing cost more for the few each version holds.
    @inlinable
    public func partitionPoint(_ before: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if before(self[middle]) {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
