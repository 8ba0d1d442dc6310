/// One step into a JSON value: an object member or an array element.
enum JSONPathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

extension [JSONPathComponent] {
    /// Renders the path JSONPath-style: `$`, `$.items[2]`, `$["a b"].c`.
    /// Keys that are not plain identifiers are written in bracket form.
    var rendered: String {
        var s = "$"
        for component in self {
            switch component {
            case .index(let i):
                s += "[\(i)]"
            case .key(let k):
                if k.isPlainIdentifier {
                    s += "." + k
                } else {
                    s += "[" + String(decoding: JSONValue.string(k).quotedJSON, as: UTF8.self) + "]"
                }
            }
        }
        return s
    }
}

private extension String {
    var isPlainIdentifier: Bool {
        guard let first = utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return utf8.allSatisfy { b in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_")
        }
    }
}

private extension JSONValue {
    /// The JSON text of a string value (cannot fail).
    var quotedJSON: [UInt8] {
        guard case .string(let s) = self else { return [] }
        var w = JSONWriter(maxDepth: 1)
        w.writeString(s)
        return w.out
    }
}
