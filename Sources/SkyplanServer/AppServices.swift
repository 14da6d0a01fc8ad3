import Foundation
import Logging
import SkyplanModel
import SkyplanStore

/// The application's dependencies, assembled once in `buildApplication` and handed to controllers.
public struct AppServices: Sendable {
    public let configuration: ServerConfiguration
    public let store: Store
    public let assumer: any RoleAssuming
    public let inventorySource: any InventorySource
    public let organizations: any OrganizationDirectory
    public let logger: Logger
    public let now: @Sendable () -> Date
    let validator: AccountValidator
    let loginThrottle = LoginThrottle()
    let snapshots: SnapshotRunner
    let progress = ScanProgressHub()
    let recentInventories = InventoryCache()
    private let loadedPricing: Result<Pricing, any Error>

    /// The bundled price book and exchange rates (loaded once, at start).
    func pricing() throws -> Pricing {
        do {
            return try loadedPricing.get()
        } catch {
            throw APIError(
                status: .internalServerError, reason: "internal_server_error",
                message: "the price book cannot be read: \(error)")
        }
    }

    public init(
        configuration: ServerConfiguration, store: Store, assumer: any RoleAssuming,
        inventorySource: any InventorySource = NoInventorySource(),
        organizations: any OrganizationDirectory = NoOrganizationDirectory(), logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.store = store
        self.assumer = assumer
        self.inventorySource = inventorySource
        self.organizations = organizations
        self.snapshots = SnapshotRunner(store: store, logger: logger, now: now)
        self.loadedPricing = Result { try Pricing.load(path: configuration.priceBookPath) }
        self.logger = logger
        self.now = now
        self.validator = AccountValidator(assumer: assumer, allowUnprotectedRoles: configuration.allowUnprotectedRoles)
    }

    /// Records who did what to which object.
    func audit(_ identity: Identity?, _ action: String, _ targetType: String, _ targetID: UUID, _ detail: String)
        async throws
    {
        try await store.appendAudit(
            AuditRecord(
                id: UUID(), at: now(), actorID: identity?.user.id, action: action, targetType: targetType,
                targetID: targetID.apiString, detail: detail))
    }

    /// Scans `regions` of the account with its role, publishing progress, and records the access check.
    /// A role that can no longer be assumed is a 400 naming the cause (access revoked, external ID).
    func scan(_ account: AccountRecord, regions: [String]) async throws -> Inventory {
        let key = ScanProgressHub.key(account: account.id, region: regions.joined(separator: ","))
        let progress = self.progress
        let source = inventorySource
        do {
            let cacheKey = "\(account.id.apiString)|\(account.roleARN)|\(regions.joined(separator: ","))"
            let inventory = try await recentInventories.inventory(key: cacheKey, now: now()) {
                try await source.inventory(for: account, regions: regions) { event in progress.publish(event, key: key)
                }
            }
            if account.checkStatus != AccountCheckStatus.ok.rawValue {
                var record = account
                record.checkStatus = AccountCheckStatus.ok.rawValue
                record.checkMessage = nil
                record.checkedAt = now()
                try await store.updateAccount(record)
            }
            return inventory
        } catch let error as RoleAssumptionError {
            var record = account
            record.checkStatus = AccountCheckStatus.failed.rawValue
            record.checkMessage = Self.revocationMessage(error, account: account)
            record.checkedAt = now()
            try? await store.updateAccount(record)
            throw APIError(status: .badRequest, reason: "account_access", message: record.checkMessage ?? "")
        }
    }

    /// Assumes the account's role now and stores the outcome on the account.
    func recheck(_ account: AccountRecord) async throws -> AccountRecord {
        var record = account
        do {
            let role = try RoleARN(parsing: account.roleARN)
            let assumed = try await assumer.assumedAccountID(
                role: role, externalID: account.externalID.apiString, region: account.region)
            if assumed == role.accountID {
                record.checkStatus = AccountCheckStatus.ok.rawValue
                record.checkMessage = nil
            } else {
                record.checkStatus = AccountCheckStatus.failed.rawValue
                record.checkMessage = "the role now belongs to account \(assumed), not \(role.accountID)"
            }
        } catch let error as RoleAssumptionError {
            record.checkStatus = AccountCheckStatus.failed.rawValue
            record.checkMessage = Self.revocationMessage(error, account: account)
        }
        record.checkedAt = now()
        try await store.updateAccount(record)
        return record
    }

    static func revocationMessage(_ error: RoleAssumptionError, account: AccountRecord) -> String {
        switch error.kind {
        case .accessDenied:
            "access revoked or external ID no longer accepted: the role \(account.roleARN) can no longer be assumed "
                + "with external ID \(account.externalID.apiString)"
        case .deniedBySCP: "an SCP now denies sts:AssumeRole in \(account.region)"
        case .regionDisabled: "STS is disabled in \(account.region)"
        case .operatorCredentials: "Skyplan's own AWS credentials are missing or invalid"
        case .unavailable: "AWS STS could not be reached (\(error.awsCode ?? "no code"))"
        }
    }
}
