/// A strict RFC 8259 parser over UTF-8 bytes. See
/// `JSONValue.decode(_:maxDepth:)` for the rules it applies.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0
    private var depth = 0
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
        var items: [JSONValue] = []
        guard try openContainer(close: UInt8(ascii: "]")) else { return .array(items) }
        repeat {
            skipWhitespace()
            items.append(try parseValue())
        } while try !nextOrClose(UInt8(ascii: "]"))
        return .array(items)
    }

    private mutating func parseObject() throws(JSONError) -> JSONValue {
        guard try openContainer(close: UInt8(ascii: "}")) else { return .object([:]) }
        let base = members.count
        repeat {
            let key = try memberKey()
            members.append((key, try parseValue()))
        } while try !nextOrClose(UInt8(ascii: "}"))
        var object = [String: JSONValue](minimumCapacity: members.count - base)
        for i in base..<members.count { object[members[i].0] = members[i].1 }  // a repeated key: the last one wins
        members.removeLast(members.count - base)
        return .object(object)
    }

    /// Steps into the array or object at `index`; false when it is empty
    /// (and already closed again).
    mutating func openContainer(close: UInt8) throws(JSONError) -> Bool {
        try enterContainer()
        index += 1  // '[' or '{'
        skipWhitespace()
        guard peek == close else { return true }
        index += 1
        depth -= 1
        return false
    }

    /// An object member's `"key":`, up to its value.
    mutating func memberKey() throws(JSONError) -> String {
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
        return key
    }

    /// After an element or member: true when `close` ends the container
    /// (consumed), false after a ','.
    mutating func nextOrClose(_ close: UInt8) throws(JSONError) -> Bool {
        skipWhitespace()
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                return false
            case close:
                index += 1
                depth -= 1
                return true
            default:
                break
            }
        }
        let expected = "expected ',' or '\(Character(Unicode.Scalar(close)))'"
        throw error(index < bytes.count ? "unexpected \(describe(bytes[index])), \(expected)"
                                        : "unexpected end of input, \(expected)")
    }

    private mutating func enterContainer() throws(JSONError) {
        depth += 1
        if depth > maxDepth {
            throw error("arrays and objects nested deeper than \(maxDepth) levels", kind: .depthLimit)
        }
    }

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
