import Foundation
import SkyplanModel
import Testing

@Suite struct InventoryJSONWriterTests {
    /// The formattings the CLI, the bench and the server use, and the odd ones.
    static let formats: [(JSONEncoder.OutputFormatting, JSONEncoder.DateEncodingStrategy)] = [
        ([], .deferredToDate), ([.prettyPrinted], .iso8601), ([.prettyPrinted], .deferredToDate),
        ([.sortedKeys], .iso8601), ([.prettyPrinted, .withoutEscapingSlashes], .secondsSince1970),
    ]

    static let inventories: [Inventory] = [
        Inventory(), InventoryFixtures.awkward, InventoryFixtures.random(seed: 7, count: 40),
        InventoryFixtures.random(seed: 99, count: 3),
        Inventory(resources: [InventoryFixtures.awkward.resources[0]], startedAt: Date(timeIntervalSince1970: 0)),
    ]

    @Test(arguments: 0..<formats.count, 0..<inventories.count)
    func writesWhatJSONEncoderWritesByteForByte(format: Int, inventory: Int) throws {
        let (formatting, dates) = Self.formats[format]
        let value = Self.inventories[inventory]
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting.union(.sortedKeys)
        encoder.dateEncodingStrategy = dates
        let expected = try encoder.encode(value)
        let streamed = try InventoryJSONWriter(outputFormatting: formatting, dateEncodingStrategy: dates).encode(value)
        #expect(String(decoding: streamed, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(streamed == expected)
    }

    @Test(arguments: 0..<inventories.count)
    func decodesBackToTheSameInventory(inventory: Int) throws {
        let value = Self.inventories[inventory]
        let data = try InventoryJSONWriter(outputFormatting: .prettyPrinted, dateEncodingStrategy: .iso8601)
            .encode(value)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Inventory.self, from: data) == value)
    }

    @Test func keepsTheAwkwardValuesAsJSONEncoderPrintsThem() throws {
        let text = String(
            decoding: try InventoryJSONWriter(outputFormatting: .prettyPrinted).encode(InventoryFixtures.awkward),
            as: UTF8.self)
        #expect(text.contains("\"big\" : 1e+21"))
        #expect(text.contains("\"tenth\" : 0.1"))
        #expect(text.contains("\"negativeZero\" : -0"))
        #expect(text.contains("\"volumeSize\" : 100,"))
        #expect(text.contains("\"subnetIDs\" : [\n\n        ]"))
        #expect(text.contains("é ☃️ 🚀"))
        #expect(text.contains(#"quote \" back \\ slash \/ tab \t nl \n bell \u0007"#))
    }

    @Test func writesAFileInChunksWithTheSameBytes() throws {
        let value = InventoryFixtures.random(seed: 3, count: 25)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inventory-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "x"), count: 100_000).write(to: url)
        var sink = try FileHandleJSONSink(path: url.path, chunkSize: 97)
        let writer = InventoryJSONWriter(outputFormatting: .prettyPrinted, dateEncodingStrategy: .iso8601)
        try writer.write(value, to: &sink)
        try sink.handle.close()
        let written = try Data(contentsOf: url)
        #expect(written == (try writer.encode(value)))
        #expect(sink.bytesWritten == written.count)
        #expect(written.count > 97 * 3)
    }

    @Test func writesToDevNullWithoutReplacingIt() throws {
        var sink = try FileHandleJSONSink(path: "/dev/null")
        try InventoryJSONWriter().write(InventoryFixtures.awkward, to: &sink)
        #expect(sink.bytesWritten > 100)
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
        #expect(throws: (any Error).self) { try FileHandleJSONSink(path: "/no/such/dir/inventory.json") }
    }

    @Test func neverHandsOverMoreThanOneElementAtATime() throws {
        var sink = CountingSink()
        try InventoryJSONWriter().write(InventoryFixtures.random(seed: 5, count: 200), to: &sink)
        #expect(sink.flushes == 1)
        #expect(sink.writes > 200)
        #expect(sink.largestWrite < 2_000)
    }
}

/// Counts what the writer hands over: many small writes, never the whole document.
struct CountingSink: JSONSink {
    var writes = 0
    var flushes = 0
    var largestWrite = 0

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        writes += 1
        largestWrite = max(largestWrite, bytes.count)
    }

    mutating func flush() throws { flushes += 1 }
}
