import SkyplanAWS

/// Where each S3 bucket lives, from `ListBuckets` answers alone, so that a scan needs no `GetBucketLocation` per
/// bucket. Pure.
///
/// AWS names each bucket's region in `ListBuckets` (`BucketRegion`); when an answer does not (older S3-compatible
/// services, moto), the scan lists once more per region with the `bucket-region` filter, and a bucket named by
/// exactly one region's filtered answer lives there. A server that ignores the filter names every bucket in every
/// answer; those buckets, and the ones a failed filtered listing leaves in doubt, are the only ones left to ask.
public enum BucketRegionResolver {
    /// What the listings settle.
    public struct Resolution: Sendable, Hashable {
        /// Bucket name → region, for every bucket whose region is known.
        public var regions: [String: String]
        /// Buckets whose region only `GetBucketLocation` can tell, in listing order.
        public var unresolved: [String]
    }

    /// Resolves `all` (the unfiltered listing) with `filtered` (region → that region's filtered listing; nil when
    /// that listing failed). A bucket in no filtered answer lives outside the asked regions, unless a listing
    /// failed.
    public static func resolve(all: [S3Bucket], filtered: [String: [S3Bucket]?]) -> Resolution {
        var regions: [String: String] = [:]
        var namedIn: [String: [String]] = [:]
        for (region, answer) in filtered {
            for bucket in answer ?? [] where bucket.region == nil || bucket.region == region {
                namedIn[bucket.name, default: []].append(region)
            }
        }
        let complete = filtered.values.allSatisfy { $0 != nil }
        var unresolved: [String] = []
        for bucket in all {
            if let region = bucket.region {
                regions[bucket.name] = region
                continue
            }
            let named = namedIn[bucket.name] ?? []
            if named.count == 1 {
                regions[bucket.name] = named[0]
            } else if named.count > 1 || !complete {
                unresolved.append(bucket.name)
            }
        }
        return Resolution(regions: regions, unresolved: unresolved)
    }

    /// The regions to list with the filter: the scanned ones, plus one more when only one is scanned (a server
    /// ignoring the filter would otherwise put every bucket in it).
    public static func filterRegions(scanned: [String], home: String, spare: String) -> [String] {
        let regions = Array(Set(scanned)).sorted()
        guard regions.count == 1 else { return regions }
        return regions + [regions[0] == home ? spare : home]
    }
}
