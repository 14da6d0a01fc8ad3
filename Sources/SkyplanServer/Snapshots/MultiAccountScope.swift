import Foundation
import SkyplanDiscovery
import SkyplanModel
import SkyplanStore

/// The scope of a multi-account snapshot: which connected accounts and which regions (`?accounts=` and
/// `?regions=`), each account checked against the caller's access.
struct MultiAccountScope: Sendable {
    /// The accounts, in the order asked (duplicates dropped).
    let accounts: [AccountRecord]
    /// The regions, sorted.
    let regions: [String]

    /// Most accounts one request may name (a whole Organization of this size is a few requests, or the overview).
    static let maximumAccounts = 500
    /// Most regions one request may name.
    static let maximumRegions = 40

    /// Reads and checks the scope. A malformed list is a 400; an account the caller may not use (or that does not
    /// exist: the two are not told apart) is a 403 naming it.
    static func resolve(
        accounts accountsText: String?, regions regionsText: String?, store: Store, identity: Identity
    ) async throws -> MultiAccountScope {
        let ids = try parseIDs(accountsText)
        let regions = try parseRegions(regionsText)
        var accounts: [AccountRecord] = []
        for id in ids {
            guard let account = try await store.account(id: id), AccessPolicy.canSee(identity, account: account) else {
                throw APIError.forbidden("you may not use AWS account \(id.apiString)")
            }
            accounts.append(account)
        }
        return MultiAccountScope(accounts: accounts, regions: regions)
    }

    static func parseIDs(_ text: String?) throws -> [UUID] {
        let items = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw APIError.invalidParameter("accounts: name at least one connected account id (accounts=ID,ID)")
        }
        guard items.count <= maximumAccounts else {
            throw APIError.invalidParameter("accounts: at most \(maximumAccounts) accounts per request")
        }
        var seen = Set<UUID>()
        var ids: [UUID] = []
        for item in items {
            guard let id = UUID(uuidString: item) else {
                throw APIError.invalidParameter("accounts: \(item.prefix(40)) is not an account id (a UUID)")
            }
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    static func parseRegions(_ text: String?) throws -> [String] {
        let items = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !items.isEmpty else { throw APIError.invalidParameter("regions: name at least one region") }
        guard items.count <= maximumRegions else {
            throw APIError.invalidParameter("regions: at most \(maximumRegions) regions per request")
        }
        return try Set(items.map { try Region.requireKnown($0, field: "regions") }).sorted()
    }

    /// The job key: the same accounts (with their roles), regions and rendering parameters share one job.
    func jobKey(query: String) -> String {
        let accountsPart = accounts.map { "\($0.id.apiString)=\($0.roleARN)" }.sorted().joined(separator: ",")
        return Secrets.hash("snapshot-multi|\(accountsPart)|\(regions.joined(separator: ","))|\(query)")
    }

    /// Account names by AWS account id (from the roles), for the account outlines.
    var names: [String: String] {
        var names: [String: String] = [:]
        for account in accounts {
            if let role = try? RoleARN(parsing: account.roleARN) { names[role.accountID] = account.name }
        }
        return names
    }
}

extension AppServices {
    /// Scans every account of `scope` side by side (each through its own role, paced on its own, and cached per
    /// account and regions as single-account snapshots are) into one linked inventory. An account whose role can
    /// no longer be assumed is an error diagnostic naming it, not the end of the scan.
    func scan(_ scope: MultiAccountScope) async throws -> Inventory {
        let parts = await withTaskGroup(of: (Int, Inventory).self) { group in
            for (index, account) in scope.accounts.enumerated() {
                group.addTask {
                    let awsID = (try? RoleARN(parsing: account.roleARN))?.accountID ?? ""
                    do {
                        return (index, try await self.scan(account, regions: scope.regions))
                    } catch {
                        let message = (error as? APIError)?.message ?? "\(error)"
                        let diagnostic = Diagnostic(
                            severity: .error, cause: .notPermitted, accountID: awsID, region: "", service: "sts",
                            operation: "AssumeRole",
                            message: "account \(account.name) (\(awsID)) was not scanned: \(message)")
                        return (index, Inventory(diagnostics: [diagnostic], accountIDs: [awsID]))
                    }
                }
            }
            var parts: [(Int, Inventory)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map(\.1)
        }
        try Task.checkCancellation()
        var merged = Inventory(regions: scope.regions)
        for part in parts {
            merged.resources += part.resources
            merged.relationships += part.relationships
            merged.diagnostics += part.diagnostics
            merged.accountIDs += part.accountIDs
        }
        // Linking again over every account joins what one account's scan could not (a peer VPC, a shared gateway,
        // an origin in another account).
        return InventoryLinker.link(merged)
    }
}
