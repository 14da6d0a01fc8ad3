import Foundation
import Logging
import SkyplanAWS
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore

/// Discovery through the account's role: assumed with the creator's external ID, credentials cached
/// per (role, external ID) in memory and refreshed before they expire.
public struct AWSInventorySource: InventorySource {
    public let roles: AssumedRoleCache
    public let configuration: ScanConfiguration
    public let logger: Logger

    public init(roles: AssumedRoleCache, configuration: ScanConfiguration = ScanConfiguration(), logger: Logger) {
        self.roles = roles
        self.configuration = configuration
        self.logger = logger
    }

    public func inventory(
        for account: AccountRecord, regions: [String], progress: @escaping @Sendable (ScanProgress) -> Void
    ) async throws -> Inventory {
        let role = try RoleARN(parsing: account.roleARN)
        let region = try account.checkedRegion()
        let client = await roles.client(roleARN: role.description, externalID: account.externalID.apiString)
            .with(region: region)
        do {
            // Fails fast, with a cause the user can act on, when the role was revoked.
            _ = try await client.getCallerIdentity()
        } catch let error as AWSError {
            throw AWSRoleAssumer.classify(error)
        }
        var scanLogger = logger
        scanLogger[metadataKey: "scan.account"] = "\(role.accountID)"
        let scanner = Scanner(client: client, configuration: configuration, logger: scanLogger)
        return await scanner.scan(ScanRequest(accountID: role.accountID, regions: regions), progress: progress)
    }
}
