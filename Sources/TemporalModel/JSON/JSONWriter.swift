/// Serialises `JSONValue`s to compact UTF-8 JSON text. See
/// `JSONValue.encode(maxDepth:)` for the exact output rules.
struct JSONWriter {
    private(set) var out: [UInt8] = []
    private var path: [JSONPathComponent] = []
    private var depth = 0
    let maxDepth: Int

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    mutating func write(_ value: JSONValue) throws(JSONError) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i):
            out.append(contentsOf: String(i).utf8)
        case .double(let d):
            guard d.isFinite else {
                throw error(.numberOutOfRange, "\(d) has no JSON representation")
            }
            // Swift's description is the shortest text that round-trips and
            // always carries a '.' or an exponent, so 2.0 stays a double.
            out.append(contentsOf: d.description.utf8)
        case .string(let s):
            writeString(s)
        case .bytes(let b):
            throw error(.bytesNotEncodable,
                        "\(b.count) bytes that are not UTF-8 text cannot be encoded as JSON")
        case .array(let items):
            try enter()
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                path.append(.index(i))
                try write(item)
                path.removeLast()
            }
            out.append(UInt8(ascii: "]"))
            depth -= 1
        case .object(let members):
            try enter()
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key)
                out.append(UInt8(ascii: ":"))
                path.append(.key(key))
                try write(members[key]!)
                path.removeLast()
            }
            out.append(UInt8(ascii: "}"))
            depth -= 1
        }
    }

    /// Counts one more level of nesting; the caller decrements `depth`.
    private mutating func enter() throws(JSONError) {
        depth += 1
        if depth > maxDepth {
            throw error(.depthLimit, "nesting deeper than \(maxDepth) levels")
        }
    }

    /// Writes `s` as a JSON string: `"` and `\` escaped, control characters
    /// as `\b \f \n \r \t` or `\u00xx`; everything else verbatim UTF-8.
    mutating func writeString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private func error(_ kind: JSONError.Kind, _ message: String) -> JSONError {
        JSONError(kind: kind, message: message, path: path.rendered)
    }
}
