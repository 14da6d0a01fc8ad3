/// The one escaping path for everything written into XML (SVG, mxGraph, the XLSX sheets): attribute
/// values and text alike. Blueprint data is user input (ids, names, ARNs, colours) and is validated
/// on the way in, but stored records may predate that, so every value from a blueprint goes through
/// here on the way out, and the output stays well-formed XML whatever the data holds.
public enum XMLEscape {
    /// `text` safe inside an XML attribute value (either quote) or element content: `& < > " '` become
    /// entities, tab and line breaks become character references (attribute values keep them), and
    /// characters XML 1.0 cannot carry at all (NUL and other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsWork) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A label for a draw.io cell styled `html=1`: draw.io reads the (XML-decoded) value as HTML, so
    /// the text is escaped for HTML first and then for XML.
    public static func htmlLabel(_ text: String) -> String { escape(escape(text)) }

    /// Bytes that need a closer look: markup characters, C0 controls, and the lead byte of U+FFFE/U+FFFF.
    private static func needsWork(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 || byte == 0xEF
    }
}
