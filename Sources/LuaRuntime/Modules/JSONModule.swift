import TemporalModel

extension LuaState {
    /// Builds the `json` module: `json.encode(value) -> string` (compact,
    /// sorted keys, the payload encoding) and `json.decode(text) -> value`.
    /// Both return `nil, message` on bad input instead of raising, like the
    /// rest of Moonflow's Lua API.
    public func makeJSONModule() throws(LuaError) -> LuaRef {
        let module = try newTable()
        try registerFunction(in: module, name: "encode") { frame in
            do {
                let value = try frame.json(at: 1)
                let text = try value.encodedString()
                return .values([.string(text)])
            } catch {
                return .values([.nil, .string("json.encode: \(error)")])
            }
        }
        try registerFunction(in: module, name: "decode") { frame in
            guard let text = frame.bytes(at: 1) else {
                return .values([.nil, .string("json.decode expects a string")])
            }
            do {
                return .values([.json(try JSONValue.decode(text))])
            } catch {
                return .values([.nil, .string("json.decode: \(error)")])
            }
        }
        return module
    }
}
