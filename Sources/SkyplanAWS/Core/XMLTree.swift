import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small XML element tree: what the query, EC2 and REST-XML protocols answer.
public struct XMLTree: Sendable, Hashable {
    /// The element name without namespace prefix.
    public var name: String
    /// Attributes.
    public var attributes: [String: String]
    /// Concatenated text directly inside this element, trimmed.
    public var text: String
    /// Child elements in order.
    public var children: [XMLTree]

    /// Creates an element.
    public init(name: String, attributes: [String: String] = [:], text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    public subscript(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// The element at a path of child names (`tree["a", "b"]`).
    public subscript(_ first: String, _ rest: String...) -> XMLTree? {
        var node = self[first]
        for name in rest { node = node?[name] }
        return node
    }

    /// All children named `name`.
    public func all(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// Text of the child named `name`, nil when absent.
    public func string(_ name: String) -> String? { self[name]?.text }

    /// Items of a list wrapper (`<vpcSet><item>..</item></vpcSet>` or `<Members><member>..`): the children
    /// of the child named `wrapper`, whatever their names.
    public func list(_ wrapper: String) -> [XMLTree] { self[wrapper]?.children ?? [] }

    /// The first element named `name` anywhere below (depth first), or self.
    public func first(named name: String) -> XMLTree? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }

    /// Parses a document; throws on malformed XML. Never crashes on bad input.
    public static func parse(_ data: Data) throws -> XMLTree {
        // FoundationXML traps on element names that are not valid UTF-8 (found by ParserFuzzTests):
        // AWS answers are UTF-8, so anything else is refused before it reaches the parser.
        guard String(validating: data, as: UTF8.self) != nil, !data.contains(0) else {
            throw AWSError(kind: .invalidResponse, code: "MalformedXML", message: "the answer is not UTF-8 text")
        }
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw AWSError(
                kind: .invalidResponse, code: "MalformedXML",
                message: parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element")
        }
        return root
    }
}

/// XMLParser delegate building an `XMLTree`. Only used inside `XMLTree.parse`.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLTree] = []
    private(set) var root: XMLTree?
    private var depthLimitHit = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if stack.count > 256 {
            depthLimitHit = true
            parser.abortParsing()
            return
        }
        stack.append(XMLTree(name: Self.localName(elementName), attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard var node = stack.popLast() else { return }
        node.text = Self.trimmingXMLWhitespace(node.text)
        if stack.isEmpty {
            root = depthLimitHit ? nil : node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    /// The name without its namespace prefix (`ec2:item` → `item`). Runs for every element of every answer, so it
    /// looks at bytes and allocates only when there is a prefix.
    static func localName(_ name: String) -> String {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF: the XML specification's set), the
    /// same string when there is none. Foundation's `trimmingCharacters` goes through NSString on Linux and was a
    /// tenth of a scan's CPU.
    static func trimmingXMLWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
            let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        // Both ends sit next to an ASCII byte (or at the text's ends), so they fall on character boundaries.
        let end = utf8.index(after: last)
        if first == utf8.startIndex && end == utf8.endIndex { return text }
        return String(text[first..<end])
    }
}
