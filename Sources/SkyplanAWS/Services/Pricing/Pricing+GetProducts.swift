import Foundation
import SkyplanModel

/// A filter of `GetProducts` (`TERM_MATCH` on an attribute).
public struct PriceFilter: Sendable, Hashable {
    public var field: String
    public var value: String

    /// Creates a `TERM_MATCH` filter.
    public init(_ field: String, _ value: String) {
        self.field = field
        self.value = value
    }
}

extension AWSClient {
    /// Price List `GetProducts`: each product's price document (`PriceList` entries are JSON strings, parsed),
    /// page by page. The API answers in us-east-1, eu-central-1 and ap-south-1 only.
    /// See https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html
    public func getProductsPages(serviceCode: String, filters: [PriceFilter], region: String = "us-east-1")
        -> Paginated<[JSONValue]>
    {
        let client = self
        let filterValues: [JSONValue] = filters.map {
            .object(["Type": "TERM_MATCH", "Field": .string($0.field), "Value": .string($0.value)])
        }
        return Paginated { token in
            var body: [String: JSONValue] = [
                "ServiceCode": .string(serviceCode), "Filters": .array(filterValues), "FormatVersion": "aws_v1",
                "MaxResults": 100,
            ]
            if let token { body["NextToken"] = .string(token) }
            let answer = try await client.json(AWSOperation.Pricing.getProducts, .object(body), region: region)
            let products = (answer["PriceList"]?.arrayValue ?? []).compactMap { entry -> JSONValue? in
                if let text = entry.stringValue { return try? JSONCoding.decode(Data(text.utf8)) }
                return entry
            }
            return (products, answer["NextToken"]?.stringValue)
        }
    }

    /// Price List `GetProducts`, all products.
    public func getProducts(serviceCode: String, filters: [PriceFilter], region: String = "us-east-1") async throws
        -> [JSONValue]
    {
        try await getProductsPages(serviceCode: serviceCode, filters: filters, region: region).all()
    }
}
