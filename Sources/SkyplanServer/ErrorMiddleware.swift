import Foundation
import Hummingbird
import Logging
import NIOCore
import SkyplanStore

/// Turns every error into Cloudcraft's JSON error body: never an HTML or empty error. Errors the
/// server does not know become a logged 500 whose body says nothing about the cause.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try Self.translate(error).response(from: request, context: context)
        } catch let error as StoreError {
            return try Self.translate(error, logger: context.logger).response(from: request, context: context)
        } catch let error as DecodingError {
            return try APIError.invalidProperty(Self.describe(error)).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            // A body past `collect(upTo:)`'s limit (the upload limit, or a route's own).
            return try Self.translate(HTTPError(.contentTooLarge)).response(from: request, context: context)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error(
                "unhandled error", metadata: ["error": "\(String(reflecting: type(of: error))): \(error)"])
            return try APIError.internalError.response(from: request, context: context)
        }
    }

    static func translate(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound: .notFound(error.body ?? "Not found")
        case .unauthorized: .unauthorized(error.body ?? "Authentication required")
        case .forbidden: .forbidden(error.body ?? "Insufficient privileges")
        case .contentTooLarge:
            APIError(status: .contentTooLarge, reason: "invalid_property", message: "Request body too large")
        case .methodNotAllowed:
            APIError(status: .methodNotAllowed, reason: "method_not_allowed", message: "Method not allowed")
        default:
            if error.status.code >= 500 { .internalError } else { .badRequest(error.body ?? error.status.reasonPhrase) }
        }
    }

    static func translate(_ error: StoreError, logger: Logger) -> APIError {
        switch error.code {
        case .notFound: return .notFound("Not found")
        case .conflict: return .conflict("Already exists")
        case .stale: return .preconditionFailed("The blueprint was changed by someone else; reload it and try again")
        case .badURL, .cannotOpen, .unreachable, .database:
            logger.error("store error", metadata: ["error": "\(error)"])
            return .serviceUnavailable("the database is not reachable")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context.codingPath)
            return "missing property \"\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "property \"\(path(context.codingPath))\" has the wrong type"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "request body is not valid JSON" }
            return "property \"\(path(context.codingPath))\" is invalid: \(context.debugDescription)"
        @unknown default:
            return "request body is invalid"
        }
    }
}
