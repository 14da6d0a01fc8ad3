import Foundation
import Synchronization
import Testing

@testable import SkyplanAWS

/// Credential caching, refresh before expiry, one refresh at a time; STS calls and the assumed-role cache.
@Suite struct CachingAndSTSTests {
    final class Counter: Sendable {
        let value = Mutex(0)
        func next() -> Int {
            value.withLock {
                $0 += 1; return $0
            }
        }
    }

    struct CountingProvider: CredentialProvider {
        let counter: Counter
        let lifetime: TimeInterval
        let clock: @Sendable () -> Date

        func credentials() async throws -> AWSCredentials {
            let n = counter.next()
            try await Task.sleep(for: .milliseconds(20))
            return AWSCredentials(accessKeyID: "AKIA\(n)", secretAccessKey: "s", expiration: clock() + lifetime)
        }
    }

    @Test func refreshesOnceForManyConcurrentCallersAndBeforeExpiry() async throws {
        let now = Mutex(Date(timeIntervalSince1970: 0))
        let clock: @Sendable () -> Date = { now.withLock { $0 } }
        let counter = Counter()
        let cache = CachedCredentialProvider(
            CountingProvider(counter: counter, lifetime: 3600, clock: clock), refreshMargin: 300, now: clock)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["AKIA1"])
        #expect(await cache.refreshes == 1)
        now.withLock { $0 += 3000 }  // 10 minutes left: still fresh.
        #expect(try await cache.credentials().accessKeyID == "AKIA1")
        now.withLock { $0 += 400 }  // 3 minutes left: inside the margin, refresh.
        #expect(try await cache.credentials().accessKeyID == "AKIA2")
    }

    @Test func assumeRoleSendsExternalIDAndParsesCredentials() async throws {
        let fake = FakeHTTPTransport { _, _ in TestSupport.response(200, CredentialChainTests.assumeRoleAnswer) }
        let assumed = try await TestSupport.client(fake).assumeRole(
            roleARN: "arn:aws:iam::111122223333:role/r", externalID: "ext", sessionName: "scan", duration: 100)
        #expect(assumed.credentials.accessKeyID == "ASIAROLE")
        #expect(assumed.credentials.expiration == Date(timeIntervalSince1970: 1_440_941_760))
        #expect(assumed.assumedRoleARN == "arn:aws:sts::111122223333:assumed-role/r/s")
        let form = TestSupport.form(try #require(fake.requests.first))
        #expect(form["ExternalId"] == "ext")
        #expect(form["DurationSeconds"] == "900")
        #expect(form["RoleSessionName"] == "scan")
    }

    @Test func assumedRoleCacheReusesCredentialsPerRoleAndExternalID() async throws {
        let fake = FakeHTTPTransport { _, _ in
            TestSupport.response(
                200,
                CredentialChainTests.assumeRoleAnswer.replacingOccurrences(
                    of: "2015-08-30T13:36:00Z", with: "2099-01-01T00:00:00Z"))
        }
        let cache = AssumedRoleCache(stsClient: TestSupport.client(fake))
        let first = await cache.provider(roleARN: "arn:aws:iam::111122223333:role/r", externalID: "a")
        _ = try await first.credentials()
        _ = try await cache.provider(roleARN: "arn:aws:iam::111122223333:role/r", externalID: "a").credentials()
        #expect(fake.requests.count == 1)
        _ = try await cache.provider(roleARN: "arn:aws:iam::111122223333:role/r", externalID: "b").credentials()
        #expect(fake.requests.count == 2)
        let client = await cache.client(roleARN: "arn:aws:iam::111122223333:role/r", externalID: "a")
        #expect(try await client.credentialProvider.credentials().sessionToken == "roletoken")
        #expect(fake.requests.count == 2)
    }
}
