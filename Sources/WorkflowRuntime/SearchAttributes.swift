import TemporalModel

/// Typed search attribute payloads (`json/plain` plus a `type` metadata
/// entry): string → Keyword, integer → Int, float → Double, boolean → Bool,
/// list of strings → KeywordList (SPEC §2 `workflow.attrs`).
enum SearchAttributes {
    static func encode(_ value: JSONValue?, what: String) throws(WorkflowRuntimeError) -> PayloadMap {
        guard case .object(let o)? = value else { return [:] }
        var map: PayloadMap = [:]
        for (key, v) in o {
            let type: String
            switch v {
            case .string: type = "Keyword"
            case .int: type = "Int"
            case .double: type = "Double"
            case .bool: type = "Bool"
            case .array(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
                type = "KeywordList"
            default:
                throw WorkflowRuntimeError("\(what).\(key): a search attribute must be a string, number, boolean or list of strings")
            }
            do throws(PayloadError) {
                var payload = try PayloadCodec.encode(v)
                payload.metadata["type"] = Array(type.utf8)
                map[key] = payload
            } catch {
                throw WorkflowRuntimeError("\(what).\(key): \(error)")
            }
        }
        return map
    }
}
