import TemporalModel

/// Typed search attribute and memo payloads for a start request: string →
/// Keyword, integer → Int, float → Double, boolean → Bool, list of strings →
/// KeywordList (the same mapping as `workflow.attrs` in workflows).
enum SearchAttributeEncoding {
    /// The Temporal type name of a search attribute value, or `INVALID`.
    static func type(of value: JSONValue, what: String) throws(ClientError) -> String {
        switch value {
        case .string: return "Keyword"
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .array(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            return "KeywordList"
        default:
            throw .invalid("\(what): a search attribute must be a string, number, boolean or list of strings")
        }
    }

    static func encode(_ attributes: [String: JSONValue]) throws(ClientError) -> PayloadMap {
        var map: PayloadMap = [:]
        for (key, value) in attributes {
            let type = try type(of: value, what: "search attribute \(key)")
            var payload = try PayloadEncoding.payload(value, what: "search attribute \(key)")
            payload.metadata["type"] = Array(type.utf8)
            map[key] = payload
        }
        return map
    }
}

/// `JSONValue` → `Payload` with the error as a `ClientError`.
enum PayloadEncoding {
    static func payload(_ value: JSONValue, what: String) throws(ClientError) -> Payload {
        do throws(PayloadError) {
            return try PayloadCodec.encode(value)
        } catch {
            throw .invalid("cannot encode \(what): \(error)")
        }
    }

    static func payloads(_ values: [JSONValue], what: String) throws(ClientError) -> [Payload] {
        var out: [Payload] = []
        for (i, v) in values.enumerated() { out.append(try payload(v, what: "\(what) \(i + 1)")) }
        return out
    }

    static func map(_ values: [String: JSONValue], what: String) throws(ClientError) -> PayloadMap {
        var out: PayloadMap = [:]
        for (k, v) in values { out[k] = try payload(v, what: "\(what).\(k)") }
        return out
    }
}
