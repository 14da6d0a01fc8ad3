import SkyplanAWS
import SkyplanModel

extension NetworkInventoryBuilder {
    /// Elastic IPs (VPC allocations), each → what it is associated with: its instance, else the NAT gateway that
    /// holds the address, else its network interface. An address without an association is idle (and still paid).
    mutating func addAddresses(_ addresses: [ElasticIPAddress], natGateways: [NatGateway]) {
        var natByIP: [String: String] = [:]
        for gateway in natGateways where !Self.gone.contains(gateway.state) {
            for ip in gateway.publicIPs { natByIP[ip] = gateway.natGatewayID }
        }
        for address in addresses {
            guard let allocation = address.allocationID, !allocation.isEmpty else { continue }
            let target = Self.association(of: address, natByIP: natByIP)
            // Not the address itself: an IP is live data, which DESIGN.md keeps out of the store (the live view shows it).
            let config: [String: JSONValue] = [
                "attachedTo": .string(target.map { Self.attachedKind($0.type) } ?? "none")
            ]
            add(.elasticIP, "elastic-ip", allocation, tags: address.tags, config: config)
            guard let target else { continue }
            output.relate(
                arn("elastic-ip", allocation), arn(target.type, target.id), .attachment,
                "ec2:DescribeAddresses \(target.field) \(target.id)")
        }
    }

    /// The kind of thing an address is attached to, as the budget reads it (`instance`, `natgateway`, `eni`).
    static func attachedKind(_ arnType: String) -> String { arnType == "network-interface" ? "eni" : arnType }

    /// What an address is associated with (ARN type, id, the field that says so). Pure.
    static func association(of address: ElasticIPAddress, natByIP: [String: String])
        -> (type: String, id: String, field: String)?
    {
        if let instance = address.instanceID, !instance.isEmpty { return ("instance", instance, "InstanceId") }
        if let gateway = natByIP[address.publicIP] { return ("natgateway", gateway, "PublicIp") }
        if let interface = address.networkInterfaceID, !interface.isEmpty {
            return ("network-interface", interface, "NetworkInterfaceId")
        }
        return nil
    }
}
