import ArgumentParser

/// The drawing options `scan` and `render` share, named as the snapshot route's query parameters.
struct DiagramOptions: ParsableArguments {
    @Option(help: "isometric or 2d.") var projection: String?
    @Option(help: "light or dark.") var theme: String?
    @Option(help: "Filter expression (Cloudcraft's filter language).") var filter: String?
    @Option(help: "Component types to leave out, comma-separated (e.g. ec2,sg).") var exclude: String?
    @Option(help: "summary (attachments folded into their owners) or full (every ENI, volume, route table...).")
    var detail: String?
    @Option(help: "hide (empty default VPCs and empty subnets collapsed) or show.") var empty: String?
    @Option(help: "Output width in pixels.") var width: Int?
    @Option(help: "Output height in pixels.") var height: Int?
    @Flag(help: "Draw the grid.") var grid = false

    /// The options as `DiagramExport.render` takes them.
    var values: [String: String] {
        var options: [String: String] = ["grid": String(grid)]
        options["projection"] = projection
        options["theme"] = theme
        options["filter"] = filter
        options["exclude"] = exclude
        options["detail"] = detail
        options["empty"] = empty
        options["width"] = width.map(String.init)
        options["height"] = height.map(String.init)
        return options
    }
}
