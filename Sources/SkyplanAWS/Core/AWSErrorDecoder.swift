import Foundation
import SkyplanModel

/// Reads an error answer per wire protocol into an `AWSError` (service, operation and region are filled in
/// by the caller).
///
/// Shapes: query `<ErrorResponse><Error><Code>`; EC2 `<Response><Errors><Error><Code>` with `<RequestID>`;
/// JSON `{"__type": "ns#Code", "message"}` or the `x-amzn-ErrorType` header; REST-XML `<Error><Code>` (S3)
/// or `<ErrorResponse><Error>` (CloudFront, Route 53).
/// See https://smithy.io/2.0/aws/protocols/index.html
enum AWSErrorDecoder {
    static func decode(_ response: HTTPResponse, protocol wireProtocol: AWSProtocol) -> AWSError {
        var code: String?
        var message: String?
        var requestID = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
        switch wireProtocol {
        case .query, .ec2, .restXML:
            if let tree = try? XMLTree.parse(response.body) {
                let error = tree.first(named: "Error")
                code = error?.string("Code")
                message = error?.string("Message") ?? error?.string("message")
                requestID = requestID ?? tree.first(named: "RequestId")?.text ?? tree.first(named: "RequestID")?.text
            }
        case .json10, .json11, .restJSON:
            if let object = (try? JSONCoding.decode(response.body))?.objectValue {
                code = object["__type"]?.stringValue ?? object["code"]?.stringValue ?? object["Code"]?.stringValue
                message =
                    object["message"]?.stringValue ?? object["Message"]?.stringValue
                    ?? object["errorMessage"]?.stringValue
            }
            if let header = response.header("x-amzn-errortype"), !header.isEmpty { code = header }
        }
        let cleaned = code.map(sanitize) ?? fallbackCode(status: response.status)
        return AWSError(
            kind: .service, code: cleaned.isEmpty ? fallbackCode(status: response.status) : cleaned,
            message: message ?? "", requestID: requestID, status: response.status)
    }

    /// `aws.protocoltests#FooError:http://internal` → `FooError`.
    static func sanitize(_ code: String) -> String {
        var text = Substring(code)
        if let colon = text.firstIndex(of: ":") { text = text[..<colon] }
        if let hash = text.lastIndex(of: "#") { text = text[text.index(after: hash)...] }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func fallbackCode(status: Int) -> String {
        switch status {
        case 400: "BadRequest"
        case 403: "AccessDenied"
        case 404: "NotFound"
        case 429: "TooManyRequestsException"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        default: "HTTP\(status)"
        }
    }
}

/// JSON in and out as `JSONValue`, deterministic on output (sorted keys).
public enum JSONCoding {
    /// Parses a JSON document; an empty body is `{}`. Throws `AWSError(.invalidResponse)` on malformed input.
    public static func decode(_ data: Data) throws -> JSONValue {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([:]) }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw AWSError(kind: .invalidResponse, code: "MalformedJSON", message: "the answer is not valid JSON")
        }
    }

    /// Encodes with sorted keys; integers print without a fraction.
    public static func encode(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
