import SkyplanModel

/// What `Layout.blueprint(for:options:)` draws and how. All fields have defaults.
public struct LayoutOptions: Sendable {
    /// The diagram's name.
    public var name: String
    /// Keep only the components this matches (and the containers around them).
    public var filter: FilterExpression?
    /// Component types left out (`ec2`, `sg`, ...). Excluding a container type drops its outline.
    public var excludedTypes: Set<ComponentType>
    /// Label components (`label`, default true).
    public var label: Bool
    /// Draw discovered connections (`autoconnect`, default true).
    public var autoconnect: Bool
    /// Live attributes by ARN (`state`, `privateIp`, ...), used only by the filter; never stored.
    public var liveAttributes: [String: [String: String]]
    /// Aggregate more than this many alike components in one container into one node;
    /// nil chooses by the inventory's size.
    public var aggregateAbove: Int?
    /// `isometric` or `2d`.
    public var projection: String
    /// `light` or `dark`.
    public var theme: String
    /// The connected account's id, written as `liveAccount`.
    public var liveAccountID: String?
    /// `summary` folds attachments (ENIs, EBS volumes, target groups, route tables) into their owners;
    /// `full` draws each as a component of its own.
    public var detail: LayoutDetail
    /// Draw empty subnets and empty default VPCs (`empty=show`); collapsed by default.
    public var showEmpty: Bool
    /// Account names by account id, for the account outlines of a diagram of several accounts.
    public var accountNames: [String: String] = [:]

    public init(
        name: String = "", filter: FilterExpression? = nil, excludedTypes: Set<ComponentType> = [],
        label: Bool = true, autoconnect: Bool = true, liveAttributes: [String: [String: String]] = [:],
        aggregateAbove: Int? = nil, projection: String = "isometric", theme: String = "light",
        liveAccountID: String? = nil, detail: LayoutDetail = .summary, showEmpty: Bool = false
    ) {
        self.name = name
        self.filter = filter
        self.excludedTypes = excludedTypes
        self.label = label
        self.autoconnect = autoconnect
        self.liveAttributes = liveAttributes
        self.aggregateAbove = aggregateAbove
        self.projection = projection
        self.theme = theme
        self.liveAccountID = liveAccountID
        self.detail = detail
        self.showEmpty = showEmpty
    }

    /// The aggregation threshold for an inventory of `componentCount` components.
    func threshold(componentCount: Int) -> Int {
        if let aggregateAbove { return max(1, aggregateAbove) }
        switch componentCount {
        case ..<1_000: return 40
        case ..<10_000: return 16
        default: return 8
        }
    }
}

/// How much a layout draws: attachments folded into their owners, or every resource on its own.
public enum LayoutDetail: String, Sendable, Hashable, CaseIterable {
    case summary, full

    /// Types drawn only with `full`: parts of another component rather than components of their own. A
    /// VPC peering connection becomes an entry of its VPC's `peeringConnections`, drawn between the VPCs. An
    /// Elastic IP folds into the instance or NAT gateway it is attached to; an idle one stays (it is paid for).
    public static let attachmentTypes: Set<ComponentType> = [
        .networkInterface, .ebs, .targetGroup, .routeTable, .vpcPeering, .elasticIP, .transitGatewayAttachment,
        .vpnConnection,
    ]
}

/// Sizes of the layout, in grid units.
enum LayoutMetrics {
    /// A component's cell: its footprint plus room for its label.
    static let cellWidth = 4.0
    static let cellHeight = 4.25
    /// The footprint of a component inside its cell: two thirds of its width, centred, near the top (the
    /// name hangs below it).
    static let footprint = 2.8
    static let footprintOffsetX = 0.6
    static let footprintOffsetY = 0.25
    /// Space inside a container's outline, and the band on top for its title.
    static let padding = 0.5
    static let header = 1.0
    /// The band at the bottom: isometric views write the title there, where no block can rise over it.
    static let footer = 1.0
    /// Space between siblings, and between the boxes of an invisible row or column.
    static let gap = 1.0
    static let stripGap = 1.5
}

/// The sizes that differ by projection. 2D views write a title in the top band of an outline and need only a
/// sliver at the bottom; isometric views write it along the front (bottom) edge and need only a sliver on top
/// (a VPC keeps a full top band: its peering notes go there). In isometric view a name hangs below its
/// block's front corner, between the blocks of the next row and column: cells keep 1.8 units between
/// footprints for it (on screen, 43 px down to the block diagonally in front), where 2D cells keep 1.2.
struct ProjectionMetrics {
    /// The top and bottom bands of an outline, and what a box holding components adds to its bottom band
    /// (room for the names of its front row).
    let bands: (header: Double, footer: Double, label: Double)
    /// A component's cell, and its footprint's size and corner inside the cell.
    let cell: (width: Double, height: Double)
    let footprint: (size: Double, x: Double, y: Double)
    /// How much wider than tall a grid of boxes is packed (width² ≈ aspect × area): a 2D picture is 16:9 and a
    /// VPC stacks its subnets, so wide; an isometric picture of square ground is 16:9 on screen, so less so.
    let gridAspect: Double
    /// Space between the boxes of an invisible row or column (the region's service clusters).
    var stripGap = LayoutMetrics.stripGap
    /// Space inside an outline, beside its content.
    var padding = LayoutMetrics.padding
    /// Let a region's services stand taller than its VPCs when that brings the region nearer 16:9. In 2D the ground
    /// is the picture; an isometric picture's size follows the ground's width plus depth, which services no taller
    /// than the VPCs already make smallest.
    var fitsRegionsToScreen = false

    static let flat = ProjectionMetrics(
        bands: (LayoutMetrics.header, 0.35, 0), cell: (LayoutMetrics.cellWidth, LayoutMetrics.cellHeight),
        footprint: (LayoutMetrics.footprint, LayoutMetrics.footprintOffsetX, LayoutMetrics.footprintOffsetY),
        gridAspect: 3.5, fitsRegionsToScreen: true)
    static let isometric = ProjectionMetrics(
        bands: (0.4, LayoutMetrics.footer, 0.8), cell: (4.8, 4.8), footprint: (2.9, 0.95, 0.3), gridAspect: 2,
        stripGap: 0.5, padding: 0.3)

    static func of(projection: String) -> ProjectionMetrics { projection == "2d" ? .flat : .isometric }
}
