import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4. Pure: the date is passed in.
///
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html and, for S3's payload
/// rules, https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
public struct SigV4Signer: Sendable {
    /// The credentials that sign.
    public var credentials: AWSCredentials
    /// The region in the credential scope (`us-east-1`; global services sign with their home region).
    public var region: String
    /// The signing name of the service (`ec2`, `elasticloadbalancing`, `monitoring`, `s3`, ...).
    public var service: String

    /// The signing algorithm name.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// Headers never signed: proxies and clients rewrite them.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id"]

    /// Creates a signer for one (credentials, region, service).
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// What went into a signature; exposed for tests and debugging (contains no secret).
    public struct Signature: Sendable, Hashable {
        /// The canonical request text.
        public var canonicalRequest: String
        /// The string to sign.
        public var stringToSign: String
        /// `host;x-amz-date;...`
        public var signedHeaders: String
        /// The hex signature.
        public var signature: String
    }

    /// Returns `request` with `host`, `x-amz-date`, `x-amz-security-token` (temporary credentials),
    /// `x-amz-content-sha256` (S3, or when payload is unsigned) and `authorization` headers set.
    /// Header names in the result are lower case.
    public func sign(_ request: SignableRequest, date: Date, payload: PayloadSigning = .signed) -> SignableRequest {
        var signed = request
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.lowercased()] = value }
        headers["host"] = request.host
        let stamp = SigV4Canonical.amzDate(date)
        headers["x-amz-date"] = stamp.dateTime
        if let token = credentials.sessionToken { headers["x-amz-security-token"] = token }
        let payloadHash = hash(of: request.body, payload)
        if service == "s3" || payload != .signed { headers["x-amz-content-sha256"] = payloadHash }
        headers["authorization"] = nil
        signed.headers = headers
        let parts = signature(
            method: request.method, path: request.path, query: request.query, headers: headers,
            payloadHash: payloadHash, dateTime: stamp.dateTime, day: stamp.day)
        headers["authorization"] =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(day: stamp.day)), "
            + "SignedHeaders=\(parts.signedHeaders), Signature=\(parts.signature)"
        signed.headers = headers
        return signed
    }

    /// The query parameters of a presigned URL for `request` (its own query plus the `X-Amz-*` ones,
    /// `X-Amz-Signature` last), valid for `expires` seconds from `date` (1...604800).
    public func presignedQuery(_ request: SignableRequest, date: Date, expires: Int) -> [QueryItem] {
        let stamp = SigV4Canonical.amzDate(date)
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.lowercased()] = value }
        headers["host"] = request.host
        let signedNames = headers.keys.filter { !Self.unsignedHeaders.contains($0) }.sorted().joined(separator: ";")
        var query = request.query
        query.append(QueryItem("X-Amz-Algorithm", Self.algorithm))
        query.append(QueryItem("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(day: stamp.day))"))
        query.append(QueryItem("X-Amz-Date", stamp.dateTime))
        query.append(QueryItem("X-Amz-Expires", String(min(max(expires, 1), 604_800))))
        if let token = credentials.sessionToken { query.append(QueryItem("X-Amz-Security-Token", token)) }
        query.append(QueryItem("X-Amz-SignedHeaders", signedNames))
        let payloadHash = service == "s3" ? "UNSIGNED-PAYLOAD" : SigV4Canonical.sha256Hex(request.body)
        let parts = signature(
            method: request.method, path: request.path, query: query, headers: headers, payloadHash: payloadHash,
            dateTime: stamp.dateTime, day: stamp.day)
        query.append(QueryItem("X-Amz-Signature", parts.signature))
        return query
    }

    /// A presigned URL (`scheme://host/path?query`) for `request`.
    public func presignedURL(_ request: SignableRequest, date: Date, expires: Int, scheme: String = "https") -> URL? {
        var items = presignedQuery(request, date: date, expires: expires)
        let signature = items.removeLast()
        let query = SigV4Canonical.canonicalQuery(items) + "&X-Amz-Signature=" + signature.value
        return URL(string: "\(scheme)://\(request.host)\(request.path)?\(query)")
    }

    /// Computes the canonical request, string to sign and signature for already-final headers.
    public func signature(
        method: String, path: String, query: [QueryItem], headers: [String: String], payloadHash: String,
        dateTime: String, day: String
    ) -> Signature {
        let names = headers.keys.filter { !Self.unsignedHeaders.contains($0) }.sorted()
        var canonicalHeaders = ""
        for name in names {
            canonicalHeaders += name + ":" + SigV4Canonical.trimmedHeaderValue(headers[name] ?? "") + "\n"
        }
        let signedHeaders = names.joined(separator: ";")
        let canonicalRequest = [
            method.uppercased(), SigV4Canonical.canonicalURI(path, service: service),
            SigV4Canonical.canonicalQuery(query), canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let stringToSign = [
            Self.algorithm, dateTime, scope(day: day), SigV4Canonical.sha256Hex(Data(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(day: day))
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signedHeaders: signedHeaders,
            signature: SigV4Canonical.hex(mac))
    }

    /// The derived signing key for a day (`yyyyMMdd`): HMAC chain over date, region, service.
    public func signingKey(day: String) -> SymmetricKey {
        func mac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
        }
        let secret = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        return mac(mac(mac(mac(secret, day), region), service), "aws4_request")
    }

    /// `day/region/service/aws4_request`.
    public func scope(day: String) -> String { "\(day)/\(region)/\(service)/aws4_request" }

    private func hash(of body: Data, _ payload: PayloadSigning) -> String {
        switch payload {
        case .signed: body.isEmpty ? SigV4Canonical.emptyPayloadHash : SigV4Canonical.sha256Hex(body)
        case .unsigned: "UNSIGNED-PAYLOAD"
        case .precomputed(let hash): hash
        }
    }
}
