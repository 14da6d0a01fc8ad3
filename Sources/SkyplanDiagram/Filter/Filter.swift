/// The Cloudcraft filter language: names or ids, `type=ec2`, IP addresses, `tag=value` or a bare tag
/// key, container ids (`vpc-...` selects what is inside), state words (`running`), combined with
/// `AND`, `OR`, `NOT` / `!` and parentheses. Juxtaposition means AND:
/// `service=web AND (type=ec2 running OR type=ebs)`.
public enum Filter {
    /// Parses an expression; an empty one matches everything. Errors carry the character position.
    public static func parse(_ text: String) throws(FilterError) -> FilterExpression {
        var parser = FilterParser(tokens: try FilterLexer.tokens(text))
        if parser.peek.kind == .end { return .all }
        let expression = try parser.orExpression()
        guard parser.peek.kind == .end else { throw .unexpected(parser.peek) }
        return expression
    }
}

/// Recursive-descent parser: or := and (OR and)*; and := unary ((AND)? unary)*; unary := (NOT|!) unary | primary.
struct FilterParser {
    private let tokens: [FilterToken]
    private var index = 0
    private var depth = 0

    init(tokens: [FilterToken]) { self.tokens = tokens }

    var peek: FilterToken { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> FilterToken {
        let token = peek
        index += 1
        return token
    }

    mutating func orExpression() throws(FilterError) -> FilterExpression {
        var left = try andExpression()
        while peek.kind == .or {
            _ = advance()
            left = .or(left, try andExpression())
        }
        return left
    }

    private mutating func andExpression() throws(FilterError) -> FilterExpression {
        var left = try unary()
        while true {
            switch peek.kind {
            case .and:
                _ = advance()
                left = .and(left, try unary())
            case .word, .quoted, .open, .not:
                left = .and(left, try unary())
            default:
                return left
            }
        }
    }

    private mutating func unary() throws(FilterError) -> FilterExpression {
        if peek.kind == .not {
            _ = advance()
            return .not(try unary())
        }
        return try primary()
    }

    private mutating func primary() throws(FilterError) -> FilterExpression {
        let token = advance()
        switch token.kind {
        case .open:
            depth += 1
            guard depth <= 64 else { throw FilterError(position: token.position, "parentheses nested too deeply") }
            if peek.kind == .close { throw FilterError(position: peek.position, "empty parentheses") }
            let inner = try orExpression()
            guard peek.kind == .close else {
                throw FilterError(
                    position: peek.position, "expected ')' to close the '(' at position \(token.position)")
            }
            _ = advance()
            depth -= 1
            return inner
        case .word, .quoted:
            guard peek.kind == .equals else { return .term(.word(token.text)) }
            let equals = advance()
            let value = advance()
            guard value.kind == .word || value.kind == .quoted else {
                throw FilterError(position: value.position, "expected a value after '=' at position \(equals.position)")
            }
            if token.text.lowercased() == "type" { return .term(.type(value.text.lowercased())) }
            return .term(.pair(key: token.text, value: value.text))
        case .equals:
            throw FilterError(position: token.position, "'=' needs a key before it, as in tag=value")
        default:
            throw .unexpected(token)
        }
    }
}
