/// The columns of an AWS Price List offer the importer reads, by normalized name (lower-cased,
/// non-alphanumerics removed), so CSV headers (`Instance Type`, `Pre Installed S/W`) and JSON
/// attribute keys (`instanceType`, `preInstalledSw`) meet.
enum OfferField: Int, CaseIterable {
    case sku, termType, unit, pricePerUnit, currency, startingRange, endingRange
    case leaseContractLength, purchaseOption, offeringClass
    case productFamily, regionCode, instanceType, tenancy, operatingSystem, preInstalledSw, capacityStatus
    case licenseModel, usageType, volumeApiName, databaseEngine, deploymentOption, databaseEdition, cacheEngine
    case group

    /// The normalized column name.
    var normalizedName: String {
        switch self {
        case .preInstalledSw: "preinstalledsw"
        default: String(describing: self).lowercased()
        }
    }

    /// `Instance Type` → `instancetype`.
    static func normalize(_ name: String) -> String {
        String(
            name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                .map(Character.init))
    }

    /// Field by normalized name.
    static let byName: [String: OfferField] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.normalizedName, $0) })
}

/// One price row of an offer (one price dimension of one term of one product), reduced to the
/// fields the importer reads.
struct OfferRow {
    var values: [String]

    init() {
        values = Array(repeating: "", count: OfferField.allCases.count)
    }

    subscript(field: OfferField) -> String {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }
}
