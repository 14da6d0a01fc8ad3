/// Why a blueprint document was rejected. The description names the offending field, e.g.
/// `nodes[3].type: unknown node type "ec3"`.
public struct BlueprintError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case notJSON
        case wrongShape
        case missing
        case unknownType
        case invalidValue
    }

    private let kind: Kind
    /// The JSON path of the bad field (`nodes[3].type`), empty for the whole document.
    public let field: String
    /// What is wrong, in words a person can act on.
    public let reason: String

    private init(_ kind: Kind, field: String, reason: String) {
        self.kind = kind
        self.field = field
        self.reason = reason
    }

    /// The bytes are not JSON at all.
    public static func notJSON(_ detail: String) -> BlueprintError {
        BlueprintError(.notJSON, field: "", reason: "the blueprint is not valid JSON (\(detail))")
    }

    /// A value has the wrong JSON type.
    public static func wrongShape(_ field: String, expected: String) -> BlueprintError {
        BlueprintError(.wrongShape, field: field, reason: "expected \(expected)")
    }

    /// A required field is absent.
    public static func missing(_ field: String) -> BlueprintError {
        BlueprintError(.missing, field: field, reason: "is required")
    }

    /// A node or group type Skyplan does not know.
    public static func unknownType(_ field: String, _ type: String) -> BlueprintError {
        BlueprintError(.unknownType, field: field, reason: "unknown component type \"\(type)\"")
    }

    /// A value of the right JSON type that is still not acceptable.
    public static func invalidValue(_ field: String, _ reason: String) -> BlueprintError {
        BlueprintError(.invalidValue, field: field, reason: reason)
    }

    public var description: String { field.isEmpty ? reason : "\(field): \(reason)" }
}
