import Foundation
import HTTPTypes
import HummingbirdTesting
import SkyplanStore
import Testing

@testable import SkyplanServer

/// Every role against every identity and account route gets exactly the status it should; a user
/// outside a team cannot learn that an account exists.
@Suite struct AccessMatrixTests {
    enum Caller: String, CaseIterable {
        case owner, admin, member, outsider, ownerReadKey, noCredentials, expiredSession
    }

    struct Row: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let expected: [Caller: Int]
        var description: String { "\(method) \(path)" }
    }

    static let role = "arn:aws:iam::111122223333:role/skyplan"
    /// `{account}` is an account the admin connected and shared read-only with the member's team.
    static let rows: [Row] = [
        Row(
            method: .get, path: "/user/me", body: nil,
            expected: [
                .owner: 200, .admin: 200, .member: 200, .outsider: 200, .ownerReadKey: 200, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .get, path: "/team", body: nil,
            expected: [
                .owner: 200, .admin: 200, .member: 200, .outsider: 200, .ownerReadKey: 200, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .post, path: "/team", body: #"{"name":"New"}"#,
            expected: [
                .owner: 201, .admin: 201, .member: 403, .outsider: 403, .ownerReadKey: 403, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .get, path: "/apikey", body: nil,
            expected: [
                .owner: 200, .admin: 200, .member: 403, .outsider: 403, .ownerReadKey: 200, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .post, path: "/apikey", body: #"{"access":"read"}"#,
            expected: [
                .owner: 201, .admin: 201, .member: 403, .outsider: 403, .ownerReadKey: 403, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .get, path: "/audit", body: nil,
            expected: [
                .owner: 200, .admin: 200, .member: 403, .outsider: 403, .ownerReadKey: 200, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .get, path: "/aws/account", body: nil,
            expected: [
                .owner: 200, .admin: 200, .member: 200, .outsider: 200, .ownerReadKey: 200, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .post, path: "/aws/account", body: #"{"name":"n","roleArn":"\#(role)"}"#,
            expected: [
                .owner: 201, .admin: 201, .member: 403, .outsider: 403, .ownerReadKey: 403, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .put, path: "/aws/account/{account}", body: #"{"name":"renamed"}"#,
            expected: [
                .owner: 200, .admin: 200, .member: 403, .outsider: 404, .ownerReadKey: 403, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .post, path: "/aws/account/{account}/verify", body: nil,
            expected: [
                .owner: 200, .admin: 200, .member: 200, .outsider: 404, .ownerReadKey: 403, .noCredentials: 401,
                .expiredSession: 401,
            ]),
        Row(
            method: .delete, path: "/aws/account/{account}", body: nil,
            expected: [
                .owner: 204, .admin: 204, .member: 403, .outsider: 404, .ownerReadKey: 403, .noCredentials: 401,
                .expiredSession: 401,
            ]),
    ]

    @Test(arguments: rows)
    func routeAnswersEachCallerAsItShould(row: Row) async throws {
        for caller in Caller.allCases {
            let app = try await TestApp.make(
                assumer: FakeRoleAssumer(requiredExternalID: ["skyplan": nil]), allowUnprotected: true)
            let account = try await Self.sharedAccount(app)
            var headers: HTTPFields = [:]
            var key: String?
            switch caller {
            case .owner, .admin, .member, .outsider: key = app.keys[caller.rawValue]
            case .ownerReadKey: key = app.keys["owner-read"]
            case .noCredentials: break
            case .expiredSession:
                let token = "expired-token"
                try await app.services.store.createSession(
                    SessionRecord(
                        tokenHash: Secrets.hash(token), userID: app.owner.id, csrfToken: "csrf",
                        createdAt: Date(timeIntervalSinceNow: -7200), expiresAt: Date(timeIntervalSinceNow: -3600)))
                headers[.cookie] = "skyplan_session=\(token)"
                headers[AuthMiddleware.csrfHeader] = "csrf"
            }
            let path = row.path.replacingOccurrences(of: "{account}", with: account.id.uuidString.lowercased())
            let requestKey = key
            let requestHeaders = headers
            try await app.test { client in
                let result = try await client.call(
                    row.method, path, key: requestKey, json: row.body, headers: requestHeaders)
                #expect(Int(result.status.code) == row.expected[caller], "\(row) as \(caller): \(result.raw)")
                if result.status.code >= 400 {
                    #expect(result.body["code"] as? Int == Int(result.status.code), "error body is JSON: \(result.raw)")
                }
                if caller == .outsider, row.path == "/aws/account" {
                    #expect(
                        !result.raw.contains(account.id.uuidString.lowercased()), "outsider must not see the account")
                }
            }
        }
    }

    /// Connected by the admin, shared read-only with the team the member is in.
    static func sharedAccount(_ app: TestApp) async throws -> AccountRecord {
        let record = AccountRecord(
            id: UUID(), name: "Shared", roleARN: role, externalID: app.admin.externalID, region: "us-east-1",
            readAccess: [app.teamRef], writeAccess: nil, creatorID: app.admin.id, createdAt: Date(), updatedAt: Date(),
            checkStatus: nil, checkMessage: nil, checkedAt: nil)
        try await app.services.store.createAccount(record)
        return record
    }

    @Test func memberSeesSharedAccountButOutsiderDoesNot() async throws {
        let app = try await TestApp.make()
        let account = try await Self.sharedAccount(app)
        try await app.test { client in
            let member = try await client.call(.get, "/aws/account", key: app.keys["member"])
            #expect(member.raw.contains(account.id.uuidString.lowercased()))
            let outsider = try await client.call(.get, "/aws/account", key: app.keys["outsider"])
            #expect((outsider.body["accounts"] as? [Any])?.isEmpty == true)
        }
    }
}
