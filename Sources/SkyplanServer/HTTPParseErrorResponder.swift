import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP decoder could not read (a 200 KB request line, too many or too large header
/// fields, a malformed request) with the same JSON error and security headers as every other error, then
/// closes the connection. Without it Hummingbird answers these with an empty 400 and no content type.
///
/// Sits in the channel pipeline after the decoder: the request never reached the router, so no middleware ran.
final class HTTPParseErrorResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let error = Self.apiError(parserError)
        let body =
            (try? JSONEncoder().encode(
                APIErrorBody(error: error.message, reason: error.reason, code: Int(error.status.code))))
            ?? Data()
        var headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .contentLength: String(body.count), .connection: "close",
        ]
        SecurityHeaders.apply(to: &headers)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// 431 when the header section is too large, 400 for every other decoding failure.
    static func apiError(_ error: HTTPParserError) -> APIError {
        switch error {
        case .headerOverflow:
            APIError(
                status: .requestHeaderFieldsTooLarge, reason: "bad_request",
                message: "the request line or header fields are too large")
        case .invalidURL:
            .badRequest("the request target is not a valid URL")
        default:
            .badRequest("the request could not be read as HTTP/1.1")
        }
    }
}
