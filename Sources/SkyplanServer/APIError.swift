import Foundation
import Hummingbird

/// An error answered as Cloudcraft's JSON error shape: `{"error": message, "reason": reason, "code": status}`.
public struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let reason: String
    public let message: String
    /// Extra headers (e.g. `Retry-After`).
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, reason: String, message: String) {
        self.status = status
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(status.code) \(reason): \(message)" }

    public static func notFound(_ message: String = "Not found") -> APIError {
        APIError(status: .notFound, reason: "not_found", message: message)
    }
    /// A malformed id or body property.
    public static func invalidProperty(_ message: String) -> APIError {
        APIError(status: .badRequest, reason: "invalid_property", message: message)
    }
    /// A bad query or path parameter (region, format, width...).
    public static func invalidParameter(_ message: String) -> APIError {
        APIError(status: .badRequest, reason: "invalid_parameter", message: message)
    }
    public static func badRequest(_ message: String) -> APIError {
        APIError(status: .badRequest, reason: "bad_request", message: message)
    }
    public static func unauthorized(_ message: String = "Authentication required") -> APIError {
        APIError(status: .unauthorized, reason: "unauthorized", message: message)
    }
    public static func forbidden(_ message: String = "Insufficient privileges") -> APIError {
        APIError(status: .forbidden, reason: "insufficient_privileges", message: message)
    }
    public static func conflict(_ message: String) -> APIError {
        APIError(status: .conflict, reason: "conflict", message: message)
    }
    public static func preconditionFailed(_ message: String) -> APIError {
        APIError(status: .preconditionFailed, reason: "precondition_failed", message: message)
    }
    public static func tooManyRequests(retryAfter seconds: Int) -> APIError {
        var error = APIError(
            status: .tooManyRequests, reason: "rate_limited", message: "Too many requests; retry later")
        error.headers[.retryAfter] = String(seconds)
        return error
    }
    public static func serviceUnavailable(_ message: String) -> APIError {
        APIError(status: .serviceUnavailable, reason: "service_unavailable", message: message)
    }
    public static let internalError = APIError(
        status: .internalServerError, reason: "internal_server_error", message: "Internal server error")

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(APIErrorBody(error: message, reason: reason, code: Int(status.code)))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The JSON body of every error answer.
struct APIErrorBody: Codable {
    let error: String
    let reason: String
    let code: Int
}
