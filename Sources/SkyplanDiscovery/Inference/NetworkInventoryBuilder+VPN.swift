import SkyplanAWS
import SkyplanModel

extension NetworkInventoryBuilder {
    /// Site-to-Site VPN connections, linked to their AWS side (virtual private gateway or transit gateway) and their
    /// customer gateway. Call after `addVPNGateways`: a scanned connection prices its own hours, so the gateways
    /// found in the same region get `vpnConnections` 0 instead of the budget's assumption.
    mutating func addVPNConnections(_ connections: [VPNConnection]) {
        for index in output.resources.indices where output.resources[index].type == .vpnGateway {
            output.resources[index].config["vpnConnections"] = .number(0)
        }
        for connection in connections where !Self.gone.contains(connection.state) {
            let id = connection.vpnConnectionID
            add(
                .vpnConnection, "vpn-connection", id, tags: connection.tags,
                config: ["connectionType": .string(connection.type)])
            let connectionARN = arn("vpn-connection", id)
            if let gateway = connection.vpnGatewayID {
                output.relate(
                    connectionARN, arn("vpn-gateway", gateway), .peering,
                    "ec2:DescribeVpnConnections \(id) VpnGatewayId \(gateway)")
            }
            if let gateway = connection.transitGatewayID {
                output.relate(
                    connectionARN, arn("transit-gateway", gateway), .peering,
                    "ec2:DescribeVpnConnections \(id) TransitGatewayId \(gateway)")
            }
            if !connection.customerGatewayID.isEmpty {
                output.relate(
                    connectionARN, arn("customer-gateway", connection.customerGatewayID), .peering,
                    "ec2:DescribeVpnConnections \(id) CustomerGatewayId \(connection.customerGatewayID)")
            }
        }
    }

    /// Transit gateway peerings: requester gateway → accepter gateway, each in its own account and region. Both
    /// sides list the same attachment, so a scan of both regions states the same edge twice (merged by the linker).
    mutating func addTransitGatewayPeerings(_ peerings: [TransitGatewayPeeringAttachment]) {
        for peering in peerings where !Self.gone.contains(peering.state) {
            let requester = peering.requester
            let accepter = peering.accepter
            guard requester != accepter else { continue }
            output.relate(
                gatewayARN(requester), gatewayARN(accepter), .peering,
                "ec2:DescribeTransitGatewayPeeringAttachments \(peering.attachmentID) "
                    + "\(requester.transitGatewayID) → \(accepter.transitGatewayID)")
        }
    }

    /// The ARN of a peered gateway; a side that does not say its account or region is this scan's.
    func gatewayARN(_ side: TransitGatewayPeeringAttachment.Side) -> String {
        let region = side.region.isEmpty ? context.region : side.region
        let owner = side.ownerID.isEmpty ? context.accountID : side.ownerID
        return "arn:\(context.partition.rawValue):ec2:\(region):\(owner):transit-gateway/\(side.transitGatewayID)"
    }
}
