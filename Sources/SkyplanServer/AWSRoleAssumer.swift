import Foundation
import SkyplanAWS
import SkyplanModel

/// Assumes customer roles through STS with the operator's credentials.
public struct AWSRoleAssumer: RoleAssuming {
    /// A client signed with the operator's credentials (the default credential chain).
    public let operatorClient: AWSClient

    public init(operatorClient: AWSClient) {
        self.operatorClient = operatorClient
    }

    public func assumedAccountID(role: RoleARN, externalID: String?, region: String) async throws(RoleAssumptionError)
        -> String
    {
        do {
            let assumed = try await operatorClient.assumeRole(
                roleARN: role.description, externalID: externalID, sessionName: "skyplan-check", duration: 900,
                region: region)
            let client = operatorClient.with(credentials: StaticCredentialProvider(assumed.credentials))
            return try await client.getCallerIdentity(region: region).account
        } catch let error as AWSError {
            throw Self.classify(error)
        } catch {
            throw RoleAssumptionError(kind: .unavailable, awsCode: nil, awsMessage: "\(error)")
        }
    }

    public func operatorAccountID() async throws(RoleAssumptionError) -> String {
        do {
            return try await operatorClient.getCallerIdentity().account
        } catch let error as AWSError {
            throw Self.classify(error)
        } catch {
            throw RoleAssumptionError(kind: .unavailable, awsCode: nil, awsMessage: "\(error)")
        }
    }

    /// Maps STS's answers onto what the user should check.
    /// See https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors
    static func classify(_ error: AWSError) -> RoleAssumptionError {
        let kind: RoleAssumptionError.Kind
        switch error.code {
        case "RegionDisabledException": kind = .regionDisabled
        case "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "MissingAuthenticationToken":
            kind = .operatorCredentials
        default:
            if error.kind == .credentials {
                kind = .operatorCredentials
            } else if error.isAccessDenied {
                kind =
                    error.message.localizedCaseInsensitiveContains("service control policy")
                    ? .deniedBySCP : .accessDenied
            } else {
                kind = .unavailable
            }
        }
        return RoleAssumptionError(kind: kind, awsCode: error.code, awsMessage: error.message)
    }
}
