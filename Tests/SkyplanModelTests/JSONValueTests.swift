import Foundation
import SkyplanModel
import Testing

@Suite("JSON values")
struct JSONValueTests {
    @Test func decodesEveryKindAsItself() throws {
        let text =
            #"{"a":null,"b":true,"c":false,"d":1.5,"e":"1.5","f":[1,"x",false,null,{}],"g":{"h":[]},"i":0,"j":"true"}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let expected: JSONValue = .object([
            "a": .null, "b": .bool(true), "c": .bool(false), "d": .number(1.5), "e": .string("1.5"),
            "f": .array([.number(1), .string("x"), .bool(false), .null, .object([:])]),
            "g": .object(["h": .array([])]), "i": .number(0), "j": .string("true"),
        ])
        #expect(value == expected)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value)) == value)
    }
}
