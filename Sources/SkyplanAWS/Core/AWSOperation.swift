/// One AWS API operation Skyplan may call, declared once in the catalog (`AWSOperation.all`).
///
/// The generic calls of `AWSClient` take an `AWSOperation`, so the catalog is exactly what Skyplan can call;
/// the minimal IAM policy is generated from it. Only read operations exist: the client refuses any other.
public struct AWSOperation: Sendable, Hashable, CustomStringConvertible {
    /// The service.
    public let service: AWSService
    /// The API name (`DescribeInstances`).
    public let name: String
    /// The IAM actions the call needs (`ec2:DescribeInstances`; `apigateway:GET`).
    public let iamActions: [String]
    /// HTTP method (`POST` for query and JSON protocols, as the REST model says otherwise).
    public let method: String
    /// REST request URI template (`/2015-03-31/functions/`, `/clusters/{name}`, `/{Bucket}?location`);
    /// `/` for query and JSON protocols.
    public let requestURI: String

    /// Declares an operation. `iamActions` defaults to `<service iam prefix>:<name>`.
    public init(
        _ service: AWSService, _ name: String, method: String = "POST", requestURI: String = "/",
        iamActions: [String]? = nil
    ) {
        self.service = service
        self.name = name
        self.method = method
        self.requestURI = requestURI
        self.iamActions = iamActions ?? ["\(service.iamPrefix):\(name)"]
    }

    /// A REST `GET` operation.
    public static func get(_ service: AWSService, _ name: String, _ requestURI: String, iamActions: [String]? = nil)
        -> AWSOperation
    {
        AWSOperation(service, name, method: "GET", requestURI: requestURI, iamActions: iamActions)
    }

    /// `service:Name`, e.g. `ec2:DescribeInstances`.
    public var description: String { "\(service.id):\(name)" }

    /// Name prefixes of read operations.
    public static let readOnlyPrefixes = ["Describe", "List", "Get", "Search", "Lookup", "BatchGet", "Head"]
    /// Operations that change nothing in the account although their name is not a read verb.
    public static let nonMutatingExceptions: Set<String> = ["AssumeRole", "AssumeRoleWithWebIdentity"]

    /// True when the operation only reads (by its name); the client refuses any other.
    public var isReadOnly: Bool {
        if Self.nonMutatingExceptions.contains(name) { return true }
        if !method.isEmpty, !["GET", "POST", "HEAD"].contains(method) { return false }
        return Self.readOnlyPrefixes.contains { prefix in
            name.hasPrefix(prefix) && name.dropFirst(prefix.count).first.map { $0.isUppercase } == true
        }
    }
}
