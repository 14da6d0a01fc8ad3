import SkyplanModel

extension InventoryLinker {
    /// Resolves relationship ends that name an EC2 resource under an account that does not hold it to the one
    /// scanned resource of that id in that region, whatever its account: a VPC attachment of a RAM-shared transit
    /// gateway states the gateway under the attaching account; moto (and a partial API answer) may state an
    /// attached or peered VPC under the wrong owner. EC2 ids (`vpc-`, `tgw-`, `pcx-`...) are unique per region
    /// across accounts, so one match is the resource; none or several leave the end as it is (nothing invented).
    static func resolveAcrossAccounts(_ relationships: [Relationship], resources: [Resource]) -> [Relationship] {
        var known = Set<String>()
        var byID: [String: [String]] = [:]
        for resource in resources {
            known.insert(resource.arn)
            if let key = crossAccountKey(resource.arn) { byID[key, default: []].append(resource.arn) }
        }
        func resolve(_ end: String) -> (arn: String, account: String)? {
            guard !known.contains(end), let key = crossAccountKey(end), let matches = byID[key], matches.count == 1,
                let arn = try? ARN(parsing: matches[0])
            else { return nil }
            return (matches[0], arn.accountID)
        }
        return relationships.map { relationship in
            var copy = relationship
            if let from = resolve(relationship.from) {
                copy.from = from.arn
                copy.evidence += " (owned by account \(from.account))"
            }
            if let to = resolve(relationship.to) {
                copy.to = to.arn
                copy.evidence += " (owned by account \(to.account))"
            }
            return copy
        }
    }

    /// `partition/region/type/id` of an EC2 ARN (the account left out), or nil for any other ARN.
    static func crossAccountKey(_ text: String) -> String? {
        guard text.hasPrefix("arn:"), let arn = try? ARN(parsing: text), arn.service == "ec2", !arn.region.isEmpty
        else { return nil }
        return "\(arn.partition)/\(arn.region)/\(arn.resource)"
    }
}
