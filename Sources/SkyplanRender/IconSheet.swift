import SkyplanDiagram
import SkyplanModel

/// A blueprint with one node of every component type, in rows, named after the type: the icon sheet of
/// `docs/gallery/` and of the golden tests.
public enum IconSheet {
    /// Every component type that is drawn as a node (containers are outlines).
    public static var types: [ComponentType] { ComponentType.known.filter { !$0.isContainer } }

    public static func blueprint(columns: Int = 8) -> BlueprintData {
        var nodes: [BlueprintNode] = []
        for (index, type) in types.enumerated() {
            let x = Double(index % columns) * 5.5 + 1, y = Double(index / columns) * 5 + 0.5
            var extra: [String: JSONValue] = [:]
            if type == .ec2 { extra = ["instanceType": "m5", "instanceSize": "xlarge"] }
            nodes.append(
                BlueprintNode(
                    id: "icon-\(type.rawValue)", type: type, region: "us-east-1", mapPos: GridPoint(x: x, y: y),
                    mapSize: GridPoint(x: 2, y: 2), color: NodeColor(ComponentStyle.color(type)),
                    name: ComponentStyle.displayName(type), extra: extra))
        }
        return BlueprintData(name: "Skyplan icons", nodes: nodes)
    }
}
