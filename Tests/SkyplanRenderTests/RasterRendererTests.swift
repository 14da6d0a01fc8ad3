import CRsvg
import Foundation
import SkyplanDiagram
import Testing

@testable import SkyplanRender

@Suite("PNG and PDF through librsvg and cairo")
struct RasterRendererTests {
    static let svg = SVGRenderer.render(RenderFixtures.blueprint(), options: RenderOptions(projection: .twoD))

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) throws -> (Int, Int) {
        let bytes = [UInt8](data.prefix(24))
        try #require(bytes.count == 24)
        #expect(bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func pngDefaultsTo1920By1080() throws {
        let png = try RasterRenderer.png(svg: Self.svg)
        let size = try Self.pngSize(png)
        #expect(size == (1920, 1080))
    }

    @Test(arguments: [(800, 600), (300, 1200), (1, 1)])
    func pngHonoursWidthAndHeight(width: Int, height: Int) throws {
        let size = try Self.pngSize(
            try RasterRenderer.png(svg: Self.svg, options: RasterOptions(width: width, height: height)))
        #expect(size == (width, height))
    }

    @Test func pngWidthAloneKeepsProportionsAndScaleMultiplies() throws {
        let natural = try Self.pngSize(try RasterRenderer.png(svg: Self.svg, options: RasterOptions(scale: 1)))
        let doubled = try Self.pngSize(try RasterRenderer.png(svg: Self.svg, options: RasterOptions(scale: 2)))
        #expect(abs(doubled.0 - natural.0 * 2) <= 1)
        let wide = try Self.pngSize(try RasterRenderer.png(svg: Self.svg, options: RasterOptions(width: 1000)))
        #expect(wide.0 == 1000)
        #expect(abs(Double(wide.1) - 1000 * Double(natural.1) / Double(natural.0)) <= 1)
    }

    @Test func rejectsBadSizesNamingTheParameter() {
        #expect(throws: RenderError(parameter: "width", reason: "must be between 1 and 20000 (it is -5)")) {
            _ = try RasterRenderer.png(svg: Self.svg, options: RasterOptions(width: -5))
        }
        #expect { _ = try RasterRenderer.png(svg: "not svg <") } throws: { ($0 as? RenderError)?.parameter == "svg" }
        #expect { _ = try PaperSize(parsing: "B5") } throws: { ($0 as? RenderError)?.parameter == "paperSize" }
        #expect((try? PaperSize(parsing: "a4")) == .a4)
    }

    static func pages(_ pdf: Data) -> [String] {
        let text = String(decoding: pdf, as: UTF8.self)
        var boxes: [String] = []
        var rest = Substring(text)
        while let page = rest.range(of: "/Type /Page") {
            let after = rest[page.upperBound...]
            if !after.hasPrefix("s"), let box = after.range(of: "/MediaBox [") {
                boxes.append(String(after[box.upperBound...].prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces))
            }
            rest = after
        }
        return boxes
    }

    @Test(arguments: [
        (PaperSize.a4, false, "0 0 595 842"), (.a4, true, "0 0 842 595"), (.letter, false, "0 0 612 792"),
        (.legal, true, "0 0 1008 612"), (.tabloid, false, "0 0 792 1224"), (.ledger, false, "0 0 1224 792"),
        (.a0, false, "0 0 2384 3370"), (.a5, false, "0 0 420 595"),
    ])
    func pdfHasOnePageOfThePaperSize(paper: PaperSize, landscape: Bool, mediaBox: String) throws {
        let pdf = try RasterRenderer.pdf(svg: Self.svg, options: RasterOptions(paperSize: paper, landscape: landscape))
        #expect(pdf.prefix(5) == Data("%PDF-".utf8))
        #expect(Self.pages(pdf) == [mediaBox])
    }

    @Test func pdfWithoutPaperTakesTheDrawingSize() throws {
        let pdf = try RasterRenderer.pdf(svg: Self.svg, options: RasterOptions(width: 500, height: 400))
        #expect(Self.pages(pdf) == ["0 0 500 400"])
    }
}

/// Fonts loaded for one render's scale are let go after it (pango keeps them as long as its font map lives).
@Suite("Pango font map released after each render")
struct PangoFontMapReleaseTests {
    @Test(arguments: ["png", "pdf"])
    func aRenderLeavesItsThreadANewFontMap(format: String) throws {
        // Held, so that a new map cannot reuse the old one's address.
        let before = try #require(PangoFontMap.threadDefault)
        g_object_ref(UnsafeMutableRawPointer(before))
        defer { g_object_unref(UnsafeMutableRawPointer(before)) }
        let options = RasterOptions(scale: 1.37)
        if format == "png" {
            _ = try RasterRenderer.png(svg: RasterRendererTests.svg, options: options)
        } else {
            _ = try RasterRenderer.pdf(svg: RasterRendererTests.svg, options: options)
        }
        #expect(PangoFontMap.threadDefault != before)
    }

    /// A PDF embeds its fonts when the surface is finished, after the font map was let go.
    @Test func aPDFStillEmbedsItsFonts() throws {
        let pdf = try RasterRenderer.pdf(svg: RasterRendererTests.svg, options: RasterOptions(scale: 1.37))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/FontDescriptor"))
        #expect(text.contains("/FontFile"))
    }

    @Test func theReleaseChangesNoPixel() throws {
        let first = try RasterRenderer.png(svg: RasterRendererTests.svg, options: RasterOptions(scale: 1.37))
        _ = try RasterRenderer.png(svg: RasterRendererTests.svg, options: RasterOptions(scale: 0.91))
        let again = try RasterRenderer.png(svg: RasterRendererTests.svg, options: RasterOptions(scale: 1.37))
        #expect(first == again)
    }
}
