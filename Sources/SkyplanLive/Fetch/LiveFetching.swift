import Foundation
import SkyplanAWS
import SkyplanModel

/// Reads the live state of a set of ARNs in one account. The hub calls it once per refresh, whatever
/// the number of viewers; tests and benchmarks pass a fake.
public protocol LiveFetching: Sendable {
    /// One refresh of `arns`. Never throws: failures are data (`LiveSnapshot.failures`).
    func fetch(_ arns: [String]) async -> LiveSnapshot
}
