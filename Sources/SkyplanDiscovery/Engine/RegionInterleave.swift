/// `items` reordered so that consecutive ones take turns between their regions, each region keeping its own order.
///
/// A bounded fan-out over a global list (S3 buckets of four regions) would otherwise drain the first region's
/// items before the last region's start, though each region has its own rate limit and could run alongside.
func interleavedByRegion<Item>(_ items: [Item], region: (Item) -> String) -> [Item] {
    var slot: [String: Int] = [:]
    var queues: [[Item]] = []
    for item in items {
        let name = region(item)
        if let index = slot[name] {
            queues[index].append(item)
        } else {
            slot[name] = queues.count
            queues.append([item])
        }
    }
    guard queues.count > 1 else { return items }
    var result: [Item] = []
    result.reserveCapacity(items.count)
    var round = 0
    while result.count < items.count {
        for queue in queues where round < queue.count { result.append(queue[round]) }
        round += 1
    }
    return result
}
