import Foundation

/// Reads AWS Price List bulk offer files — the CSV flavour streamed line by line, the JSON flavour
/// for small offers — and turns the rows it knows into price-book entries (`OfferRules`).
///
/// CSV layout (per the Price List docs): metadata lines (`"FormatVersion","v1.0"`, `"Disclaimer"`,
/// `"Publication Date"`, `"Version"`, `"OfferCode"`), then the header line (with a `"SKU"` column),
/// then one row per price dimension. Columns are matched by header name, never by position.
public struct PriceImporter: Sendable {
    /// Only keep these regions (`nil`: all).
    public var regions: Set<String>?
    /// Bytes read per chunk while streaming.
    public var chunkSize: Int

    /// Creates an importer.
    public init(regions: Set<String>? = nil, chunkSize: Int = 1 << 20) {
        self.regions = regions
        self.chunkSize = chunkSize
    }

    /// What an import read and produced.
    public struct Result: Sendable {
        /// The imported facts (merge into a base book with `PriceBook.merging`).
        public var book: PriceBook
        public var offerCode: String
        public var publicationDate: String
        public var offerVersion: String
        public var rowsRead: Int
        public var rowsImported: Int
    }

    /// Imports one file, CSV or JSON by its first non-blank byte.
    public func importFile(at url: URL) throws -> Result {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 64) ?? Data()
        if head.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{") {
            return try importJSON(Data(contentsOf: url), origin: url.lastPathComponent)
        }
        return try importCSV(at: url)
    }

    /// Streams a CSV offer file: memory stays bounded by the chunk size plus the imported entries.
    public func importCSV(at url: URL) throws -> Result {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var parser = OfferCSVParser(importer: self, origin: url.lastPathComponent)
        var carry: [UInt8] = []
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { break }
            carry.append(contentsOf: chunk)
            let consumed = try carry.withUnsafeBufferPointer { buffer in
                var start = 0
                for index in 0..<buffer.count where buffer[index] == 0x0A {
                    try parser.line(UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    start = index + 1
                }
                return start
            }
            carry.removeFirst(consumed)
        }
        if !carry.isEmpty {
            try carry.withUnsafeBufferPointer { try parser.line($0) }
        }
        return try parser.finish()
    }

    /// Imports a JSON offer file (`products` + `terms`).
    public func importJSON(_ data: Data, origin: String = "offer.json") throws -> Result {
        guard let offer = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let products = offer["products"] as? [String: Any], let terms = offer["terms"] as? [String: Any]
        else { throw PriceBookError.badLine(origin, 1, "not a Price List JSON offer (no products/terms)") }
        var collector = OfferCollector(
            importer: self, offerCode: offer["offerCode"] as? String ?? "",
            publicationDate: offer["publicationDate"] as? String ?? "", version: offer["version"] as? String ?? "")
        for sku in products.keys.sorted() {
            guard let product = products[sku] as? [String: Any] else { continue }
            var productTerms: [String: Any] = [:]
            for (termType, bySKU) in terms {
                if let forSKU = (bySKU as? [String: Any])?[sku] { productTerms[termType] = forSKU }
            }
            collector.add(product: product, terms: productTerms)
        }
        return collector.finish()
    }

    /// Imports `pricing:GetProducts` price-list items (each a JSON product with its terms), e.g. from
    /// a `PriceSource`. `fetchedAt` dates the facts.
    public func importPriceList(_ items: [String], serviceCode: String, fetchedAt: String) throws -> Result {
        var collector = OfferCollector(
            importer: self, offerCode: serviceCode, publicationDate: fetchedAt, version: "GetProducts")
        for item in items {
            guard let object = try JSONSerialization.jsonObject(with: Data(item.utf8)) as? [String: Any],
                let product = object["product"] as? [String: Any]
            else { throw PriceBookError.badLine("GetProducts", 1, "a price-list item is not a product object") }
            collector.add(product: product, terms: object["terms"] as? [String: Any] ?? [:])
        }
        return collector.finish()
    }
}
