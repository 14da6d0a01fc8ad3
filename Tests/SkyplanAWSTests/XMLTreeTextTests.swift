import Foundation
import Testing

@testable import SkyplanAWS

@Suite struct XMLTreeTextTests {
    @Test func textIsTrimmedOfXMLWhitespaceOnly() {
        #expect(XMLTreeBuilder.trimmingXMLWhitespace("  \n\tvpc-1 \r\n") == "vpc-1")
        #expect(XMLTreeBuilder.trimmingXMLWhitespace("vpc-1") == "vpc-1")
        #expect(XMLTreeBuilder.trimmingXMLWhitespace(" \n ") == "")
        #expect(XMLTreeBuilder.trimmingXMLWhitespace("") == "")
        #expect(XMLTreeBuilder.trimmingXMLWhitespace(" café ") == "café")
        #expect(XMLTreeBuilder.trimmingXMLWhitespace("\u{00A0}name\u{00A0}") == "\u{00A0}name\u{00A0}")
        #expect(XMLTreeBuilder.trimmingXMLWhitespace("\n名前 été\n") == "名前 été")
    }

    @Test func elementNamesLoseTheirNamespacePrefix() throws {
        #expect(XMLTreeBuilder.localName("ec2:item") == "item")
        #expect(XMLTreeBuilder.localName("item") == "item")
        let document = "<a:Root xmlns:a=\"urn:a\" xmlns:b=\"urn:b\"><b:Name>\n  web é \n</b:Name></a:Root>"
        let tree = try XMLTree.parse(Data(document.utf8))
        #expect(tree.name == "Root")
        #expect(tree.string("Name") == "web é")
    }
}
