import Foundation
import Hummingbird
import SkyplanAWS

/// `GET /aws/account/iamParameters` and its policies: what a user needs to create the role.
struct IAMParametersController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<SkyplanRequestContext>) {
        group.get("aws/account/iamParameters", use: parameters)
        group.get("aws/account/iamParameters/policy/minimal", use: minimal)
        group.get("aws/account/iamParameters/policy/custom", use: custom)
    }

    struct ParametersJSON: Encodable {
        let accountId: String
        let externalId: String
        let awsConsoleUrl: String
    }

    @Sendable func parameters(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let accountID: String
        do {
            accountID = try await services.assumer.operatorAccountID()
        } catch {
            context.logger.warning("iamParameters: no operator identity", metadata: ["error": "\(error.kind)"])
            throw APIError.serviceUnavailable(
                "Skyplan cannot determine its own AWS account: the server's AWS credentials are missing or invalid")
        }
        let externalID = identity.user.externalID.apiString
        return try JSONResponse.make(
            ParametersJSON(
                accountId: accountID, externalId: externalID,
                awsConsoleUrl: Self.consoleURL(accountID: accountID, externalID: externalID)))
    }

    /// Opens the IAM console's Create Role page pre-filled for a third-party, cross-account role.
    static func consoleURL(accountID: String, externalID: String, roleName: String = "skyplan") -> String {
        "https://console.aws.amazon.com/iam/home?#/roles$new?step=type&roleType=crossAccount&isThirdParty"
            + "&accountID=\(accountID)&externalID=\(externalID)&roleName=\(roleName)"
            + "&policies=arn:aws:iam::aws:policy%2FReadOnlyAccess"
    }

    /// Exactly the actions Skyplan's client can call, from its operation catalog;
    /// `?services=ec2,rds` narrows it to those services.
    @Sendable func minimal(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        _ = try context.requireIdentity()
        return policyResponse(MinimalPolicy.document(services: try Self.services(request)))
    }

    /// Service-level read-only wildcards (`ec2:Describe*`, `s3:List*`, ...).
    @Sendable func custom(_ request: Request, context: SkyplanRequestContext) async throws -> Response {
        _ = try context.requireIdentity()
        return policyResponse(MinimalPolicy.wildcardDocument(services: try Self.services(request)))
    }

    static func services(_ request: Request) throws -> Set<String>? {
        guard let text = request.uri.queryParameters.get("services"), !text.isEmpty else { return nil }
        let names = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let known = Set(MinimalPolicy.actions().compactMap { $0.split(separator: ":").first.map(String.init) })
        let unknown = names.subtracting(known).sorted()
        guard unknown.isEmpty else {
            throw APIError.invalidParameter(
                "services: unknown \(unknown.joined(separator: ", ")); known: \(known.sorted().joined(separator: ", "))"
            )
        }
        return names
    }

    func policyResponse(_ document: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: document)))
    }
}
