import Foundation
import SkyplanDiagram
import SkyplanModel
import SkyplanRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Blueprints as stored records may hold them, built directly (past input validation, as records saved
/// before it): markup in every field, coordinates far beyond a drawing. Every export stays well-formed
/// XML, carries no markup from the data, and finishes.
@Suite("Hostile blueprints")
struct HostileBlueprintTests {
    static let markup = "<script>alert(1)</script><a id=\"x\" onclick='y'>&amp;\u{0}\u{1}\u{FFFE}"

    /// The parser's error, or nil when `xml` is well-formed.
    static func xmlError(_ xml: String) -> String? {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse() ? nil : String(describing: parser.parserError)
    }

    static func hostile() -> BlueprintData {
        let m = markup
        var node = BlueprintNode(
            id: "n\(m)", type: .ec2, region: "us-east-1", mapPos: GridPoint(x: 0, y: 0),
            color: NodeColor(isometric: "#fff\" onload=\"x", twoD: "red;image=javascript:alert(1)"), arn: "arn\(m)",
            name: "name\(m)")
        node.count = 3
        let other = BlueprintNode(id: "o\(m)", type: .rds, mapPos: GridPoint(x: 4, y: 0), name: m)
        var group = BlueprintGroup(
            id: "g\(m)", type: .vpc, name: m, arn: m, nodes: [node.id], mapPos: GridPoint(x: -1, y: -1),
            mapSize: GridPoint(x: 10, y: 4))
        group.extra["cidr"] = .string(m)
        return BlueprintData(
            name: m, nodes: [node, other],
            edges: [BlueprintEdge(id: "e\(m)", from: node.id, to: other.id, kind: "k\(m)", evidence: "ev\(m)")],
            groups: [group],
            surfaces: [
                BlueprintSurface(id: "s\(m)", name: m, mapPos: GridPoint(x: -2, y: -2), mapSize: GridPoint(x: 12, y: 6))
            ],
            text: [BlueprintText(id: "t\(m)", text: m, mapPos: GridPoint(x: 0, y: 6))])
    }

    static func outputs(_ data: BlueprintData) -> [(String, String)] {
        var result: [(String, String)] = [("mxGraph", MXGraphRenderer.render(data))]
        for projection in RenderOptions.Projection.allCases {
            result.append(
                ("svg \(projection)", SVGRenderer.render(data, options: RenderOptions(projection: projection))))
        }
        return result
    }

    @Test func anEdgeSaysWhyItExistsInEscapedAttributes() {
        for projection in RenderOptions.Projection.allCases {
            let svg = SVGRenderer.render(Self.hostile(), options: RenderOptions(projection: projection))
            #expect(svg.contains(" data-kind=\"k&lt;script&gt;"), "\(projection)")
            #expect(svg.contains(" data-evidence=\"ev&lt;script&gt;alert(1)&lt;/script&gt;&lt;a id=&quot;x&quot;"))
        }
    }

    @Test func markupInEveryFieldIsEscapedAndTheOutputIsWellFormed() throws {
        for (format, text) in Self.outputs(Self.hostile()) {
            #expect(Self.xmlError(text) == nil, "\(format) is not well-formed")
            #expect(!text.contains("<script"), "\(format)")
            #expect(!text.contains("<a "), "\(format)")
            #expect(!text.contains("onload=\"x"), "\(format)")
            #expect(!text.contains("javascript:"), "\(format): a colour that is not a colour is not written")
            #expect(!text.contains("\u{0}"), "\(format)")
        }
    }

    /// draw.io reads an `html=1` label as HTML after decoding the XML: the markup is escaped twice.
    @Test func mxGraphLabelsAreEscapedForHTMLToo() throws {
        let xml = MXGraphRenderer.render(Self.hostile())
        #expect(xml.contains("&amp;lt;script&amp;gt;"))
        let cells = try MXGraphRendererTests.cells(xml)
        for cell in cells { #expect(cell["value"]?.contains("<script") != true) }
    }

    static func far(_ a: GridPoint, _ b: GridPoint, size: GridPoint? = nil) -> BlueprintData {
        BlueprintData(
            nodes: [
                BlueprintNode(id: "a", type: .ec2, mapPos: a, mapSize: size),
                BlueprintNode(id: "b", type: .ec2, mapPos: b, mapSize: size),
                BlueprintNode(id: "c", type: .rds, mapPos: GridPoint(x: 3, y: 3)),
            ],
            edges: [BlueprintEdge(from: "a", to: "b"), BlueprintEdge(from: "b", to: "c")])
    }

    /// Stored coordinates of 1e17 or 1e300 trapped every format; [0,0] to [1e15,1e15] with an edge spun
    /// the SVG exporter forever.
    @Test(arguments: [1e15, 1e17, 1e300, -1e300])
    func coordinatesFarBeyondADrawingNeitherTrapNorHang(_ far: Double) throws {
        let clock = ContinuousClock()
        for data in [
            Self.far(GridPoint(x: 0, y: 0), GridPoint(x: far, y: far)),
            Self.far(GridPoint(x: 0, y: 0), GridPoint(x: 1, y: 1), size: GridPoint(x: abs(far), y: abs(far))),
        ] {
            let elapsed = clock.measure {
                for (format, text) in Self.outputs(data) {
                    #expect(Self.xmlError(text) == nil, "\(format)")
                }
                let svg = SVGRenderer.render(data, options: RenderOptions(projection: .twoD))
                _ = try? RasterRenderer.png(svg: svg, options: RasterOptions(width: 64, height: 64))
                _ = try? RasterRenderer.pdf(svg: svg, options: RasterOptions(width: 64, height: 64))
            }
            #expect(elapsed < .seconds(10))
        }
    }

    @Test func hugeCountsAndSizesDoNotTrap() {
        var node = BlueprintNode(id: "a", type: .ec2, mapPos: GridPoint(x: 0, y: 0), mapSize: GridPoint(x: 1e300, y: 2))
        node.count = .max
        let svg = SVGRenderer.render(BlueprintData(nodes: [node]), options: RenderOptions(projection: .twoD))
        #expect(Self.xmlError(svg) == nil)
        #expect(Self.xmlError(SVGRenderer.render(BlueprintData(nodes: [node]))) == nil)
    }

    /// Pango keeps one font cache per process: a giant font size (a mark on a huge node, text scaled up)
    /// made every later PNG and PDF fail with FreetypeError, for every user.
    @Test func aHostileExportDoesNotBreakLaterOnes() throws {
        let hostile = [
            Self.hostile(), Self.far(GridPoint(x: 0, y: 0), GridPoint(x: 1e6, y: 1e6), size: GridPoint(x: 1e6, y: 1e6)),
            Self.far(GridPoint(x: 0, y: 0), GridPoint(x: 1e300, y: 1e300), size: GridPoint(x: 1e300, y: 1e300)),
        ]
        for data in hostile {
            for projection in RenderOptions.Projection.allCases {
                let svg = SVGRenderer.render(data, options: RenderOptions(projection: projection))
                _ = try? RasterRenderer.png(svg: svg, options: RasterOptions(scale: 20))
                _ = try? RasterRenderer.png(svg: svg, options: RasterOptions(width: 8192, height: 8192))
                _ = try? RasterRenderer.pdf(svg: svg, options: RasterOptions(scale: 20))
                _ = try? RasterRenderer.pdf(svg: svg, options: RasterOptions(paperSize: .a0))
            }
        }
        let normal = SVGRenderer.render(RenderFixtures.blueprint(), options: RenderOptions(projection: .twoD))
        #expect(throws: Never.self) { try RasterRenderer.png(svg: normal, options: RasterOptions(width: 400)) }
        #expect(throws: Never.self) { try RasterRenderer.pdf(svg: normal) }
    }

    /// A 20000 × 20000 PNG took 30 s and 1.6 GB: exports are capped at 64 MP, by size and by the drawing's
    /// extent times the scale, with an error naming the limit.
    @Test func exportsAreCappedAt64Megapixels() throws {
        let svg = SVGRenderer.render(Self.hostile(), options: RenderOptions(projection: .twoD))
        #expect(throws: RenderError.self) {
            try RasterRenderer.png(svg: svg, options: RasterOptions(width: 20_000, height: 20_000))
        }
        do {
            _ = try RasterRenderer.png(svg: svg, options: RasterOptions(width: 20_000, height: 20_000))
        } catch {
            #expect(error.description.contains("\(RasterOptions.maxPixels)"))
        }
        // Within the limit: 8192 × 8192 is allowed by the check (validated, not drawn here).
        #expect(throws: Never.self) { try RasterOptions(width: 8192, height: 8192).validate() }
        // A drawing 1e6 grid units wide at scale 20 is refused by its extent, for PNG and for a PDF page.
        let wide = SVGRenderer.render(
            Self.far(GridPoint(x: 0, y: 0), GridPoint(x: 1e6, y: 0)), options: RenderOptions(projection: .twoD))
        #expect(throws: RenderError.self) { try RasterRenderer.png(svg: wide, options: RasterOptions(scale: 20)) }
        #expect(throws: RenderError.self) { try RasterRenderer.pdf(svg: wide) }
        // A PDF on paper is not refused for the drawing's extent (it is fitted to the page).
        #expect(throws: Never.self) { try RasterRenderer.pdf(svg: svg, options: RasterOptions(paperSize: .a4)) }
    }
}
