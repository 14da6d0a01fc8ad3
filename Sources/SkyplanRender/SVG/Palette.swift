import SkyplanDiagram
import SkyplanModel

/// Colours of a theme (DESIGN.md "Visual language"): AWS category hues on a light or dark ground.
struct Palette: Sendable {
    let background: String
    let gridLine: String
    let text: String
    let mutedText: String
    let halo: String
    let edge: String
    let markText = "#FFFFFF"

    init(_ theme: RenderOptions.Theme) {
        switch theme {
        case .light:
            background = "#FFFFFF"; gridLine = "#E3E8EE"; text = "#16191F"; mutedText = "#545B64"
            halo = "#FFFFFF"; edge = "#414D5C"
        case .dark:
            background = "#161D26"; gridLine = "#26313D"; text = "#E9EDF2"; mutedText = "#A3ADB8"
            halo = "#161D26"; edge = "#B8C2CC"
        }
    }

    /// Outline colour and dash of a group.
    func outline(_ group: BlueprintGroup) -> (color: String, dash: String?) {
        switch group.type {
        case .account: ("#E7157B", nil)
        case .region: ("#00A4A6", nil)
        case .vpc: ("#8C4FFF", nil)
        case .subnet:
            switch group.access {
            case "public": ("#7AA116", nil)
            case "isolated": ("#7D8998", nil)
            default: ("#00A4A6", nil)
            }
        case .securityGroup: ("#DD344C", "4 3")
        case .autoScalingGroup, .ecsService: ("#ED7100", "6 3")
        default: ("#7D8998", nil)
        }
    }

    /// Outline of a surface: zones teal dashed, service areas grey dotted.
    func outline(_ surface: BlueprintSurface) -> (color: String, dash: String?) {
        surface.type == "zone" ? ("#00A4A6", "8 5") : ("#7D8998", "2 3")
    }

    /// `candidate` when it is a colour (`#rrggbb`, `#rgb`), else `fallback`: a stored colour from before
    /// input validation must not reach a `fill` or a draw.io style as anything but a colour.
    static func color(_ candidate: String?, else fallback: String) -> String {
        guard let candidate, BlueprintLimits.isColor(candidate) else { return fallback }
        return candidate
    }

    /// `hex` darkened (factor < 1) or lightened towards white (factor > 1).
    static func shade(_ hex: String, _ factor: Double) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return hex }
        func channel(_ shift: Int) -> Int {
            let c = Double((value >> shift) & 0xFF)
            let mixed = factor <= 1 ? c * factor : c + (255 - c) * (factor - 1)
            return max(0, min(255, Int(mixed.rounded())))
        }
        let rgb = (channel(16) << 16) | (channel(8) << 8) | channel(0)
        let text = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - text.count) + text
    }
}
