import SkyplanModel

/// A parsed filter. Evaluate it with `matches(_:in:)`.
public indirect enum FilterExpression: Hashable, Sendable {
    /// The empty filter.
    case all
    case term(FilterTerm)
    case not(FilterExpression)
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)

    /// True when `resource` is selected.
    public func matches(_ resource: Resource, in context: FilterContext) -> Bool {
        switch self {
        case .all: true
        case .term(let term): term.matches(resource, in: context)
        case .not(let inner): !inner.matches(resource, in: context)
        case .and(let left, let right): left.matches(resource, in: context) && right.matches(resource, in: context)
        case .or(let left, let right): left.matches(resource, in: context) || right.matches(resource, in: context)
        }
    }
}

/// One term of a filter.
public enum FilterTerm: Hashable, Sendable {
    /// A name, id, ARN, IP address, state word, bare tag key or container id/name.
    case word(String)
    /// `type=ec2`.
    case type(String)
    /// `tag=value` (also `name=`, `region=`, `state=`).
    case pair(key: String, value: String)

    func matches(_ resource: Resource, in context: FilterContext) -> Bool {
        switch self {
        case .type(let type):
            return resource.type.rawValue == type
        case .pair(let key, let value):
            switch key.lowercased() {
            case "name": return Glob.matches(value, resource.name)
            case "region": return resource.region == value
            case "id": return Glob.matches(value, resource.resourceID)
            case "state": return context.live(resource)["state"].map { Glob.matches(value, $0) } ?? false
            default:
                let tag = resource.tags.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }
                return tag.map { Glob.matches(value, $0.value) } ?? false
            }
        case .word(let word):
            return matchesWord(word, resource, context)
        }
    }

    private func matchesWord(_ word: String, _ resource: Resource, _ context: FilterContext) -> Bool {
        if Glob.matches(word, resource.name) || Glob.matches(word, resource.resourceID) || resource.arn == word {
            return true
        }
        if resource.tags.keys.contains(where: { $0.caseInsensitiveCompare(word) == .orderedSame }) { return true }
        let placement = resource.placement
        let containers =
            [placement.vpcID].compactMap { $0 } + placement.subnetIDs + placement.securityGroupIDs
            + [placement.groupARN].compactMap { $0 } + placement.availabilityZones
        let named = context.containerIDs(named: word)
        for container in containers {
            if container == word || named.contains(container) { return true }
            if container.hasPrefix("arn:"), ARNNames.lastComponent(container) == word { return true }
        }
        // State words and IP addresses match only against live values, when they were supplied.
        let live = context.live(resource)
        return live.values.contains { $0.caseInsensitiveCompare(word) == .orderedSame }
    }
}

/// What a filter is evaluated against besides the resource: live attributes (state, IPs), held only
/// in memory, and the names of containers (so `prod-vpc` selects what is inside that VPC).
public struct FilterContext: Sendable {
    /// Live attributes by ARN (`state`, `privateIp`, `publicIp`, `health`, ...).
    public var liveAttributes: [String: [String: String]]
    private var containersByName: [String: [String]]

    public init(inventory: Inventory = Inventory(), liveAttributes: [String: [String: String]] = [:]) {
        self.liveAttributes = liveAttributes
        var byName: [String: [String]] = [:]
        for resource in inventory.resources where resource.type.isContainer {
            byName[resource.name.lowercased(), default: []].append(resource.resourceID)
            byName[resource.name.lowercased(), default: []].append(resource.arn)
        }
        containersByName = byName
    }

    func live(_ resource: Resource) -> [String: String] { liveAttributes[resource.arn] ?? [:] }

    func containerIDs(named name: String) -> [String] { containersByName[name.lowercased()] ?? [] }
}

/// Case-insensitive matching with `*` wildcards.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard pattern.contains("*") else { return pattern.caseInsensitiveCompare(text) == .orderedSame }
        let parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(text.lowercased())
        for (index, part) in parts.enumerated() {
            if part.isEmpty { continue }
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return rest.hasSuffix(part)
            } else {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
        }
        return true
    }
}
