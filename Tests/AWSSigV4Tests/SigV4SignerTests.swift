import Foundation
import Testing

@testable import AWSSigV4

/// Known answers from AWS's SigV4 test suite (`get-vanilla` family, AKIDEXAMPLE, 2015-08-30T12:36:00Z)
/// and the S3 documentation samples (AKIAIOSFODNN7EXAMPLE, 2013-05-24).
@Suite struct SigV4SignerTests {
    static let suiteCredentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let s3Credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 20130524T000000Z

    static func signature(of header: String?) -> String? {
        header?.components(separatedBy: "Signature=").last
    }

    @Test func formatsAmzDateWithoutFormatter() {
        #expect(SigV4Canonical.amzDate(Self.suiteDate) == ("20150830T123600Z", "20150830"))
        #expect(SigV4Canonical.amzDate(Date(timeIntervalSince1970: 951_782_400)).dateTime == "20000229T000000Z")
    }

    @Test func signsGetVanilla() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let signed = signer.sign(SignableRequest(method: "GET", host: "example.amazonaws.com"), date: Self.suiteDate)
        #expect(
            signed.headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(signed.headers["x-amz-date"] == "20150830T123600Z")
    }

    @Test func normalizesRelativePathLikeGetRelativeRelative() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let request = SignableRequest(method: "GET", host: "example.amazonaws.com", path: "/example1/example2/../..")
        let signed = signer.sign(request, date: Self.suiteDate)
        #expect(
            Self.signature(of: signed.headers["authorization"])
                == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func sortsQueryLikeGetVanillaQueryOrderKeyCase() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let request = SignableRequest(
            method: "GET", host: "example.amazonaws.com",
            query: [QueryItem("Param2", "value2"), QueryItem("Param1", "value1")])
        let signed = signer.sign(request, date: Self.suiteDate)
        #expect(request.encodedQuery == "Param1=value1&Param2=value2")
        #expect(
            Self.signature(of: signed.headers["authorization"])
                == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func signsSessionToken() {
        var credentials = Self.suiteCredentials
        credentials.sessionToken =
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflf"
            + "KD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8"
            + "Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iS"
            + "IlTJabIQwj2ICCR/oLxBA=="
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        let signed = signer.sign(SignableRequest(method: "GET", host: "example.amazonaws.com"), date: Self.suiteDate)
        #expect(signed.headers["x-amz-security-token"] == credentials.sessionToken)
        #expect(
            signed.headers["authorization"]?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,") == true)
        #expect(
            Self.signature(of: signed.headers["authorization"])
                == "c8db8b9676d526f735dac5330f17623554c6cad1e2980d321903e9a3884c051b")
    }

    @Test func signsFormPostBody() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "sts")
        let request = SignableRequest(
            method: "POST", host: "sts.amazonaws.com",
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Data("Action=GetCallerIdentity&Version=2011-06-15".utf8))
        let signed = signer.sign(request, date: Self.suiteDate)
        #expect(signed.headers["x-amz-content-sha256"] == nil)
        #expect(
            Self.signature(of: signed.headers["authorization"])
                == "6fb20d31f734d876c5682fdd2678d194cf68b862755f83b7ba1373c0874be25c")
    }

    @Test func signsS3GetObjectWithContentHeader() {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3")
        let request = SignableRequest(
            method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", headers: ["Range": "bytes=0-9"])
        let signed = signer.sign(request, date: Self.s3Date)
        #expect(signed.headers["x-amz-content-sha256"] == SigV4Canonical.emptyPayloadHash)
        #expect(
            signed.headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func signsUnsignedPayloadForS3() {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3")
        let request = SignableRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt")
        let signed = signer.sign(request, date: Self.s3Date, payload: .unsigned)
        #expect(signed.headers["x-amz-content-sha256"] == "UNSIGNED-PAYLOAD")
        let parts = signer.signature(
            method: "GET", path: "/test.txt", query: [], headers: signed.headers.filter { $0.key != "authorization" },
            payloadHash: "UNSIGNED-PAYLOAD", dateTime: "20130524T000000Z", day: "20130524")
        #expect(parts.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(Self.signature(of: signed.headers["authorization"]) == parts.signature)
    }

    @Test func presignsS3URLLikeTheDocumentation() throws {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3")
        let request = SignableRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt")
        let url = try #require(signer.presignedURL(request, date: Self.s3Date, expires: 86_400))
        #expect(
            url.absoluteString
                == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test func encodesPerRFC3986() {
        #expect(SigV4Canonical.uriEncode("a b+c*~/é") == "a%20b%2Bc%2A~%2F%C3%A9")
        #expect(SigV4Canonical.uriEncode("/a b/", keepSlash: true) == "/a%20b/")
        #expect(SigV4Canonical.canonicalURI("/a%20b", service: "ec2") == "/a%2520b")
        #expect(SigV4Canonical.canonicalURI("/a%20b//./c", service: "s3") == "/a%20b//./c")
        #expect(SigV4Canonical.trimmedHeaderValue("  a   b  c ") == "a b c")
    }

    @Test func redactsSecretsInDescription() {
        var credentials = Self.s3Credentials
        credentials.sessionToken = "TOKEN123"
        let text = "\(credentials) \(String(reflecting: credentials))"
        #expect(!text.contains("EXAMPLEKEY"))
        #expect(!text.contains("TOKEN123"))
        #expect(text.contains("AKIAIOSFODNN7EXAMPLE"))
    }
}
