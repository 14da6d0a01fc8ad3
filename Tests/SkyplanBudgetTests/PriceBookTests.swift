import Testing

@testable import SkyplanBudget

@Suite struct PriceBookTests {
    @Test func bundledBookHasEveryUSEast1InstanceTypeWithProvenance() throws {
        let book = try PriceBook.bundled()
        let m5 = try #require(
            book.price(
                id: "ec2.instance", region: "us-east-1",
                attributes: ["instanceType": "m5.large", "os": "linux", "tenancy": "shared"]))
        #expect(m5.usd == 0.096)
        #expect(m5.source == "karpenter")
        #expect(m5.asOf == "2026-07-20")
        #expect(book.entries.filter { $0.id == "ec2.instance" && $0.region == "us-east-1" }.count == 1367)
        #expect(book.sources["karpenter"]?.asOf == "2026-07-20")
        #expect(book.entries.allSatisfy { !$0.source.isEmpty && !$0.asOf.isEmpty })
    }

    @Test func serializedBookRoundTripsByteForByte() throws {
        let book = try PriceBook.bundled()
        let text = book.serialized()
        let again = try PriceBook.parse(text)
        #expect(again == book)
        #expect(again.serialized() == text)
    }

    @Test func tieredQuoteWalksTiers() throws {
        let book = try PriceBook.bundled()
        // Lambda x86 duration: 6e9 GB-s at 0.0000166667, the rest at 0.000015.
        let quote = try #require(book.quote(PriceKey(id: "lambda.duration.x86", region: "us-east-1"), quantity: 7e9))
        #expect(abs(quote.usd - (6e9 * 0.0000166667 + 1e9 * 0.000015)) < 1e-6)
        #expect(quote.entries.count == 2)
    }

    @Test func globalPricesAreFoundFromAnyRegion() throws {
        let book = try PriceBook.bundled()
        #expect(book.price(id: "route53.hosted_zone", region: "eu-west-1")?.usd == 0.5)
        #expect(book.price(id: "nat.hours", region: "eu-west-1") == nil)
    }

    @Test func rejectsAFileWithoutTheFormatLine() {
        #expect(throws: PriceBookError.self) { try PriceBook.parse("id,region\nx,y\n") }
    }

    @Test func csvFieldsHandleQuotesAndCommas() {
        #expect(CSVFields.split(#""a","b,c","d""e",,f"#) == ["a", "b,c", "d\"e", "", "f"])
        #expect(CSVFields.split("x,") == ["x", ""])
    }
}
