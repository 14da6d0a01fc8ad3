import Foundation
import SkyplanModel
import Testing
import ZIPFoundation

@testable import SkyplanBudget

@Suite struct BudgetExportTests {
    static let header =
        "category,type,region,count,unitPrice,cost,instanceType,instanceSize,platform,role,engine,storage,dataGb,snapshots,volume,iops,memory,mRequests,computeDuration,readUnits,writeUnits,readConsistency,shards,putUnits,extendedRetention,emailsOut,requests,notifications,notificationType,cache,apiCalls,tier,instance,priceSource,priceAsOf,account"

    func budget() throws -> Budget {
        let components = [
            PricedComponent(
                id: "i-1", type: .ec2, region: "us-east-1",
                config: ["instanceType": "m5", "instanceSize": "large", "platform": "linux"], count: 2),
            PricedComponent(
                id: "vol-1", type: .ebs, region: "us-east-1", config: ["volumeType": "gp3", "volumeSize": 100]),
            PricedComponent(
                id: "i-2", type: .ec2, region: "us-east-1", config: ["instanceType": "zz9", "instanceSize": "huge"]),
        ]
        return CostModel(book: try PriceBook.bundled()).budget(for: components)
    }

    func exporter() throws -> BudgetExporter { BudgetExporter(rates: try ExchangeRates.bundled()) }

    @Test func csvHasTheAPIHeaderVerbatimAndOneRowPerComponent() throws {
        let csv = try exporter().csv(try budget())
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == Self.header)
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("Compute,ec2,us-east-1,2,70.08,140.16,m5,large,linux,"))
        #expect(lines[2].hasPrefix("Storage,ebs,us-east-1,1,8,8,,,,,,100,,,gp3,"))
        // Unpriced: empty price cells, never 0.
        #expect(lines[3].hasPrefix("Compute,ec2,us-east-1,1,,,zz9,huge,"))
        #expect(lines.allSatisfy { CSVFields.split($0).count == 36 })
    }

    @Test(arguments: [("h", 0.096), ("d", 2.304), ("w", 16.128), ("m", 70.08), ("y", 840.96)])
    func periodsConvertFromTheMonth(period: String, expected: Double) throws {
        let exporter = try exporter()
        let options = try exporter.options(currency: nil, period: period, rate: nil)
        let model = CostModel(book: try PriceBook.bundled())
        let one = model.budget(for: [
            PricedComponent(id: "i", type: .ec2, region: "us-east-1", config: ["instanceType": "m5.large"])
        ])
        let report = try exporter.report(one, options: options)
        #expect(abs(report.total - expected) < 1e-9)
    }

    @Test func currencyConvertsThroughTheDatedTable() throws {
        let exporter = try exporter()
        let options = try exporter.options(currency: "EUR", period: "m", rate: "stated")
        let report = try exporter.report(try budget(), options: options)
        // (140.16 + 8) USD ÷ 1.1172 USD/EUR (ECB, 30 October 2026).
        #expect(abs(report.total - 148.16 / 1.1172) < 1e-9)
        #expect(report.exchangeRatesAsOf == "2026-10-30")
        #expect(report.unpricedLineCount == 1)
        #expect(report.components[2].cost == nil)
        let jpy = try exporter.report(try budget(), options: exporter.options(currency: "jpy", period: nil, rate: nil))
        #expect(abs(jpy.total - 148.16 / 1.1172 * 175.68) < 1e-6)
    }

    @Test func everyCloudcraftCurrencyIsAcceptedAndOthersAreRefused() throws {
        let exporter = try exporter()
        for code in ExchangeRates.budgetCurrencies + ["CKK"] {
            #expect((try? exporter.options(currency: code, period: nil, rate: nil)) != nil, "\(code)")
        }
        #expect(throws: BudgetExportError.self) { try exporter.options(currency: "XYZ", period: nil, rate: nil) }
        #expect(throws: BudgetExportError.self) { try exporter.options(currency: nil, period: "q", rate: nil) }
        #expect(throws: BudgetExportError.self) { try exporter.options(currency: nil, period: nil, rate: "list") }
    }

    @Test func replacementRateTableIsUsed() throws {
        let table = try ExchangeRates.parse("#base,USD\n#asOf,2030-01-01\ncurrency,perBase\nEUR,0.5\n")
        let report = try BudgetExporter(rates: table).report(
            try budget(), options: BudgetExportOptions(currency: "EUR"))
        #expect(abs(report.total - 148.16 * 0.5) < 1e-9)
    }

    @Test func xlsxIsAOneSheetWorkbookWithTypedCells() throws {
        let data = try exporter().xlsx(try budget())
        let archive = try Archive(data: data, accessMode: .read)
        let names = Set(archive.map(\.path))
        #expect(
            names == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml",
            ])
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var sheet = Data()
        _ = try archive.extract(entry) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains(#"<c r="A1" t="inlineStr"><is><t>category</t></is></c>"#))
        #expect(xml.contains(#"<c r="F2" t="n"><v>140.16</v></c>"#))
        #expect(xml.contains(#"<c r="AG1" t="inlineStr"><is><t>instance</t></is></c>"#))
        #expect(!xml.contains(#"r="E4""#))  // unpriced: no cell, not 0
        // Deterministic bytes.
        #expect(try exporter().xlsx(try budget()) == data)
    }

    @Test func jsonReportCarriesLinesAndRollups() throws {
        let report = try exporter().report(try budget())
        let json = String(decoding: try report.json(), as: UTF8.self)
        #expect(json.contains(#""unpricedLineCount":1"#))
        #expect(report.rollups["service"]?.map(\.key) == ["ebs", "ec2"])
        #expect(report.components[0].lines[0].provenance == "karpenter @2026-07-20")
        let decoded = try JSONDecoder().decode(BudgetReport.self, from: try report.json())
        #expect(decoded == report)
    }
}
