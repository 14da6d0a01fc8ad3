import Foundation
import SkyplanModel
import Testing

@testable import SkyplanBudget

/// The importer on small hand-made files in the real Price List layouts.
@Suite struct PriceImporterTests {
    static let metadata = """
        "FormatVersion","v1.0"
        "Disclaimer","This pricing list is for informational purposes only. All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com."
        "Publication Date","2026-10-01T12:00:00Z"
        "Version","20261001120000"
        "OfferCode","AmazonEC2"

        """
    static let header =
        #""SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","RelatedTo","LeaseContractLength","PurchaseOption","OfferingClass","Product Family","serviceCode","Location","Location Type","Instance Type","Current Generation","Instance Family","vCPU","Memory","Storage","Volume Type","Tenancy","Operating System","License Model","usageType","operation","CapacityStatus","Pre Installed S/W","Region Code","Volume API Name""#
    static let rows = [
        #""SKU1","JRTCKXETXF","SKU1.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.096 per On Demand Linux m5.large Instance Hour","2026-09-01","0","Inf","Hrs","0.0960000000","USD","","","","","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","m5.large","Yes","General purpose","2","8 GiB","EBS only","","Shared","Linux","No License required","BoxUsage:m5.large","RunInstances","Used","NA","us-east-1","""#,
        #""SKU2","JRTCKXETXF","SKU2.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.192 per On Demand Windows m5.large Instance Hour","2026-09-01","0","Inf","Hrs","0.1920000000","USD","","","","","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","m5.large","Yes","General purpose","2","8 GiB","EBS only","","Shared","Windows","License Included","BoxUsage:m5.large","RunInstances:0002","Used","NA","us-east-1","""#,
        #""SKU1","38NPMPTW36","SKU1.38NPMPTW36.6YS6EN2CT7","Reserved","Linux/UNIX (Amazon VPC), m5.large reserved instance applied","2026-09-01","0","Inf","Hrs","0.0280000000","USD","","1yr","Partial Upfront","standard","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","m5.large","Yes","General purpose","2","8 GiB","EBS only","","Shared","Linux","No License required","BoxUsage:m5.large","RunInstances","Used","NA","us-east-1","""#,
        #""SKU1","38NPMPTW36","SKU1.38NPMPTW36.2TG2D8R56U","Reserved","Upfront Fee","2026-09-01","0","Inf","Quantity","246","USD","","1yr","Partial Upfront","standard","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","m5.large","Yes","General purpose","2","8 GiB","EBS only","","Shared","Linux","No License required","BoxUsage:m5.large","RunInstances","Used","NA","us-east-1","""#,
        #""SKU3","JRTCKXETXF","SKU3.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.00 per Reservation Linux m5.large Instance Hour","2026-09-01","0","Inf","Hrs","0.0000000000","USD","","","","","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","m5.large","Yes","General purpose","2","8 GiB","EBS only","","Shared","Linux","No License required","Reservation:m5.large","RunInstances","AllocatedCapacityReservation","NA","us-east-1","""#,
        #""SKU4","JRTCKXETXF","SKU4.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.134 per On Demand Linux with SQL Web m5.large Instance Hour","2026-09-01","0","Inf","Hrs","0.1340000000","USD","","","","","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","m5.large","Yes","General purpose","2","8 GiB","EBS only","","Shared","Linux","No License required","BoxUsage:m5.large","RunInstances:0200","Used","SQL Web","us-east-1","""#,
        #""SKU5","JRTCKXETXF","SKU5.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.088 per GB-month of General Purpose (gp3) provisioned storage - EU (Ireland)","2026-09-01","0","Inf","GB-Mo","0.0880000000","USD","","","","","Storage","AmazonEC2","EU (Ireland)","AWS Region","","","","","","","General Purpose","","","","EU-EBS:VolumeUsage.gp3","","","","eu-west-1","gp3""#,
    ]

    func write(_ text: String, name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skyplan-import-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func csvOfferIsReadByHeaderNameSkippingMetadataAndUnusedRows() throws {
        let url = try write(
            Self.metadata + Self.header + "\n" + Self.rows.joined(separator: "\r\n") + "\r\n", name: "ec2.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PriceImporter(chunkSize: 97).importFile(at: url)  // tiny chunks: lines cross chunk edges
        #expect(result.offerCode == "AmazonEC2")
        #expect(result.offerVersion == "20261001120000")
        #expect(result.rowsRead == 7)
        #expect(result.rowsImported == 5)  // capacity-reservation and SQL Web rows skipped
        let book = result.book
        let linux = try #require(
            book.price(
                id: "ec2.instance", region: "us-east-1",
                attributes: ["instanceType": "m5.large", "os": "linux", "tenancy": "shared"]))
        #expect(linux.usd == 0.096)
        #expect(linux.source == "offer:AmazonEC2 20261001120000")
        #expect(linux.asOf == "2026-10-01")
        #expect(
            book.price(
                id: "ec2.instance", region: "us-east-1",
                attributes: ["instanceType": "m5.large", "os": "windows", "tenancy": "shared"])?.usd == 0.192)
        #expect(book.price(id: "ebs.gp3.storage", region: "eu-west-1")?.usd == 0.088)
        #expect(book.entries.filter { $0.id.hasPrefix("ec2.instance.ri") }.count == 2)
    }

    @Test func columnsAreMatchedByNameNotPosition() throws {
        // Same first row with the columns reversed.
        let header = CSVFields.split(Self.header).reversed().map { "\"\($0)\"" }.joined(separator: ",")
        let row = CSVFields.split(Self.rows[0]).reversed().map { "\"\($0)\"" }.joined(separator: ",")
        let url = try write(Self.metadata + header + "\n" + row + "\n", name: "reversed.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PriceImporter().importCSV(at: url)
        #expect(result.rowsImported == 1)
        #expect(result.book.entries.first?.usd == 0.096)
    }

    @Test func importedReservedPricesFlowIntoTheCostModel() throws {
        let url = try write(Self.metadata + Self.header + "\n" + Self.rows.joined(separator: "\n"), name: "ri.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let imported = try PriceImporter().importCSV(at: url).book
        // Written in the price-book format and read back.
        let reread = try PriceBook.parse(imported.serialized())
        let book = try PriceBook.bundled().merging(reread)
        let billing: [String: JSONValue] = [
            "type": "ri", "leaseContractLength": 12, "purchaseOption": "Partial Upfront", "offeringClass": "standard",
        ]
        let config: [String: JSONValue] = [
            "instanceType": "m5", "instanceSize": "large", "billingOptions": .object(billing),
        ]
        let ec2 = PricedComponent(id: "i", type: .ec2, region: "us-east-1", config: config)
        let budget = CostModel(book: book).budget(for: [ec2])
        #expect(budget.unpricedLineCount == 0)
        let expected: Double = 730 * 0.028 + 246.0 / 12
        #expect(abs(budget.total() - expected) < 1e-9)
    }

    @Test func regionFilterKeepsOnlyChosenRegions() throws {
        let url = try write(Self.metadata + Self.header + "\n" + Self.rows.joined(separator: "\n"), name: "f.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PriceImporter(regions: ["eu-west-1"]).importCSV(at: url)
        #expect(result.book.entries.map(\.id) == ["ebs.gp3.storage"])
    }

    @Test func csvTieredPricesKeepTheirRanges() throws {
        let csv = #"""
            "FormatVersion","v1.0"
            "Disclaimer","For information only."
            "Publication Date","2026-10-01T00:00:00Z"
            "Version","20261001000000"
            "OfferCode","AWSLambda"
            "SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","Product Family","serviceCode","Location","Location Type","Group","Group Description","usageType","operation","Region Code"
            "D1","JRTCKXETXF","D1.T1","OnDemand","AWS Lambda - Total Compute - US East (N. Virginia), ""Tier 1""","2026-09-01","0","6000000000","Lambda-GB-Second","0.0000166667","USD","Serverless","AWSLambda","US East (N. Virginia)","AWS Region","AWS-Lambda-Duration","Invocation duration","Lambda-GB-Second","Invoke","us-east-1"
            "D1","JRTCKXETXF","D1.T2","OnDemand","Tier 2","2026-09-01","6000000000","15000000000","Lambda-GB-Second","0.0000150000","USD","Serverless","AWSLambda","US East (N. Virginia)","AWS Region","AWS-Lambda-Duration","Invocation duration","Lambda-GB-Second","Invoke","us-east-1"
            "D1","JRTCKXETXF","D1.T3","OnDemand","Tier 3","2026-09-01","15000000000","Inf","Lambda-GB-Second","0.0000133334","USD","Serverless","AWSLambda","US East (N. Virginia)","AWS Region","AWS-Lambda-Duration","Invocation duration","Lambda-GB-Second","Invoke","us-east-1"
            """#
        let url = try write(csv, name: "lambda.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try PriceImporter().importCSV(at: url).book
        let tiers = book.tiers(id: "lambda.duration.x86", region: "us-east-1")
        #expect(tiers.map(\.usd) == [0.0000166667, 0.000015, 0.0000133334])
        #expect(tiers.map(\.end) == [6e9, 15e9, nil])
    }

    @Test func wantedFieldsUnescapeDoubledQuotes() {
        let line = Array(#""a","say ""hi"", ok",c,"d""#.utf8)
        var got: [Int: String] = [:]
        line.withUnsafeBufferPointer { buffer in
            CSVFields.forEachField(buffer, wanted: [0, -1, 2, 3]) { got[$0] = $1 }
        }
        #expect(got == [0: "a", 2: "c", 3: "d"])
        var second: [Int: String] = [:]
        line.withUnsafeBufferPointer { buffer in
            CSVFields.forEachField(buffer, wanted: [-1, 1, -1, -1]) { second[$0] = $1 }
        }
        #expect(second == [1: #"say "hi", ok"#])
    }

    @Test func missingHeaderIsAnError() throws {
        let url = try write(Self.metadata, name: "empty.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: PriceBookError.self) { try PriceImporter().importCSV(at: url) }
    }

    static let lambdaJSON = """
        {"formatVersion":"v1.0","disclaimer":"...","offerCode":"AWSLambda","version":"20261001000000",
         "publicationDate":"2026-10-01T00:00:00Z",
         "products":{
          "DUR1":{"sku":"DUR1","productFamily":"Serverless","attributes":{"servicecode":"AWSLambda",
            "location":"US East (N. Virginia)","locationType":"AWS Region","group":"AWS-Lambda-Duration",
            "usagetype":"Lambda-GB-Second","regionCode":"us-east-1","servicename":"AWS Lambda"}},
          "REQ1":{"sku":"REQ1","productFamily":"Serverless","attributes":{"servicecode":"AWSLambda",
            "group":"AWS-Lambda-Requests","usagetype":"Request","regionCode":"us-east-1"}}},
         "terms":{"OnDemand":{
          "DUR1":{"DUR1.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"DUR1","effectiveDate":"2026-09-01T00:00:00Z",
            "priceDimensions":{
             "DUR1.JRTCKXETXF.T1":{"rateCode":"DUR1.JRTCKXETXF.T1","description":"first 6B","beginRange":"0","endRange":"6000000000","unit":"Lambda-GB-Second","pricePerUnit":{"USD":"0.0000166667"},"appliesTo":[]},
             "DUR1.JRTCKXETXF.T2":{"rateCode":"DUR1.JRTCKXETXF.T2","description":"next 9B","beginRange":"6000000000","endRange":"15000000000","unit":"Lambda-GB-Second","pricePerUnit":{"USD":"0.0000150000"},"appliesTo":[]},
             "DUR1.JRTCKXETXF.T3":{"rateCode":"DUR1.JRTCKXETXF.T3","description":"over 15B","beginRange":"15000000000","endRange":"Inf","unit":"Lambda-GB-Second","pricePerUnit":{"USD":"0.0000133334"},"appliesTo":[]}},
            "termAttributes":{}}},
          "REQ1":{"REQ1.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"REQ1","priceDimensions":{
             "REQ1.JRTCKXETXF.R":{"beginRange":"0","endRange":"Inf","unit":"Requests","pricePerUnit":{"USD":"0.0000002000"}}},
            "termAttributes":{}}}}}}
        """

    @Test func jsonOfferWithTieredPrices() throws {
        let url = try write(Self.lambdaJSON, name: "lambda.json")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PriceImporter().importFile(at: url)
        #expect(result.rowsImported == 4)
        let tiers = result.book.tiers(id: "lambda.duration.x86", region: "us-east-1")
        #expect(tiers.map(\.begin) == [0, 6e9, 15e9])
        #expect(tiers.map(\.end) == [6e9, 15e9, nil])
        let quote = try #require(
            result.book.quote(PriceKey(id: "lambda.duration.x86", region: "us-east-1"), quantity: 16e9))
        let expected: Double = 6e9 * 0.0000166667 + 9e9 * 0.000015 + 1e9 * 0.0000133334
        #expect(abs(quote.usd - expected) < 1e-6)
        #expect(result.book.price(id: "lambda.requests", region: "us-east-1")?.asOf == "2026-10-01")
    }
}
