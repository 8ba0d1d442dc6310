internal import CLua
internal import CLuaShim
import TemporalModel

/// The arguments of one host-function call and a place to push its results.
///
/// Arguments are numbered from 1, as in Lua. The frame is valid only while
/// the host function runs. Accessors never convert values in place and never
/// raise: a wrong type reads as `nil`.
public final class LuaCallFrame {
    /// The state the function was registered in.
    public unowned let state: LuaState
    let thread: OpaquePointer
    /// Number of arguments passed.
    public let argumentCount: Int
    /// First push failure (stack overflow, foreign ref); turned into an error.
    var pushFailure: LuaError?

    init(state: LuaState, thread: OpaquePointer) {
        self.state = state
        self.thread = thread
        self.argumentCount = Int(lua_gettop(thread))
    }

    private func slot(_ index: Int) -> Int32? {
        index >= 1 && index <= argumentCount ? Int32(index) : nil
    }

    /// The type of argument `index` (`.none` beyond `argumentCount`).
    public func type(at index: Int) -> LuaType {
        guard let i = slot(index) else { return .none }
        return state.luaType(lua_type(thread, i))
    }

    /// Argument `index` if it is a number with an exact integer value.
    public func integer(at index: Int) -> Int64? {
        guard let i = slot(index), lua_type(thread, i) == LUA_TNUMBER else { return nil }
        var ok: Int32 = 0
        let v = lua_tointegerx(thread, i, &ok)
        return ok != 0 ? Int64(v) : nil
    }

    /// Argument `index` as `Int` (see `integer(at:)`).
    public func int(at index: Int) -> Int? { integer(at: index).flatMap { Int(exactly: $0) } }

    /// Argument `index` if it is a number.
    public func double(at index: Int) -> Double? {
        guard let i = slot(index), lua_type(thread, i) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(thread, i, nil)
    }

    /// Argument `index` if it is a string holding valid UTF-8.
    public func string(at index: Int) -> String? {
        guard let i = slot(index), lua_type(thread, i) == LUA_TSTRING,
              case .string(let s) = state.stringValue(at: i, on: thread) else { return nil }
        return s
    }

    /// Argument `index` if it is a string (any bytes).
    public func bytes(at index: Int) -> [UInt8]? {
        guard let i = slot(index), lua_type(thread, i) == LUA_TSTRING else { return nil }
        return Array(state.stringBytes(at: i, on: thread))
    }

    /// Argument `index` if it is a boolean.
    public func bool(at index: Int) -> Bool? {
        guard let i = slot(index), lua_type(thread, i) == LUA_TBOOLEAN else { return nil }
        return lua_toboolean(thread, i) != 0
    }

    /// Lua truthiness of argument `index` (`nil`, `false` and absent are false).
    public func isTruthy(at index: Int) -> Bool {
        guard let i = slot(index) else { return false }
        return lua_toboolean(thread, i) != 0
    }

    /// Argument `index` converted to JSON (absent reads as `.null`); errors
    /// name the path `argument #index...`.
    public func json(at index: Int) throws(LuaError) -> JSONValue {
        guard let i = slot(index) else { return .null }
        return try state.json(at: i, on: thread, path: "argument #\(index)")
    }

    /// Argument `index` anchored in the registry if it is a table, function,
    /// thread or userdata.
    public func ref(at index: Int) -> LuaRef? {
        guard let i = slot(index) else { return nil }
        switch lua_type(thread, i) {
        case LUA_TTABLE, LUA_TFUNCTION, LUA_TTHREAD, LUA_TUSERDATA, LUA_TLIGHTUSERDATA:
            return state.makeRef(at: i, on: thread)
        default:
            return nil
        }
    }

    /// Argument `index` as a `LuaValue` (`.nil` beyond `argumentCount`).
    public func value(at index: Int) -> LuaValue {
        guard let i = slot(index) else { return .nil }
        return state.value(at: i, on: thread)
    }

    /// Pushes a result; return `.results(n)` for the last `n` pushed.
    public func push(_ value: LuaValue) {
        do {
            try state.push(value, on: thread)
        } catch {
            if pushFailure == nil { pushFailure = error }
            if lua_checkstack(thread, 1) != 0 { lua_pushnil(thread) }
        }
    }

    /// Pushes a JSON-shaped result (see `LuaValue.json`).
    public func push(json: JSONValue) { push(.json(json)) }

    /// A `.error` result in Lua's style: "bad argument #i to 'name' (message)".
    public func argumentError(_ index: Int, _ function: String, _ message: String) -> HostResult {
        .error("bad argument #\(index) to '\(function)' (\(message))")
    }
}
