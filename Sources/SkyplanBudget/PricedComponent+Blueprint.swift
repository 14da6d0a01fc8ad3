import SkyplanDiagram
import SkyplanModel

extension PricedComponent {
    /// Every priced component of a blueprint: its nodes, with the VPC and subnet each sits in taken from
    /// the groups that list it, and the account from the node's ARN.
    public static func components(of data: BlueprintData) -> [PricedComponent] {
        let json = data.json
        var vpcOf: [String: String] = [:]
        var subnetOf: [String: String] = [:]
        for group in json["groups"]?.arrayValue ?? [] {
            let type = group["type"]?.stringValue
            guard type == "vpc" || type == "subnet" else { continue }
            let name = group["name"]?.stringValue ?? group["id"]?.stringValue ?? ""
            for member in group["nodes"]?.arrayValue ?? [] {
                guard let id = member.stringValue else { continue }
                if type == "vpc" { vpcOf[id] = name } else { subnetOf[id] = name }
            }
        }
        // A subnet group can sit inside a VPC group: its nodes belong to that VPC too.
        for group in json["groups"]?.arrayValue ?? [] where group["type"]?.stringValue == "subnet" {
            guard let groupID = group["id"]?.stringValue, let vpc = vpcOf[groupID] else { continue }
            for member in group["nodes"]?.arrayValue ?? [] {
                if let id = member.stringValue, vpcOf[id] == nil { vpcOf[id] = vpc }
            }
        }
        // The account: the node's ARN's, else (an S3 bucket's ARN names none) the account group around it.
        var parentOf: [String: String] = [:]
        var accountOfGroup: [String: String] = [:]
        // Zones and service areas are surfaces that list nodes too.
        for group in (json["groups"]?.arrayValue ?? []) + (json["surfaces"]?.arrayValue ?? []) {
            guard let groupID = group["id"]?.stringValue else { continue }
            if group["type"]?.stringValue == "account" { accountOfGroup[groupID] = group["accountId"]?.stringValue }
            for member in group["nodes"]?.arrayValue ?? [] {
                if let id = member.stringValue { parentOf[id] = groupID }
            }
        }
        func enclosingAccount(_ id: String) -> String? {
            guard !accountOfGroup.isEmpty else { return nil }
            var current = id
            for _ in 0..<16 {
                guard let parent = parentOf[current] else { return nil }
                if let account = accountOfGroup[parent] { return account }
                current = parent
            }
            return nil
        }
        // Attachments folded into a VPC or subnet (a VPC's transit gateway attachments, its route tables) are priced
        // in it.
        var folded: [PricedComponent] = []
        for group in json["groups"]?.arrayValue ?? [] {
            let type = group["type"]?.stringValue
            guard type == "vpc" || type == "subnet", let attachments = group["attachments"]?.arrayValue else {
                continue
            }
            let id = group["id"]?.stringValue ?? ""
            let name = group["name"]?.stringValue ?? id
            for case .object(let object) in attachments {
                let fromARN = object["arn"]?.stringValue.flatMap { try? ARN(parsing: $0) }?.accountID
                let account = fromARN.flatMap { $0.isEmpty ? nil : $0 } ?? enclosingAccount(id) ?? fromARN
                let path = ContainerPath(
                    account: account, region: object["region"]?.stringValue,
                    vpc: type == "vpc" ? name : vpcOf[id], subnet: type == "subnet" ? name : nil)
                if let component = PricedComponent(nodeJSON: object, container: path) { folded.append(component) }
            }
        }
        // Attachments folded into a node (its EBS volumes, ENIs: `detail=summary`) are priced with it.
        return folded
            + (json["nodes"]?.arrayValue ?? []).flatMap { node -> [PricedComponent] in
                guard var object = node.objectValue else { return [] }
                let id = object["id"]?.stringValue ?? ""
                let fromARN = object["arn"]?.stringValue.flatMap { try? ARN(parsing: $0) }?.accountID
                let account = fromARN.flatMap { $0.isEmpty ? nil : $0 } ?? enclosingAccount(id) ?? fromARN
                let path = ContainerPath(
                    account: account, region: object["region"]?.stringValue, vpc: vpcOf[id], subnet: subnetOf[id])
                let attachments = object.removeValue(forKey: "attachments")?.arrayValue ?? []
                let parts = attachments.compactMap { $0.objectValue }.compactMap {
                    PricedComponent(nodeJSON: $0, container: path)
                }
                return (PricedComponent(nodeJSON: object, container: path).map { [$0] } ?? []) + parts
            }
    }
}
