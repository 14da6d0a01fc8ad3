import Foundation
import SkyplanBudget
import SkyplanDiagram
import SkyplanModel
import Testing

@testable import SkyplanServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Mutates blueprint JSON (numbers huge, negative or NaN-like text, strings with markup, NUL and unicode,
/// deep nesting, wrong types, missing and extra fields) and runs each through decode → validate → export in
/// every format and the budget: nothing traps or hangs, SVG and mxGraph stay well-formed XML with no markup
/// from the data. The same documents read back unchecked (as records stored before validation) go through
/// the exports too. Seeded, so a failure reproduces.
@Suite struct BlueprintFuzzTests {
    static let numbers: [Double] = [
        1e19, 1e300, -1e300, 1e17, 1e15, -1e15, 1_000_001, -1, 0, 0.5, 9.2e18, 4.5, 1e-300, -0.0, 64, 1e9 + 1,
    ]
    static let strings: [String] = [
        "NaN", "Infinity", "-inf", "1e400", "<script>alert(1)</script>", "<a id=x>", "\"/><svg onload=alert(1)>",
        "a\u{0}b", "\u{FFFE}\u{FFFF}", "\u{202E}rtl", "😀👩‍👩‍👧", "&amp;", "]]>", "'", "x;image=javascript:alert(1)",
        "#fff\"", String(repeating: "é", count: 300), "\u{1}\u{8}\u{1B}[31m", "ec2", "vpc", "zone", "n1", "#ED7100",
        "isometric", "2d", "",
    ]

    enum Step: Hashable { case key(String), index(Int) }

    /// Every path in the tree (depth-first), so a mutation can land anywhere.
    static func paths(_ value: JSONValue, _ prefix: [Step] = [], into result: inout [[Step]]) {
        result.append(prefix)
        switch value {
        case .object(let object):
            for key in object.keys.sorted() { paths(object[key] ?? .null, prefix + [.key(key)], into: &result) }
        case .array(let items):
            for (index, item) in items.enumerated() { paths(item, prefix + [.index(index)], into: &result) }
        default: break
        }
    }

    static func replacing(_ value: JSONValue, at path: ArraySlice<Step>, with new: (JSONValue) -> JSONValue?)
        -> JSONValue?
    {
        guard let step = path.first else { return new(value) }
        switch (value, step) {
        case (.object(var object), .key(let key)):
            object[key] = replacing(object[key] ?? .null, at: path.dropFirst(), with: new)
            return .object(object)
        case (.array(var items), .index(let index)) where index < items.count:
            if let item = replacing(items[index], at: path.dropFirst(), with: new) {
                items[index] = item
            } else {
                items.remove(at: index)
            }
            return .array(items)
        default: return value
        }
    }

    static func hostile(_ random: inout SeededRandom) -> JSONValue {
        switch random.next() % 6 {
        case 0, 1: return .number(numbers[Int(random.next() % UInt64(numbers.count))])
        case 2, 3: return .string(strings[Int(random.next() % UInt64(strings.count))])
        case 4:
            var nested: JSONValue = .number(1e300)
            for level in 0..<Int(20 + random.next() % 50) {
                nested = level % 2 == 0 ? .array([nested]) : .object(["a": nested])
            }
            return nested
        default:
            let pick = random.next() % 5
            return pick == 0
                ? .null
                : pick == 1
                    ? .bool(true)
                    : pick == 2 ? .array([]) : pick == 3 ? .object([:]) : .array([.number(1e17), .number(-1e17)])
        }
    }

    static func mutate(_ document: JSONValue, _ random: inout SeededRandom) -> JSONValue {
        var result = document
        for _ in 0..<(1 + random.next() % 3) {
            var all: [[Step]] = []
            paths(result, into: &all)
            let path = all[Int(random.next() % UInt64(all.count))]
            let action = random.next() % 4
            var value = hostile(&random)
            let key = strings[Int(random.next() % UInt64(strings.count))]
            result =
                replacing(result, at: path[...]) { old in
                    switch action {
                    case 0: return nil  // remove it
                    case 1:
                        // Add a field (or element) next to what is there.
                        if case .object(var object) = old {
                            object[
                                ["count", "version", "mapPos", "mapSize", "color", "id", key][Int(random.next() % 7)]] =
                                value
                            return .object(object)
                        }
                        if case .array(var items) = old {
                            items.append(value)
                            return .array(items)
                        }
                        return value
                    default:
                        if case .number(let number) = old, random.next() % 2 == 0 {
                            value = .number(-number * 1e10)
                        }
                        return value
                    }
                } ?? result
        }
        return result
    }

    static func seeds() throws -> [JSONValue] {
        let inventory = SyntheticInventory.make(components: 12, seed: 7)
        let layout = Layout.blueprint(for: inventory, options: LayoutOptions(name: "fuzz"))
        let cloudcraft = """
            {"name":"Demo","version":4,"projection":"2d","theme":{"base":"dark"},
             "nodes":[{"type":"ec2","id":"n1","region":"us-east-1","mapPos":[3,4],"color":{"isometric":"#ED7100","2d":"#ED7100"},
               "instanceType":"m5","instanceSize":"large","billingOptions":{"type":"ri","utilization":1,"leaseContractLength":36},
               "count":4,"breakdown":{"m5.large":4},"name":"web"},
              {"type":"rds","id":"n2","mapPos":[7,4],"engine":"postgres","multiAZ":true,"storage":100,"iops":5000},
              {"type":"s3","id":"n3","mapPos":[7,8],"dataGb":"12"}],
             "edges":[{"id":"e1","from":"n1","to":"n2","type":"edge","width":2}],
             "groups":[{"type":"vpc","id":"g1","nodes":["n1","n2"],"name":"prod","mapPos":[0,0],"mapSize":[12,10]}],
             "surfaces":[{"type":"zone","id":"z1","mapPos":[0,0],"mapSize":[10,8],"name":"a"}],
             "text":[{"id":"t1","text":"hello","mapPos":[1,1],"textSize":20}]}
            """
        return [
            try JSONDecoder().decode(JSONValue.self, from: Data(cloudcraft.utf8)),
            try JSONDecoder().decode(JSONValue.self, from: layout.encoded()),
        ]
    }

    static let exports: [(format: String, query: [String: String])] = [
        ("svg", ["projection": "isometric"]), ("svg", ["projection": "2d", "theme": "dark"]), ("mxGraph", [:]),
        ("json", [:]), ("png", ["width": "96", "height": "64"]), ("pdf", ["width": "96", "height": "64"]),
    ]

    /// Exports `data` in every format and prices it; returns a problem, or nil.
    static func exportEverything(_ data: BlueprintData, pricing: Pricing) throws -> String? {
        for (format, query) in exports {
            let parameters = try ExportParameters(format: format, value: { query[$0] })
            let output: DiagramExporter.Output
            do {
                output = try DiagramExporter.export(data, parameters)
            } catch let error as APIError where error.status == .badRequest {
                continue  // refused with a message: fine
            }
            guard format == "svg" || format == "mxGraph" else { continue }
            let text = String(decoding: output.body, as: UTF8.self)
            let parser = XMLParser(data: output.body)
            if !parser.parse() {
                return "\(format) \(query) is not well-formed: \(String(describing: parser.parserError))"
            }
            for raw in ["<script", "<a ", "<svg onload"] where text.contains(raw) { return "\(format) contains \(raw)" }
        }
        let budget = pricing.model.budget(for: PricedComponent.components(of: data))
        _ = try? pricing.exporter.csv(budget)
        _ = try? pricing.exporter.report(budget).json()
        return nil
    }

    @Test(.timeLimit(.minutes(10)))
    func mutatedBlueprintsNeitherTrapNorBreakTheExports() async throws {
        let pricing = try Pricing.load(path: nil)
        var random = SeededRandom(seed: 0x5EED_0018)
        var accepted = 0, refused = 0
        for (seedIndex, seed) in try Self.seeds().enumerated() {
            for iteration in 0..<120 {
                // Long synchronous work: let the other tests' tasks have the (two-thread) cooperative pool between
                // mutations, or their deadlines measure this test instead of themselves.
                await Task.yield()
                let mutated = Self.mutate(seed, &random)
                guard let bytes = try? JSONEncoder().encode(mutated) else { continue }
                let label =
                    "seed \(seedIndex) iteration \(iteration): \(String(decoding: bytes.prefix(400), as: UTF8.self))"
                do {
                    let data = try BlueprintData.decode(bytes)
                    accepted += 1
                    let problem = try Self.exportEverything(data, pricing: pricing)
                    #expect(problem == nil, "\(label)")
                } catch let error as BlueprintError {
                    refused += 1
                    #expect(!error.description.isEmpty)
                }
                // As a record stored before validation: read back unchecked, the exports still hold.
                if let stored = try? BlueprintData.decode(bytes, checking: false) {
                    let problem = try Self.exportEverything(stored, pricing: pricing)
                    #expect(problem == nil, "stored \(label)")
                }
            }
        }
        // The mutations exercise both sides.
        #expect(accepted > 20)
        #expect(refused > 20)
    }
}
