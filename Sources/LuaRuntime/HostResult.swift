/// What a host function tells the C trampoline to do once it has returned.
public enum HostResult {
    /// Return the top `n` values the body pushed with `LuaCallFrame.push`.
    case results(Int)
    /// Push these values and return them.
    case values([LuaValue])
    /// Raise this message, prefixed with the caller's `chunk.lua:LINE:`.
    case error(String)
    /// Raise this value as is (e.g. a structured error table).
    case errorValue(LuaValue)
}

/// The body of a host function. It must not call back into Lua through the
/// same frame's values after returning (the frame is only valid during the call).
public typealias HostFunction = (LuaCallFrame) -> HostResult
