/// A strict RFC 8259 parser over UTF-8 bytes. See
/// `JSONValue.decode(_:maxDepth:)` for the rules it applies.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0
    private(set) var depth = 0
    /// The members of the objects being parsed, innermost last: an object's
    /// dictionary is made once its size is known (growing it key by key
    /// rehashed every key at each growth).
    private var members: [(String, JSONValue)] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses exactly one JSON value surrounded by optional whitespace.
    mutating func parseDocument() throws(JSONError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describe(bytes[index])) after the JSON value")
        }
        return value
    }

    mutating func parseValue() throws(JSONError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case let b: throw error("unexpected \(describe(b)), expected a value")
        }
    }

    private mutating func parseArray() throws(JSONError) -> JSONValue {
        try enterContainer()
        index += 1  // '['
        var items: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(items)
            case let b: throw error("unexpected \(describe(b)), expected ',' or ']'")
            }
        }
    }

    private mutating func parseObject() throws(JSONError) -> JSONValue {
        try enterContainer()
        index += 1  // '{'
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([:])
        }
        let base = members.count
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                throw error(index < bytes.count ? "unexpected \(describe(bytes[index])), expected a string key"
                                                : "unexpected end of input, expected a string key")
            }
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw error(index < bytes.count ? "unexpected \(describe(bytes[index])), expected ':'"
                                                : "unexpected end of input, expected ':'")
            }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                var object = [String: JSONValue](minimumCapacity: members.count - base)
                for i in base..<members.count { object[members[i].0] = members[i].1 }  // a repeated key: the last one wins
                members.removeLast(members.count - base)
                return .object(object)
            case let b: throw error("unexpected \(describe(b)), expected ',' or '}'")
            }
        }
    }

    mutating func enterContainer() throws(JSONError) {
        depth += 1
        if depth > maxDepth {
            throw error("arrays and objects nested deeper than \(maxDepth) levels", kind: .depthLimit)
        }
    }

    mutating func leaveContainer() { depth -= 1 }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONError) {
        let start = index
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n {
            guard index < bytes.count, bytes[index] == w[k] else {
                index = start
                throw error("invalid literal, expected '\(word)'")
            }
            index += 1
        }
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// An error at `offset` (default: the current index), with line and column.
    func error(_ message: String, kind: JSONError.Kind = .syntax, at offset: Int? = nil) -> JSONError {
        let offset = offset ?? index
        var line = 1
        var lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return JSONError(kind: kind, message: message, offset: offset, line: line, column: offset - lineStart + 1)
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }
}
