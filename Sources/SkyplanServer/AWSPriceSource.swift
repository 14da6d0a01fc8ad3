import Foundation
import SkyplanAWS
import SkyplanBudget

/// `PriceSource` over the Price List Query API (`pricing:GetProducts`, read-only) with the operator's
/// credentials: the live prices `PriceRefresher` asks for when the bundled book lacks a SKU.
/// The API answers in us-east-1, eu-central-1 and ap-south-1 only; `endpointRegion` picks one.
public struct AWSPriceSource: PriceSource {
    let client: AWSClient
    var endpointRegion = "us-east-1"

    /// Reads prices with `client` (the operator's) at the Price List endpoint of `endpointRegion`.
    public init(client: AWSClient, endpointRegion: String = "us-east-1") {
        self.client = client
        self.endpointRegion = endpointRegion
    }

    public func products(serviceCode: String, filters: [SkyplanBudget.PriceFilter]) async throws -> [String] {
        let terms = filters.map { SkyplanAWS.PriceFilter($0.field, $0.value) }
        let products = try await client.getProducts(serviceCode: serviceCode, filters: terms, region: endpointRegion)
        return products.map { String(decoding: JSONCoding.encode($0), as: UTF8.self) }
    }
}
