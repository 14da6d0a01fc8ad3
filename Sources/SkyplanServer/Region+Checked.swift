import Foundation
import SkyplanModel
import SkyplanStore

extension Region {
    /// `name` when it is a region AWS operates (and of `partition`, when given), otherwise a 400 naming
    /// `field`. Every region that reaches an AWS endpoint passes here first, on every write path and query
    /// parameter: a region is part of a host name, so anything else could steer a call elsewhere.
    static func requireKnown(_ name: String, field: String, partition: Partition? = nil) throws(APIError) -> String {
        guard Region.isWellFormed(name), Region.exists(name) else {
            throw APIError.invalidParameter(
                "\(field) \"\(printable(name))\" is not an AWS region; use one such as us-east-1")
        }
        if let partition, Partition.of(region: name) != partition {
            throw APIError.invalidParameter(
                "\(field) \(name) is not in the role's partition \(partition.rawValue); use one such as "
                    + partition.defaultRegion)
        }
        return name
    }

    /// At most 40 characters, control characters shown as `?`, for an error message.
    static func printable(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.prefix(40).map {
                    $0.properties.isWhitespace || $0.value >= 0x20 && $0.value != 0x7F ? $0 : "?"
                }))
    }
}

extension AccountRecord {
    /// The stored region, checked again before it is used: a record written before regions were
    /// validated (or by hand) answers a clear error instead of opening a connection.
    func checkedRegion() throws(APIError) -> String {
        guard Region.isWellFormed(region), Region.exists(region) else {
            throw APIError(
                status: .conflict, reason: "invalid_account_region",
                message: "account \(name) has the stored region \"\(Region.printable(region))\", which is not an "
                    + "AWS region; set one with PUT /aws/account/\(id.apiString) {\"region\": \"us-east-1\"}")
        }
        return region
    }
}
