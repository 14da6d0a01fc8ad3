import SkyplanModel

/// A rectangle of the layout tree: a container (drawn as a group or surface, or invisible) or a
/// component cell. Sizes and positions are grid units; positions are relative to the parent until
/// `place(at:)` makes them absolute.
final class LayoutBox {
    enum Role: Equatable {
        case root, account, region, vpc, zone, subnet
        /// An `sg`, `asg` or `ecsservice` outline.
        case group(ComponentType)
        /// The services of one type beside the VPCs (drawn as an `area` surface).
        case cluster(ComponentType)
        /// An invisible row or column.
        case strip
        case component
    }

    enum Arrangement { case row, column, grid }

    let role: Role
    let key: String
    var title: String
    var resource: Resource?
    var arrangement: Arrangement
    var children: [LayoutBox] = []
    /// Components waiting to become cells (filled while building, turned into children by `pack`).
    var members: [Resource] = []
    /// Aggregated node data, for a component cell standing for many.
    var aggregate: (type: ComponentType, count: Int, breakdown: [String: Int], arns: [String])?
    /// For a component spread over subnets in several zones (drawn in the first): every zone it spans.
    var spansZones: [String]?
    /// For a component in security groups whose outlines cannot nest around it: the names of those it is not drawn in.
    var alsoInGroups: [String]?
    /// Stretch to the parent's line height (rows) or width (columns).
    var stretches = false
    /// Where the box stands among its siblings, before its key (a region's service clusters, ``ClusterOrder``).
    var rank = 0
    var x = 0.0, y = 0.0, width = 0.0, height = 0.0
    private var footer = LayoutMetrics.footer
    private var header = LayoutMetrics.header
    private var gridAspect = ProjectionMetrics.flat.gridAspect
    private var stripGap = LayoutMetrics.stripGap
    private var padding = LayoutMetrics.padding
    private var fitsToScreen = false

    init(_ role: Role, key: String, title: String = "", resource: Resource? = nil, arrangement: Arrangement = .grid) {
        self.role = role
        self.key = key
        self.title = title
        self.resource = resource
        self.arrangement = arrangement
    }

    var hasOutline: Bool {
        switch role {
        case .root, .strip, .component: false
        default: true
        }
    }

    /// Computes sizes bottom-up and positions children relative to this box, with the cell sizes and
    /// bands of a projection (``ProjectionMetrics``). The label band of the metrics: extra room under the
    /// components of a box, so that in isometric view the names hanging below its front row stay clear of
    /// the title written along its front edge.
    func pack(_ metrics: ProjectionMetrics = .isometric) {
        if role == .component {
            width = metrics.cell.width
            height = metrics.cell.height
            return
        }
        children.sort { ($0.rank, $0.key) < ($1.rank, $1.key) }
        for child in children { child.pack(metrics) }
        header = role == .vpc ? LayoutMetrics.header : metrics.bands.header
        gridAspect = metrics.gridAspect
        stripGap = metrics.stripGap
        padding = metrics.padding
        fitsToScreen = metrics.fitsRegionsToScreen
        footer = metrics.bands.footer + (children.contains { $0.role == .component } ? metrics.bands.label : 0)
        // A VPC's free band (bottom in 2D, top in isometric view) carries its peering notes.
        if role == .vpc { footer = max(footer, LayoutMetrics.footer) }
        // A region's regional services stand beside its VPCs, no taller than the tallest of them; a VPC's
        // own components (gateways, endpoints) beside its zones, no taller than they are.
        if role == .region, let services = children.first(where: { $0.role == .strip }) {
            let tallest = children.reduce(0.0) { $1.role == .vpc ? max($0, $1.height) : $0 }
            if tallest > 0 {
                services.repack(targetHeight: tallest)
                if fitsToScreen { fitServicesToScreen(services) }
            }
        }
        if role == .vpc, let own = children.first(where: { $0.role == .strip && $0.key == "0strip" }),
            let zones = children.first(where: { $0.role == .strip && $0.key != "0strip" })
        {
            own.repack(targetHeight: zones.height)
        }
        arrange(maxWidth: lineLimit)
        if role == .root || role == .account { fitGlobalServices() }
    }

    /// The global services (a region of their own) stand beside the regions: as narrow as they can be while
    /// no taller than the tallest region, instead of a short wide box with empty ground under it.
    private func fitGlobalServices() {
        guard let global = children.first(where: { $0.role == .region && $0.key == "~global" }),
            let services = global.children.first(where: { $0.role == .strip }), global.children.count == 1
        else { return }
        let tallest = children.reduce(0.0) { $1 !== global ? max($0, $1.height) : $0 }
        guard tallest > global.height else { return }
        services.repack(targetHeight: tallest - (global.height - services.height))
        global.arrange(maxWidth: .infinity)
        arrange(maxWidth: nil)
    }

    /// How wide this box's lines may be: a region keeps up to four boxes (VPCs and the services) side by side, more
    /// wrap into a grid; other boxes by their arrangement.
    private var lineLimit: Double? { role == .region && children.count <= 4 ? .infinity : nil }

    /// In 2D a region drawn 16:9 shows the most: its services may stand taller than its VPCs when that makes the
    /// region less wide than a screen (a wide, short region is scaled down to fit the width). Tries the services'
    /// line widths from the narrowest and keeps the one whose region fits 16:9 at the largest scale.
    private func fitServicesToScreen(_ services: LayoutBox) {
        guard services.arrangement == .grid, services.children.count > 1 else { return }
        func fit() -> Double {
            arrange(maxWidth: lineLimit)
            return max(width / 16, height / 9)
        }
        let current = services.width
        var best = (score: fit(), limit: current)
        let widest = services.children.reduce(0.0) { max($0, $1.width) }
        var limit = widest
        while limit < current {
            services.fillLinesFirstFit(maxWidth: limit)
            services.arrange(maxWidth: limit)
            let score = fit()
            if score < best.score { best = (score, limit) }
            limit += widest / 2
        }
        services.fillLinesFirstFit(maxWidth: best.limit)
        services.arrange(maxWidth: best.limit)
    }

    /// Packs a grid again, as narrow as it can be while no taller than `targetHeight`.
    private func repack(targetHeight: Double) {
        guard arrangement == .grid, children.count > 1 else { return }
        let widest = children.reduce(0.0) { max($0, $1.width) }
        let total = children.reduce(0.0) { $0 + $1.width + LayoutMetrics.gap }
        var limit = widest
        while true {
            fillLinesFirstFit(maxWidth: limit)
            arrange(maxWidth: limit)
            if height <= targetHeight || limit >= total { break }
            limit += widest / 2
        }
    }

    /// Orders the children (by key) so that lines of `maxWidth` fill first-fit: each child goes in the first line
    /// with room for it, so a narrow box fills the gap a wide one left instead of opening a line of its own.
    /// (A child that opens a line did not fit any earlier one when it came, and lines only grow, so `arrange`
    /// breaks the lines where this did.)
    private func fillLinesFirstFit(maxWidth: Double) {
        children.sort { ($0.rank, $0.key) < ($1.rank, $1.key) }
        let gap = role == .strip || role == .root ? stripGap : LayoutMetrics.gap
        let itemGap = children.contains { $0.role != .component } ? gap : 0
        var lines: [(width: Double, items: [LayoutBox])] = []
        for child in children {
            if let index = lines.firstIndex(where: { $0.width + itemGap + child.width <= maxWidth }) {
                lines[index].width += itemGap + child.width
                lines[index].items.append(child)
            } else {
                lines.append((child.width, [child]))
            }
        }
        children = lines.flatMap(\.items)
    }

    /// Positions the (packed) children in lines no wider than `maxWidth` (by the arrangement when nil) and
    /// sizes this box around them.
    private func arrange(maxWidth requested: Double?) {
        let inset = hasOutline ? padding : 0
        let top = hasOutline ? header : 0
        let gap = role == .strip || role == .root ? stripGap : LayoutMetrics.gap
        let itemGap = children.contains { $0.role != .component } ? gap : 0
        let maxWidth: Double
        switch arrangement {
        case _ where requested != nil: maxWidth = requested ?? 0
        case .row: maxWidth = .infinity
        case .column: maxWidth = 0
        case .grid:
            let area = children.reduce(0.0) { $0 + ($1.width + itemGap) * ($1.height + itemGap) }
            let widest = children.reduce(0.0) { max($0, $1.width) }
            // Wide rather than tall: a screen is 16:9, and a VPC stacks its subnets (``ProjectionMetrics``).
            maxWidth = max(widest, (area * (role == .strip ? 8 : gridAspect)).squareRoot())
        }
        var lineX = 0.0, lineY = 0.0, lineHeight = 0.0, contentWidth = 0.0
        var line: [LayoutBox] = []
        func closeLine() {
            for item in line where item.stretches && item.height < lineHeight && arrangement == .row {
                item.height = lineHeight
            }
            lineY += lineHeight + itemGap
            lineX = 0
            lineHeight = 0
            line.removeAll(keepingCapacity: true)
        }
        for child in children {
            if !line.isEmpty && lineX + child.width > maxWidth { closeLine() }
            child.x = inset + lineX
            child.y = top + lineY
            lineX += child.width + itemGap
            lineHeight = max(lineHeight, child.height)
            contentWidth = max(contentWidth, lineX - itemGap)
            line.append(child)
        }
        if !line.isEmpty { closeLine() }
        let contentHeight = max(0, lineY - itemGap)
        if arrangement == .column {
            for child in children where child.stretches { child.width = contentWidth }
        }
        let minimum = children.isEmpty ? 3.0 : 0
        width = max(minimum, contentWidth) + inset * 2
        height = max(minimum, contentHeight) + top + (hasOutline ? footer : 0)
        // Room for the title as renderers write it ("Security group  web"): about 0.31 units a character.
        if hasOutline { width = max(width, (Double(title.count + titlePrefix)) * 0.31 + inset * 2) }
    }

    /// Characters renderers add to the title ("Security group  ", a VPC's CIDR block).
    private var titlePrefix: Int {
        switch role {
        case .vpc: 21
        case .subnet: 17
        case .zone: 19
        case .region: 9
        case .account: 13
        case .group(let type): type == .autoScalingGroup ? 21 : type == .ecsService ? 14 : 17
        default: 2
        }
    }

    /// Makes positions absolute, starting from this box at (`originX`, `originY`).
    func place(atX originX: Double, y originY: Double) {
        x += originX
        y += originY
        for child in children { child.place(atX: x, y: y) }
    }

    var rect: GridRect { GridRect(x: x, y: y, width: width, height: height) }
}
