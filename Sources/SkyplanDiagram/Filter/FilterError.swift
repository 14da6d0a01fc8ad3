/// A filter expression that does not parse, with the character position of the problem.
public struct FilterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 0-based character offset into the expression.
    public let position: Int
    /// What was expected or found there.
    public let message: String

    init(position: Int, _ message: String) {
        self.position = position
        self.message = message
    }

    static func unexpected(_ token: FilterToken) -> FilterError {
        switch token.kind {
        case .end: FilterError(position: token.position, "unexpected end of the filter")
        case .close: FilterError(position: token.position, "unexpected ')' with no matching '('")
        default: FilterError(position: token.position, "unexpected \"\(token.text)\"")
        }
    }

    public var description: String { "filter syntax error at position \(position): \(message)" }
}

/// One lexical token of the filter language.
struct FilterToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case word, quoted, open, close, not, and, or, equals, end }
    let kind: Kind
    let text: String
    let position: Int
}

/// Splits a filter expression into tokens.
enum FilterLexer {
    static func tokens(_ input: String) throws(FilterError) -> [FilterToken] {
        let chars = Array(input)
        var result: [FilterToken] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char.isWhitespace {
                index += 1
                continue
            }
            switch char {
            case "(": result.append(FilterToken(kind: .open, text: "(", position: index))
            case ")": result.append(FilterToken(kind: .close, text: ")", position: index))
            case "!": result.append(FilterToken(kind: .not, text: "!", position: index))
            case "=": result.append(FilterToken(kind: .equals, text: "=", position: index))
            case "\"", "'":
                let start = index
                index += 1
                var text = ""
                while index < chars.count, chars[index] != char {
                    text.append(chars[index])
                    index += 1
                }
                guard index < chars.count else { throw FilterError(position: start, "unterminated quoted string") }
                result.append(FilterToken(kind: .quoted, text: text, position: start))
            default:
                let start = index
                var text = ""
                while index < chars.count, !chars[index].isWhitespace, !"()=!\"'".contains(chars[index]) {
                    text.append(chars[index])
                    index += 1
                }
                let kind: FilterToken.Kind =
                    switch text {
                    case "AND", "&&": .and
                    case "OR", "||": .or
                    case "NOT": .not
                    default: .word
                    }
                result.append(FilterToken(kind: kind, text: text, position: start))
                continue
            }
            index += 1
        }
        result.append(FilterToken(kind: .end, text: "", position: chars.count))
        return result
    }
}
