import TemporalModel

/// The type of a Lua value.
public enum LuaType: Sendable, Equatable {
    case none, `nil`, boolean, lightUserdata, number, string, table, function, userdata, thread
}

/// A Lua value as seen from Swift: scalars by value, tables, functions,
/// threads and userdata by `LuaRef`, and `json` for pushing a JSON-shaped
/// value as fresh Lua values.
public enum LuaValue {
    case `nil`
    case bool(Bool)
    /// A Lua integer (subtype of number).
    case integer(Int64)
    /// A Lua float.
    case number(Double)
    /// A Lua string holding valid UTF-8.
    case string(String)
    /// A Lua string that is not valid UTF-8 (any bytes when pushing).
    case bytes([UInt8])
    /// A table, function, thread or (light) userdata anchored in the registry.
    case ref(LuaRef)
    /// Only for pushing: converted to Lua (objects and arrays become tables).
    case json(JSONValue)

    /// The referenced value's handle, if any.
    public var ref: LuaRef? {
        if case .ref(let r) = self { return r }
        return nil
    }
}
