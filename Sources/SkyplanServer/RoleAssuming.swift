import Foundation
import SkyplanModel

/// Assumes customer roles on Skyplan's behalf. One AWS implementation (`AWSRoleAssumer`) and
/// fakes in tests, because moto does not enforce trust policies or external IDs.
public protocol RoleAssuming: Sendable {
    /// Assumes `role` (with `externalID`, or none) in `region` and returns the account id of the
    /// assumed identity, from GetCallerIdentity with the assumed credentials.
    func assumedAccountID(role: RoleARN, externalID: String?, region: String) async throws(RoleAssumptionError)
        -> String
    /// Skyplan's own AWS account id: GetCallerIdentity of the operator's credentials.
    func operatorAccountID() async throws(RoleAssumptionError) -> String
}

/// Why a role could not be assumed, classified so the message can say what to check.
public struct RoleAssumptionError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// AccessDenied: the role does not exist, does not trust Skyplan's account, or wants another external ID.
        case accessDenied
        /// AccessDenied with an explicit deny from a service control policy.
        case deniedBySCP
        /// STS is not activated in the region (RegionDisabledException) or the region is not opted in.
        case regionDisabled
        /// Skyplan's own credentials are missing or invalid.
        case operatorCredentials
        /// AWS could not be reached or kept failing.
        case unavailable
    }

    public let kind: Kind
    public let awsCode: String?
    public let awsMessage: String

    public init(kind: Kind, awsCode: String?, awsMessage: String) {
        self.kind = kind
        self.awsCode = awsCode
        self.awsMessage = awsMessage
    }

    public var description: String { "\(kind) [\(awsCode ?? "-")] \(awsMessage)" }
}
