extension Array {
    /// Removes every element equal (by `isDuplicate`) to the one kept before it, in place: on a sorted array,
    /// the first of each run of equal elements stays. Allocates nothing when the array is uniquely held.
    mutating func removeAdjacentDuplicates(by isDuplicate: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        var kept = 0
        for index in 1..<count where !isDuplicate(self[kept], self[index]) {
            kept += 1
            if kept != index { swapAt(kept, index) }
        }
        removeSubrange((kept + 1)...)
    }
}
