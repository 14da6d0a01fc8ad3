import SkyplanModel

/// A DynamoDB table, as `DescribeTable` gives it.
public struct DynamoDBTable: Sendable, Hashable {
    /// Name.
    public var name: String
    /// Arn.
    public var arn: String
    /// Size bytes.
    public var sizeBytes: Int?
    /// `PROVISIONED` or `PAY_PER_REQUEST`.
    public var billingMode: String
    /// Read capacity units.
    public var readCapacityUnits: Int?
    /// Write capacity units.
    public var writeCapacityUnits: Int?
    /// Stream enabled.
    public var streamEnabled: Bool
    /// Latest stream ARN.
    public var latestStreamARN: String?
}

extension AWSClient {
    /// DynamoDB `ListTables`, every page.
    /// See https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
    public func listTables(region: String? = nil) async throws -> [String] {
        try await Paginated { token in
            var body: [String: JSONValue] = ["Limit": 100]
            if let token { body["ExclusiveStartTableName"] = .string(token) }
            let result = try await self.json(AWSOperation.DynamoDB.listTables, .object(body), region: region)
            return (result.strings("TableNames"), result.str("LastEvaluatedTableName"))
        }.all()
    }

    /// DynamoDB `DescribeTable`.
    /// See https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
    public func describeTable(name: String, region: String? = nil) async throws -> DynamoDBTable {
        let result = try await json(
            AWSOperation.DynamoDB.describeTable, .object(["TableName": .string(name)]), region: region)
        let table = result["Table"] ?? .object([:])
        let throughput = table["ProvisionedThroughput"] ?? .object([:])
        let mode =
            table["BillingModeSummary"]?.str("BillingMode")
            ?? ((throughput.int("ReadCapacityUnits") ?? 0) > 0 ? "PROVISIONED" : "PAY_PER_REQUEST")
        return DynamoDBTable(
            name: table.str("TableName") ?? name, arn: table.str("TableArn") ?? "",
            sizeBytes: table.int("TableSizeBytes"),
            billingMode: mode, readCapacityUnits: throughput.int("ReadCapacityUnits"),
            writeCapacityUnits: throughput.int("WriteCapacityUnits"),
            streamEnabled: table["StreamSpecification"]?["StreamEnabled"]?.boolValue ?? false,
            latestStreamARN: table.str("LatestStreamArn"))
    }
}
