import AWSSigV4
import SkyplanModel

/// A Lambda function, as `ListFunctions` gives it.
public struct LambdaFunction: Sendable, Hashable {
    /// Name.
    public var name: String
    /// Arn.
    public var arn: String
    /// Memory size.
    public var memorySize: Int?
    /// Architectures.
    public var architectures: [String]
    /// Runtime.
    public var runtime: String?
    /// Subnet IDs.
    public var subnetIDs: [String]
    /// Security group IDs.
    public var securityGroupIDs: [String]
    /// Vpc ID.
    public var vpcID: String?
    /// `Zip` or `Image` (a container image, whose URI only `GetFunction` tells).
    public var packageType: String = "Zip"
}

/// A Lambda event source mapping (SQS, Kinesis, DynamoDB stream → function).
public struct LambdaEventSourceMapping: Sendable, Hashable {
    /// Uuid.
    public var uuid: String
    /// Event source ARN.
    public var eventSourceARN: String
    /// Function ARN.
    public var functionARN: String
    /// State.
    public var state: String?
}

extension AWSClient {
    /// Lambda `ListFunctions`, every page.
    /// See https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html
    public func listFunctions(region: String? = nil) async throws -> [LambdaFunction] {
        try await Paginated { marker in
            var query = [QueryItem("MaxItems", "50")]
            if let marker { query.append(QueryItem("Marker", marker)) }
            let result = try await self.restJSON(AWSOperation.Lambda.listFunctions, query: query, region: region)
            let functions = result.items("Functions").map { item in
                let vpc = item["VpcConfig"] ?? .object([:])
                return LambdaFunction(
                    name: item.str("FunctionName") ?? "", arn: item.str("FunctionArn") ?? "",
                    memorySize: item.int("MemorySize"), architectures: item.strings("Architectures"),
                    runtime: item.str("Runtime"), subnetIDs: vpc.strings("SubnetIds"),
                    securityGroupIDs: vpc.strings("SecurityGroupIds"), vpcID: vpc.str("VpcId"),
                    packageType: item.str("PackageType") ?? "Zip")
            }
            return (functions, result.str("NextMarker"))
        }.all()
    }

    /// The container image of an `Image` function (`Code.ImageUri` of Lambda `GetFunction`); nil for a zip.
    /// See https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html
    public func functionImage(name: String, region: String? = nil) async throws -> String? {
        let result = try await restJSON(AWSOperation.Lambda.getFunction, path: ["FunctionName": name], region: region)
        return result["Code"]?.str("ImageUri")
    }

    /// Lambda `ListEventSourceMappings`, every page, for every function of the region.
    /// See https://docs.aws.amazon.com/lambda/latest/api/API_ListEventSourceMappings.html
    public func listEventSourceMappings(region: String? = nil) async throws -> [LambdaEventSourceMapping] {
        try await Paginated { marker in
            var query = [QueryItem("MaxItems", "100")]
            if let marker { query.append(QueryItem("Marker", marker)) }
            let result = try await self.restJSON(
                AWSOperation.Lambda.listEventSourceMappings, query: query, region: region)
            let mappings = result.items("EventSourceMappings").map { item in
                LambdaEventSourceMapping(
                    uuid: item.str("UUID") ?? "", eventSourceARN: item.str("EventSourceArn") ?? "",
                    functionARN: item.str("FunctionArn") ?? "", state: item.str("State"))
            }
            return (mappings, result.str("NextMarker"))
        }.all()
    }
}
