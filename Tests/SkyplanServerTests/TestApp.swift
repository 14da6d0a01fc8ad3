import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SkyplanBudget
import SkyplanModel
import SkyplanStore
import Testing

@testable import SkyplanServer

/// A role assumer for tests: moto does not enforce trust policies or external IDs, so the paths
/// that depend on them are decided here, per role name.
struct FakeRoleAssumer: RoleAssuming {
    /// The external ID each role requires (nil: the role accepts any or none — unprotected).
    var requiredExternalID: [String: String?] = [:]
    var failures: [String: RoleAssumptionError.Kind] = [:]
    var wrongAccount: Set<String> = []
    var operatorAccount = "999988887777"

    func assumedAccountID(role: RoleARN, externalID: String?, region: String) async throws(RoleAssumptionError)
        -> String
    {
        if let kind = failures[role.roleName] {
            throw RoleAssumptionError(kind: kind, awsCode: "AccessDenied", awsMessage: "denied")
        }
        if let required = requiredExternalID[role.roleName] {
            // nil: an unprotected role, which anyone may assume.
            if let required, externalID != required {
                throw RoleAssumptionError(kind: .accessDenied, awsCode: "AccessDenied", awsMessage: "not authorized")
            }
        } else if externalID == nil {
            // By default a role requires *some* external ID.
            throw RoleAssumptionError(kind: .accessDenied, awsCode: "AccessDenied", awsMessage: "not authorized")
        }
        return wrongAccount.contains(role.roleName) ? "000000000000" : role.accountID
    }

    func operatorAccountID() async throws(RoleAssumptionError) -> String { operatorAccount }
}

/// Test stores stay open for the whole run: a store released without `close()` trips SQLiteNIO's
/// debug assertion, and many tests read the store after their app finished.
enum TestStores {
    /// NIO's pthread lock: the thread sanitizer runs these suites and cannot see `Mutex`'s kernel hand-over.
    private static let stores = NIOLockedValueBox<[Store]>([])
    static func keepAlive(_ store: Store) { stores.withLockedValue { $0.append(store) } }
}

/// A Skyplan app on a fresh SQLite file, with an owner, an admin, a team member and an outsider.
struct TestApp {
    let services: AppServices
    let owner: UserRecord
    let admin: UserRecord
    let member: UserRecord
    let outsider: UserRecord
    let team: TeamRecord
    var keys: [String: String] = [:]

    static func make(
        assumer: FakeRoleAssumer = FakeRoleAssumer(), allowUnprotected: Bool = false,
        costSource: any AccountCostSource = NoAccountCostSource(), livePrices: (any PriceSource)? = nil,
        priceMaxAge: Duration = .seconds(7 * 86_400)
    ) async throws -> TestApp {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skyplan-test-\(UUID()).sqlite").path
        let store = try await Store.open(.sqlite(path: path), logger: Logger(label: "test"))
        TestStores.keepAlive(store)
        try await store.migrate()
        let configuration = ServerConfiguration(
            databaseURL: "sqlite:\(path)", allowUnprotectedRoles: allowUnprotected, priceMaxAge: priceMaxAge)
        let services = AppServices(
            configuration: configuration, store: store, assumer: assumer, costSource: costSource,
            livePrices: livePrices,
            logger: Logger(label: "test"))
        let admins = UserAdmin(store: store, bcryptCost: 4)
        let owner = try await admins.createUser(
            email: "owner-\(UUID())@example.com", name: "Owner", role: .owner, password: "password-owner")
        let admin = try await admins.createUser(
            email: "admin-\(UUID())@example.com", name: "Admin", role: .admin, password: "password-admin")
        let member = try await admins.createUser(
            email: "member-\(UUID())@example.com", name: "Member", role: .user, password: "password-member")
        let outsider = try await admins.createUser(
            email: "out-\(UUID())@example.com", name: "Outsider", role: .user, password: "password-outsider")
        let team = TeamRecord(id: UUID(), name: "Platform", createdAt: Date(), updatedAt: Date())
        try await store.createTeam(team)
        try await store.setMembership(teamID: team.id, userID: member.id, role: "member")
        try await store.setMembership(teamID: team.id, userID: admin.id, role: "admin")
        var app = TestApp(
            services: services, owner: owner, admin: admin, member: member, outsider: outsider, team: team)
        for (name, user) in [("owner", owner), ("admin", admin), ("member", member), ("outsider", outsider)] {
            app.keys[name] = try await admins.createAPIKey(email: user.email, name: name, access: .readWrite)
            app.keys[name + "-read"] = try await admins.createAPIKey(email: user.email, name: name, access: .read)
        }
        return app
    }

    var teamRef: String { "team/\(team.id.uuidString.lowercased())" }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = buildRouter(services: services)
        let app = Application(router: router)
        try await app.test(.router, body)
    }

    /// The same app on a real socket (HTTP/1.1 on a free port), as a client of a running server sees it.
    func testLive(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = buildRouter(services: services)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live, body)
    }
}

extension TestClientProtocol {
    /// A request with an optional bearer key and JSON body; returns status and parsed JSON.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, key: String? = nil, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> (
        status: HTTPResponse.Status, body: [String: Any], raw: String, headers: HTTPFields, bytes: [UInt8]
    ) {
        var headers = extra
        if let key { headers[.authorization] = "Bearer \(key)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }
        ) { response in
            let raw = String(buffer: response.body)
            let body = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:]
            return (response.status, body, raw, response.headers, Array(response.body.readableBytesView))
        }
    }
}
