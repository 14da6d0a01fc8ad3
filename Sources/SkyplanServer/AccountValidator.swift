import Foundation
import SkyplanModel

/// DESIGN.md §5: the checks a role must pass before Skyplan saves it, each failure a message that
/// tells the user what to check.
struct AccountValidator: Sendable {
    let assumer: any RoleAssuming
    /// Emulators cannot enforce external IDs; only the demo and tests turn this on.
    let allowUnprotectedRoles: Bool

    /// Parses `roleArn`, assumes it with the creator's external ID, refuses roles that do not need
    /// one, and checks the assumed identity is the ARN's account. Returns the parsed ARN.
    func validate(roleArn text: String, externalID: String, region: String) async throws(APIError) -> RoleARN {
        let role: RoleARN
        do {
            role = try RoleARN(parsing: text)
        } catch {
            throw APIError.invalidProperty("roleArn: \(error.description)")
        }
        _ = try Region.requireKnown(region, field: "region", partition: role.partition)
        let operatorAccount = (try? await assumer.operatorAccountID()) ?? "Skyplan's AWS account"
        let assumedAccount: String
        do {
            assumedAccount = try await assumer.assumedAccountID(role: role, externalID: externalID, region: region)
        } catch {
            throw APIError.badRequest(
                Self.explain(
                    error, role: role, externalID: externalID, region: region,
                    operatorAccount: operatorAccount))
        }
        guard assumedAccount == role.accountID else {
            throw APIError.badRequest(
                "the role \(role) was assumed but belongs to account \(assumedAccount), not \(role.accountID): check the ARN"
            )
        }
        if !allowUnprotectedRoles {
            let unprotected: Bool
            do {
                _ = try await assumer.assumedAccountID(role: role, externalID: nil, region: region)
                unprotected = true
            } catch {
                unprotected = false
            }
            if unprotected {
                throw APIError.badRequest(
                    "the role \(role) does not require an external ID, so anyone using this Skyplan server could "
                        + "read your account: add the condition \"StringEquals\": {\"sts:ExternalId\": \"\(externalID)\"} "
                        + "to its trust policy")
            }
        }
        return role
    }

    static func explain(
        _ error: RoleAssumptionError, role: RoleARN, externalID: String, region: String, operatorAccount: String
    ) -> String {
        switch error.kind {
        case .accessDenied:
            "role \(role) cannot be assumed: the role was not found, or it does not trust account \(operatorAccount), "
                + "or the external ID does not match (it must be \(externalID)); check the role name and its trust policy"
        case .deniedBySCP:
            "an SCP denies sts:AssumeRole in \(region) — pass a region your organization allows (the \"region\" field)"
        case .regionDisabled:
            "STS is not enabled in \(region) for account \(role.accountID) — pass another region (the \"region\" field)"
        case .operatorCredentials:
            "Skyplan's own AWS credentials are missing or invalid on the server; ask the operator to check them"
        case .unavailable:
            "AWS STS could not be reached in \(region); try again (\(error.awsCode ?? "no error code"))"
        }
    }
}
