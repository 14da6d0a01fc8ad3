import Foundation
import SkyplanDiagram
import SkyplanModel

/// The isometric model of a component kind: compute is a block whose height follows its size,
/// databases are cylinders, buckets are buckets, queues, topics and other light things are flat tiles,
/// gateways are low slabs, and global edge services hexagonal prisms.
enum Silhouette: Sendable {
    case block, cylinder, bucket, tile, slab, prism

    init(_ type: ComponentType) {
        switch type {
        case .rds, .auroraCluster, .dynamoDB, .elastiCache, .redshift, .docDB, .neptune: self = .cylinder
        case .s3: self = .bucket
        case .sqs, .sns, .cloudWatchAlarm, .networkInterface, .routeTable, .targetGroup, .transitGatewayAttachment,
            .vpnConnection, .vpcPeering, .kinesisStream, .kinesisFirehose, .elasticIP, .stepFunctions, .eventBus, .mq,
            .cognito, .waf, .ses:
            self = .tile
        case .internetGateway, .egressOnlyInternetGateway, .natGateway, .vpcEndpoint, .vpnGateway, .customerGateway,
            .transitGateway, .elb, .ebs, .ecr:
            self = .slab
        case .cloudFront, .route53, .apiGateway: self = .prism
        default: self = .block
        }
    }

    /// Height in grid units; a block's comes from its configuration (instance size, count).
    func height(_ node: BlueprintNode) -> Double {
        switch self {
        case .block: min(1.3, ComponentStyle.height(type: node.type, config: node.extra, count: node.count))
        case .cylinder: 1.1
        case .bucket: 0.95
        case .tile: 0.2
        case .slab: 0.4
        case .prism: 0.55
        }
    }
}

extension SVGContext {
    /// Face colours of `color`: side, front, top edge.
    mutating func shade(_ color: String) -> (side: String, front: String, edge: String) {
        if let known = shades[color] { return known }
        let shade = (Palette.shade(color, 0.78), Palette.shade(color, 0.6), Palette.shade(color, 1.35))
        shades[color] = shade
        return shade
    }

    /// The isometric model of `node`, with its pictogram on the top face.
    mutating func model(_ node: BlueprintNode, _ color: String) {
        switch Silhouette(node.type) {
        case .block, .tile, .slab: block(node, color)
        case .cylinder: round(node, color, sides: 16, phase: 0, bottom: 1)
        case .bucket: round(node, color, sides: 16, phase: 0, bottom: 0.72)
        case .prism: round(node, color, sides: 6, phase: 15, bottom: 1)
        }
    }

    /// A cylinder, frustum or prism standing on the footprint's inscribed circle: the body is the front half
    /// of the base and the back half of the top (screen-left and screen-right extremes are at 135° and
    /// 315°, which `phase` keeps as vertices), then the top face.
    private mutating func round(_ node: BlueprintNode, _ color: String, sides: Int, phase: Double, bottom: Double) {
        let r = node.rect, z = height(node)
        let cx = r.minX + r.size.x / 2, cy = r.minY + r.size.y / 2, radius = min(r.size.x, r.size.y) / 2
        func ring(_ scale: Double, _ level: Double, from: Double, to: Double) -> [(x: Double, y: Double)] {
            var points: [(x: Double, y: Double)] = []
            var angle = from
            let step = 360 / Double(sides)
            while angle <= to + 0.001 {
                let radians = angle * .pi / 180
                points.append(
                    projector.point(
                        cx + radius * scale * cos(radians), cy + radius * scale * sin(radians), level))
                angle += step
            }
            return points
        }
        let front = ring(bottom, 0, from: -45, to: 135)
        let back = ring(1, z, from: 135, to: 315)
        let faces = shade(color)
        polygon(front + back, fill: faces.side)
        let top = ring(1, z, from: phase, to: phase + 360 - 360 / Double(sides))
        polygon(top, fill: color, stroke: faces.edge)
        pictogram(node, z: z, inset: radius * (1 - 0.68))
    }

    /// The type's pictogram lying on the top face (isometric) or on the tile (2D), inset from the footprint.
    mutating func pictogram(_ node: BlueprintNode, z: Double, inset: Double) {
        let r = node.rect
        let size = min(r.size.x, r.size.y) - inset * 2
        let x0 = r.minX + (r.size.x - size) / 2, y0 = r.minY + (r.size.y - size) / 2
        let origin = projector.point(0, 0, z), ex = projector.point(1, 0, z), ey = projector.point(0, 1, z)
        let a = ex.x - origin.x, b = ex.y - origin.y, c = ey.x - origin.x, d = ey.y - origin.y
        let s = size / 24
        let values = [a * s, b * s, c * s, d * s, a * x0 + c * y0 + origin.x, b * x0 + d * y0 + origin.y]
        out += "<use href=\"#p-\(XMLEscape.escape(node.type.rawValue))\" transform=\"matrix("
        out += values.map(SVGText.num).joined(separator: " ") + ")\"/>"
    }

    /// The pictograms of the types on the diagram, as `<g>`s to `<use>`, in type order.
    func pictogramDefinitions() -> String {
        var text = ""
        for type in Set(data.nodes.map(\.type.rawValue)).sorted() {
            text += "<g id=\"p-\(XMLEscape.escape(type))\" fill=\"none\" stroke=\"\(palette.markText)\" "
            text += "stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            text += "<path d=\"\(Pictogram.path(ComponentType(type)))\"/></g>\n"
        }
        return text
    }
}
