import AWSSigV4
import Foundation
import Logging

extension AWSClient {
    /// The retry loop of the standard (and adaptive) retry mode.
    func attempts(_ operation: AWSOperation, region: String, _ wire: WireRequest) async throws -> HTTPResponse {
        let retry = configuration.retry
        let service = operation.service
        var lastCost: Int?
        var attempt = 0
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            attempt += 1
            try Task.checkCancellation()
            if retry.mode == .adaptive {
                let elapsed = (clock.now - start) / .seconds(1)
                let wait = await retryState.delayBeforeSend(service: service.id, now: elapsed)
                if wait > 0 { try await retry.sleep(.seconds(wait)) }
            }
            try await gate?.admit(service: service.id, operation: operation.name, region: region)
            let request = try await signedRequest(operation, region: region, wire)
            var failure: AWSError
            do {
                let response = try await transport.send(request, timeout: configuration.attemptTimeout)
                let requestID = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
                logger.trace(
                    "aws call answered",
                    metadata: [
                        "aws.service": "\(service.id)", "aws.operation": "\(operation.name)", "aws.region": "\(region)",
                        "aws.attempt": "\(attempt)", "http.status": "\(response.status)",
                        "aws.request.id": "\(requestID ?? "-")",
                    ])
                if (200..<300).contains(response.status) {
                    await gate?.record(service: service.id, operation: operation.name, region: region, throttled: false)
                    if retry.mode == .adaptive {
                        let elapsed = (clock.now - start) / .seconds(1)
                        await retryState.record(service: service.id, throttled: false, now: elapsed)
                    }
                    await retryState.releaseAfterSuccess(retried: lastCost)
                    return response
                }
                failure = AWSErrorDecoder.decode(response, protocol: service.wireProtocol)
                await gate?.record(
                    service: service.id, operation: operation.name, region: region, throttled: failure.isThrottling)
            } catch let error as TransportError {
                await gate?.record(service: service.id, operation: operation.name, region: region, throttled: false)
                if error.kind == .cancelled { throw CancellationError() }
                failure = AWSError(
                    kind: error.kind == .timeout ? .timeout : .connection,
                    code: error.kind == .timeout ? "RequestTimeout" : "ConnectionError", message: error.description)
                logger.trace(
                    "aws call got no answer",
                    metadata: [
                        "aws.service": "\(service.id)", "aws.operation": "\(operation.name)", "aws.region": "\(region)",
                        "aws.attempt": "\(attempt)", "error": "\(error.kind)",
                    ])
            }
            failure.service = service.id
            failure.operation = operation.name
            failure.region = region
            failure.attempts = attempt
            if retry.mode == .adaptive, failure.isThrottling {
                let elapsed = (clock.now - start) / .seconds(1)
                await retryState.record(service: service.id, throttled: true, now: elapsed)
            }
            guard failure.isRetryable, attempt < retry.maxAttempts else { throw failure }
            let cost = failure.kind == .service ? retry.retryCost : retry.timeoutRetryCost
            guard await retryState.acquireRetry(cost: cost) else {
                failure.message += " (retry quota exhausted)"
                throw failure
            }
            lastCost = cost
            try await retry.sleep(retry.backoff(beforeRetry: attempt))
        }
    }

    /// Builds the URL and signs the request with fresh credentials.
    func signedRequest(_ operation: AWSOperation, region: String, _ wire: WireRequest) async throws -> HTTPRequest {
        let endpoint = try AWSEndpoint.resolve(service: operation.service, region: region, configuration: configuration)
        let credentials = try await credentialProvider.credentials()
        var basePath = endpoint.url.path
        if basePath.hasSuffix("/") { basePath.removeLast() }
        let wirePath = basePath + (wire.path.hasPrefix("/") ? wire.path : "/" + wire.path)
        var host = endpoint.url.host ?? "localhost"
        if let port = endpoint.url.port, !(endpoint.url.scheme == "https" && port == 443),
            !(endpoint.url.scheme == "http" && port == 80)
        {
            host += ":\(port)"
        }
        let signer = SigV4Signer(
            credentials: credentials, region: endpoint.signingRegion, service: operation.service.signingName)
        let signable = SignableRequest(
            method: wire.method, host: host, path: wirePath, query: wire.query, headers: wire.headers, body: wire.body)
        // Anonymous credentials (AssumeRoleWithWebIdentity) send an unsigned request.
        let signed = credentials.accessKeyID.isEmpty ? signable : signer.sign(signable, date: now())
        let query = wire.query.isEmpty ? "" : "?" + signable.encodedQuery
        let scheme = endpoint.url.scheme ?? "https"
        guard let url = URL(string: "\(scheme)://\(host)\(wirePath)\(query)") else {
            throw AWSError(kind: .invalidResponse, code: "InvalidURL", message: "cannot build a URL for \(host)")
        }
        var headers = signed.headers
        headers["host"] = nil
        return HTTPRequest(method: wire.method, url: url, headers: headers, body: wire.body)
    }
}
