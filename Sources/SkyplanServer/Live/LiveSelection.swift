import Foundation
import Hummingbird
import NIOCore

/// What a live-feed request asks to watch, before any check: a blueprint, or ARNs, and an optional focus.
///
/// `GET` gives it in the query (`?blueprint=<id>` or `?arn=a,b&arn=c`, `focus=<arn>`), which browsers and
/// proxies cap at a few thousand characters; `POST` gives it as a JSON body
/// (`{"arns": [...], "focus": "<arn>", "blueprint": "<id>"}`) with no cap but ``maxBodyBytes``. Both are
/// then checked the same way by `LiveRequest`. Nothing is kept between requests, so any replica can answer.
struct LiveSelection: Equatable, Decodable {
    /// A blueprint id; when present, its ARNs are watched and `arns` is ignored.
    var blueprint: String?
    /// ARNs to watch (trimmed, empty ones dropped).
    var arns: [String]
    /// The ARN the viewer has selected (watched too).
    var focus: String?

    /// The largest JSON body accepted: 10,000 ARNs of about 200 characters.
    static let maxBodyBytes = 2 * 1024 * 1024

    init(blueprint: String? = nil, arns: [String] = [], focus: String? = nil) {
        self.blueprint = blueprint.flatMap { $0.isEmpty ? nil : $0 }
        self.arns = arns.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.focus = focus.flatMap { $0.isEmpty ? nil : $0 }
    }

    private enum CodingKeys: String, CodingKey { case blueprint, arns, focus }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            blueprint: try container.decodeIfPresent(String.self, forKey: .blueprint),
            arns: try container.decodeIfPresent([String].self, forKey: .arns) ?? [],
            focus: try container.decodeIfPresent(String.self, forKey: .focus))
    }

    /// From the query of a `GET`: `blueprint`, `arn` (repeated or comma-separated) and `focus`.
    init(query: Parameters) {
        self.init(
            blueprint: query.get("blueprint"),
            arns: query.getAll("arn").flatMap { $0.split(separator: ",").map { String($0) } },
            focus: query.get("focus"))
    }

    /// From the JSON body of a `POST`: a 413 past ``maxBodyBytes``, a 400 naming the problem when malformed.
    static func decode(body: RequestBody) async throws -> LiveSelection {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(
                status: .contentTooLarge, reason: "invalid_property",
                message: "Request body too large: at most \(maxBodyBytes) bytes (\(LiveController.maxARNs) ARNs)")
        }
        guard buffer.readableBytes > 0 else {
            throw APIError.invalidProperty(
                "request body is empty; JSON expected: {\"arns\": [\"<arn>\", ...]} or {\"blueprint\": \"<id>\"}")
        }
        return try parse(Data(buffer: buffer))
    }

    /// Decodes a JSON body (pure; `decode(body:)` reads it first).
    static func parse(_ data: Data) throws -> LiveSelection {
        do {
            return try JSONDecoder().decode(LiveSelection.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw APIError.invalidProperty("request body must be a JSON object such as {\"arns\": [\"<arn>\"]}")
        } catch let error as DecodingError {
            throw APIError.invalidProperty(ErrorMiddleware<SkyplanRequestContext>.describe(error))
        }
    }

    /// The request's selection: from the body for `POST`, from the query otherwise.
    static func of(_ request: Request) async throws -> LiveSelection {
        request.method == .post
            ? try await decode(body: request.body) : LiveSelection(query: request.uri.queryParameters)
    }
}
