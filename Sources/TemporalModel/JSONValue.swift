/// A JSON-shaped value: what Lua values become when they travel as payloads.
///
/// Integers and floating point numbers are kept apart so that a Lua integer
/// stays an integer through a round trip. `bytes` holds a string that is not
/// valid UTF-8; at the top level of a payload it travels as `binary/plain`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case array([JSONValue])
    case object([String: JSONValue])
}
