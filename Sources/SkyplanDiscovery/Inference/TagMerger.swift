import SkyplanModel

/// Folds tags read in bulk (annotations from an `AnnotatingCollector`) into the resources other collectors found.
///
/// Pure. Matches by exact ARN; a tag a collector already read keeps its value; annotations whose ARN no collector
/// found (a resource in a service that was not scanned) are dropped.
public enum TagMerger {
    /// `resources` with the tags of `annotations` added, in the same order.
    public static func merge(_ annotations: [Resource], into resources: consuming [Resource]) -> [Resource] {
        guard !annotations.isEmpty else { return resources }
        var tagsByARN: [String: [String: String]] = [:]
        // The same ARN may come from several regions (S3): the first region's value of a key wins, whatever
        // order the collectors finished in.
        for annotation in annotations.sorted(by: { ($0.arn, $0.region) < ($1.arn, $1.region) }) {
            tagsByARN[annotation.arn, default: [:]].merge(annotation.tags) { first, _ in first }
        }
        var merged = resources
        for index in merged.indices {
            guard let tags = tagsByARN[merged[index].arn] else { continue }
            merged[index].tags.merge(tags) { collected, _ in collected }
        }
        return merged
    }
}
