import Foundation

/// Turns offer rows into price-book entries, counting what it read and kept.
struct OfferCollector {
    let importer: PriceImporter
    var offerCode: String
    var publicationDate: String
    var version: String
    var book = PriceBook()
    var rowsRead = 0
    var rowsImported = 0

    init(importer: PriceImporter, offerCode: String, publicationDate: String, version: String) {
        self.importer = importer
        self.offerCode = offerCode
        self.publicationDate = publicationDate
        self.version = version
    }

    /// The as-of date (the publication date's day).
    var asOf: String { String(publicationDate.prefix(10)) }
    var source: String { "offer:\(offerCode) \(version)".trimmingCharacters(in: .whitespaces) }
    /// `source` and `asOf` built once per file, so every entry shares one string storage.
    private var stamp: (source: String, asOf: String)?

    /// Adds one row if a rule claims it.
    mutating func add(_ row: OfferRow) {
        rowsRead += 1
        let region = row[.regionCode]
        guard !region.isEmpty, importer.regions?.contains(region) ?? true,
            row[.currency].isEmpty || row[.currency] == "USD",
            let price = Double(row[.pricePerUnit]), let mapped = OfferRules.map(row)
        else { return }
        let stamp = self.stamp ?? (source, asOf)
        self.stamp = stamp
        let begin = Double(row[.startingRange]) ?? 0
        let end = row[.endingRange].isEmpty || row[.endingRange] == "Inf" ? nil : Double(row[.endingRange])
        book.insert(
            PriceEntry(
                id: mapped.id, region: region, attributes: mapped.attributes, unit: mapped.unit,
                usd: price * mapped.scale,
                begin: begin, end: end, source: stamp.source, asOf: stamp.asOf,
                note: "sku \(row[.sku]) \(row[.usageType])"))
        rowsImported += 1
    }

    /// Adds every price dimension of a JSON product (`productFamily`, `attributes`, `sku`) under its terms.
    mutating func add(product: [String: Any], terms: [String: Any]) {
        var base = OfferRow()
        base[.sku] = product["sku"] as? String ?? ""
        base[.productFamily] = product["productFamily"] as? String ?? ""
        for (key, value) in product["attributes"] as? [String: Any] ?? [:] {
            if let field = OfferField.byName[OfferField.normalize(key)], let text = value as? String {
                base[field] = text
            }
        }
        for termType in terms.keys.sorted() {
            guard let offers = terms[termType] as? [String: Any] else { continue }
            for code in offers.keys.sorted() {
                guard let term = offers[code] as? [String: Any] else { continue }
                var row = base
                row[.termType] = termType
                let attributes = term["termAttributes"] as? [String: Any] ?? [:]
                row[.leaseContractLength] = attributes["LeaseContractLength"] as? String ?? ""
                row[.purchaseOption] = attributes["PurchaseOption"] as? String ?? ""
                row[.offeringClass] = attributes["OfferingClass"] as? String ?? ""
                let dimensions = term["priceDimensions"] as? [String: Any] ?? [:]
                for rateCode in dimensions.keys.sorted() {
                    guard let dimension = dimensions[rateCode] as? [String: Any] else { continue }
                    var priced = row
                    priced[.unit] = dimension["unit"] as? String ?? ""
                    priced[.pricePerUnit] = (dimension["pricePerUnit"] as? [String: Any])?["USD"] as? String ?? ""
                    priced[.currency] = "USD"
                    priced[.startingRange] = dimension["beginRange"] as? String ?? "0"
                    priced[.endingRange] = dimension["endRange"] as? String ?? "Inf"
                    add(priced)
                }
            }
        }
    }

    func finish() -> PriceImporter.Result {
        var result = book
        result.version = "\(offerCode)-\(version)"
        if !offerCode.isEmpty {
            result.sources[source] = PriceSourceInfo(
                description: "AWS Price List offer \(offerCode) version \(version), published \(publicationDate)",
                asOf: asOf)
        }
        return PriceImporter.Result(
            book: result, offerCode: offerCode, publicationDate: publicationDate, offerVersion: version,
            rowsRead: rowsRead, rowsImported: rowsImported)
    }
}

/// Line-by-line state of a CSV offer: metadata, then header, then rows.
struct OfferCSVParser {
    var collector: OfferCollector
    let origin: String
    var lineNumber = 0
    /// For each CSV column, the `OfferField` slot it fills, or -1.
    var slots: [Int]?

    init(importer: PriceImporter, origin: String) {
        collector = OfferCollector(importer: importer, offerCode: "", publicationDate: "", version: "")
        self.origin = origin
    }

    mutating func line(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        lineNumber += 1
        guard bytes.contains(where: { $0 != 0x0D && $0 != 0x20 }) else { return }
        guard let slots else {
            let fields = CSVFields.split(bytes)
            let name = fields.first.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 } ?? ""
            switch name {
            case _ where fields.count > 2 && fields.contains("SKU"):
                let mapped = fields.map { OfferField.byName[OfferField.normalize($0)]?.rawValue ?? -1 }
                for required in [OfferField.pricePerUnit, .unit, .termType] where !mapped.contains(required.rawValue) {
                    throw PriceBookError.badLine(origin, lineNumber, "offer header has no \(required) column")
                }
                self.slots = mapped
            case "Publication Date": collector.publicationDate = fields.count > 1 ? fields[1] : ""
            case "Version": collector.version = fields.count > 1 ? fields[1] : ""
            case "OfferCode": collector.offerCode = fields.count > 1 ? fields[1] : ""
            default: break  // FormatVersion, Disclaimer, future metadata
            }
            return
        }
        var row = OfferRow()
        CSVFields.forEachField(bytes, wanted: slots) { index, value in
            row.values[slots[index]] = value
        }
        collector.add(row)
    }

    func finish() throws -> PriceImporter.Result {
        guard slots != nil else {
            throw PriceBookError.badLine(origin, lineNumber, "no header line (a line with a SKU column)")
        }
        return collector.finish()
    }
}
