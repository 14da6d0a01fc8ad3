import Foundation
import Logging
import SkyplanAWS
import SkyplanBudget
import SkyplanModel
import SkyplanStore

/// The application's dependencies, assembled once in `buildApplication` and handed to controllers.
public struct AppServices: Sendable {
    public let configuration: ServerConfiguration
    public let store: Store
    public let assumer: any RoleAssuming
    public let inventorySource: any InventorySource
    public let organizations: any OrganizationDirectory
    public let costSource: any AccountCostSource
    /// Live prices (`pricing:GetProducts` with the operator's credentials) for SKUs the book lacks; nil: off.
    public let livePrices: (any PriceSource)?
    public let logger: Logger
    public let now: @Sendable () -> Date
    let validator: AccountValidator
    let loginThrottle = LoginThrottle()
    let snapshots: SnapshotRunner
    let progress = ScanProgressHub()
    let recentInventories = InventoryCache()
    let actualCostCache = ActualCostCache()
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
        organizations: any OrganizationDirectory = NoOrganizationDirectory(),
        costSource: any AccountCostSource = NoAccountCostSource(), livePrices: (any PriceSource)? = nil,
        logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.store = store
        self.assumer = assumer
        self.inventorySource = inventorySource
        self.organizations = organizations
        self.costSource = costSource
        self.livePrices = livePrices
        self.snapshots = SnapshotRunner(store: store, logger: logger, now: now)
        self.loadedPricing = Result {
            try Pricing.load(path: configuration.priceBookPath, ratesPath: configuration.exchangeRatesPath)
        }
        self.logger = logger
        self.now = now
        self.validator = AccountValidator(assumer: assumer, allowUnprotectedRoles: configuration.allowUnprotectedRoles)
    }

    /// The budget of `components`: the book's prices, then live ones (cached in the store with their date) for
    /// the lines the book lacks when live prices are on; a line still unpriced says why.
    func budget(of components: [PricedComponent], pricing: Pricing) async -> Budget {
        guard let livePrices else { return pricing.model.budget(for: components) }
        let refresher = PriceRefresher(
            source: livePrices, cache: StorePriceCache(store: store),
            maxAge: TimeInterval(configuration.priceMaxAge.components.seconds))
        return await refresher.budget(for: components, model: pricing.model, now: now())
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
        _ = try account.checkedRegion()
        for region in regions { _ = try Region.requireKnown(region, field: "region") }
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
                try await store.updateAccount(account.checked(failure: nil, at: now()))
            }
            return inventory
        } catch let error as RoleAssumptionError {
            let message = Self.revocationMessage(error, account: account)
            try? await store.updateAccount(account.checked(failure: message, at: now()))
            throw APIError(status: .badRequest, reason: "account_access", message: message)
        }
    }

    /// The account's actual cost of `month` (a month that has ended), from the short in-memory cache or Cost
    /// Explorer. A role that cannot be assumed is a 400 `account_access`; Cost Explorer refusing is a 400
    /// `cost_explorer` saying what to grant (both remembered as long as figures are); failing otherwise is a 503.
    func actualCosts(_ account: AccountRecord, month: CostMonth) async throws -> ActualCosts {
        guard month.hasEnded(at: now()) else {
            throw APIError.invalidParameter(
                "month \(month) has not ended yet; ask for \(CostMonth.lastFull(before: now())) or earlier")
        }
        let source = costSource
        return try await actualCostCache.costs(key: "\(account.id.apiString)|\(account.roleARN)|\(month)", now: now()) {
            do {
                return try await source.actualCosts(for: account, month: month)
            } catch let error as RoleAssumptionError {
                throw APIError(
                    status: .badRequest, reason: "account_access",
                    message: Self.revocationMessage(error, account: account))
            } catch let error as AWSError {
                let message =
                    error.isAccessDenied
                    ? "Cost Explorer refused ce:GetCostAndUsage to \(account.roleARN): add that action to the role's "
                        + "policy (Skyplan's minimal policy has it)"
                    : "Cost Explorer could not answer for \(account.roleARN): \(error.code) \(error.message.prefix(200))"
                throw error.isAccessDenied
                    ? APIError(status: .badRequest, reason: "cost_explorer", message: message)
                    : APIError.serviceUnavailable(message)
            }
        }
    }

    /// Assumes the account's role now and stores the outcome on the account.
    func recheck(_ account: AccountRecord) async throws -> AccountRecord {
        let failure: String?
        let region = try account.checkedRegion()
        do {
            let role = try RoleARN(parsing: account.roleARN)
            let assumed = try await assumer.assumedAccountID(
                role: role, externalID: account.externalID.apiString, region: region)
            failure =
                assumed == role.accountID ? nil : "the role now belongs to account \(assumed), not \(role.accountID)"
        } catch let error as RoleAssumptionError {
            failure = Self.revocationMessage(error, account: account)
        }
        let record = account.checked(failure: failure, at: now())
        try await store.updateAccount(record)
        return record
    }

    /// `team/<uuid>` references to teams that exist; `nil` and `[]` both mean nobody.
    func teamRefs(_ refs: [String]?, property: String) async throws -> [String]? {
        guard let refs, !refs.isEmpty else { return nil }
        var result: [String] = []
        for ref in refs {
            guard ref.hasPrefix("team/"), let id = UUID(uuidString: String(ref.dropFirst(5))) else {
                throw APIError.invalidProperty("\(property): \"\(ref.prefix(60))\" is not of the form team/<uuid>")
            }
            guard try await store.team(id: id) != nil else {
                throw APIError.invalidProperty("\(property): team \(id.apiString) does not exist")
            }
            result.append("team/\(id.apiString)")
        }
        return Array(Set(result)).sorted()
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
